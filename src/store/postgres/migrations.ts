// Schema migrations for the PostgreSQL store, applied in order inside one
// transaction each; banmian_schema records how many have run.
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE papers (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE issues (
    id BIGSERIAL PRIMARY KEY,
    paper_id BIGINT NOT NULL REFERENCES papers(id),
    date TEXT NOT NULL,
    masthead TEXT, -- JSON as written, key order kept
    UNIQUE (paper_id, date)
  );
  CREATE TABLE pages (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    issue_id BIGINT REFERENCES issues(id),
    paper TEXT,
    date TEXT,
    page_no INTEGER,
    page_name TEXT,
    source_path TEXT,
    content_hash TEXT NOT NULL,
    source_text TEXT,
    record TEXT NOT NULL, -- the page record as JSON text, key order kept
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX pages_hash ON pages (content_hash);
  CREATE INDEX pages_issue ON pages (issue_id, page_no);
  CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kicker TEXT,
    title TEXT,
    subtitle TEXT,
    dateline TEXT,
    byline TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    captions TEXT NOT NULL,
    continued_from TEXT,
    continued_to TEXT,
    complete INTEGER NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    sources TEXT NOT NULL,
    group_uid TEXT,
    -- search: our tokens, each once, weighted by field (A title, B byline, C caption, D body) …
    terms TSVECTOR NOT NULL,
    -- … and the folded field texts, to confirm a phrase where the tokens only say "maybe"
    folded_title TEXT NOT NULL,
    folded_body TEXT NOT NULL,
    folded_byline TEXT NOT NULL,
    folded_caption TEXT NOT NULL
  );
  CREATE INDEX articles_page ON articles (page_id, seq);
  CREATE INDEX articles_group ON articles (group_uid);
  CREATE INDEX articles_terms ON articles USING GIN (terms);
  CREATE TABLE article_people (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT NOT NULL
  );
  CREATE INDEX article_people_article ON article_people (article_id);
  CREATE INDEX article_people_name ON article_people (name);
  `,
  // 2: what search counts and facets by, on the article itself (no join to pages per match), and the
  // article row kept narrow (long texts and the term vector out of line), so that counting a common
  // word's matches reads a few pages of heap instead of every article's text
  `
  ALTER TABLE articles ADD COLUMN paper TEXT, ADD COLUMN date TEXT, ADD COLUMN page_no INTEGER,
    ADD COLUMN reporters TEXT[] NOT NULL DEFAULT '{}';
  ALTER TABLE articles SET (toast_tuple_target = 128);
  -- one pass, so that every row is rewritten (narrow) once
  UPDATE articles a SET paper = p.paper, date = p.date, page_no = p.page_no,
    reporters = COALESCE((SELECT array_agg(ap.name) FROM article_people ap WHERE ap.article_id = a.id AND ap.role = 'reporters'), '{}')
    FROM pages p WHERE p.id = a.page_id;
  `,
  // 3: search ranks and confirms on the short folded fields (headline, byline, captions) kept in
  // the row, not read out of line (new rows; the rows already stored stay as they are)
  `
  ALTER TABLE articles ALTER COLUMN folded_title SET STORAGE MAIN, ALTER COLUMN folded_byline SET STORAGE MAIN,
    ALTER COLUMN folded_caption SET STORAGE MAIN;
  `,
  // 4: the rest of what search reads of every match kept in the row too: the folded body (a phrase is
  // confirmed on it), and the paper, date and reporters (facets). toast_tuple_target = 128 had moved every
  // value longer than a toast pointer out of line, a reporters array of one name included, so each match
  // cost a TOAST lookup per column. A body over a page's room still goes out of line. New rows only, as 3.
  `
  ALTER TABLE articles ALTER COLUMN folded_body SET STORAGE MAIN, ALTER COLUMN paper SET STORAGE MAIN,
    ALTER COLUMN date SET STORAGE MAIN, ALTER COLUMN reporters SET STORAGE MAIN;
  `,
];
