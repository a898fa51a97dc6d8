// Schema migrations for the SQLite store, applied in order; PRAGMA user_version
// records how many have run.
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id),
    date TEXT NOT NULL,
    masthead TEXT,
    UNIQUE (paper_id, date)
  );
  CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    issue_id INTEGER REFERENCES issues(id),
    paper TEXT,
    date TEXT,
    page_no INTEGER,
    page_name TEXT,
    source_path TEXT,
    content_hash TEXT NOT NULL,
    source_text TEXT,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX pages_hash ON pages (content_hash);
  CREATE INDEX pages_issue ON pages (issue_id, page_no);
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
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
    confidence REAL NOT NULL,
    sources TEXT NOT NULL,
    group_uid TEXT
  );
  CREATE INDEX articles_page ON articles (page_id, seq);
  CREATE INDEX articles_group ON articles (group_uid);
  CREATE TABLE article_people (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT NOT NULL
  );
  CREATE INDEX article_people_article ON article_people (article_id);
  CREATE INDEX article_people_name ON article_people (name);
  CREATE VIRTUAL TABLE article_fts USING fts5 (
    title_u, title_b, body_u, body_b, byline_u, byline_b, caption_u, caption_b,
    content = '', contentless_delete = 1, tokenize = 'unicode61'
  );
  `,
  // 2: banmian's own search index in place of FTS5 (see search-index.ts); ids given out once
  `
  DROP TABLE article_fts;
  CREATE TABLE search_postings (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    start INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE UNIQUE INDEX search_postings_term ON search_postings (term, start);
  CREATE INDEX search_postings_start ON search_postings (start);
  CREATE TABLE search_state (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  INSERT INTO search_state (name, value) VALUES ('indexed_through', 0);
  INSERT INTO search_state (name, value) SELECT 'next_article', COALESCE(MAX(id), 0) + 1 FROM articles;
  `,
  // 3: what search's facet index reads at its build, out of indexes alone: a page's row is its texts
  // (a 4 KiB leaf a page), and reporters were looked up row by row
  `
  CREATE INDEX pages_identity ON pages (paper, date, page_no);
  CREATE INDEX article_people_reporters ON article_people (article_id, name) WHERE role = 'reporters';
  `,
  // 4: search's facet index kept in the file (facet-cache.ts), stamped with a count of the writes that change it
  `
  CREATE TABLE facet_cache (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    writes INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  INSERT INTO search_state (name, value) VALUES ('writes', 0);
  `,
  // 5: the reporters' index by name, so that the facet index's build finds the distinct names by seeking
  // (reading every row for them took 0.74 s at 1M articles) and reads each name's articles as numbers
  `
  DROP INDEX article_people_reporters;
  CREATE INDEX article_people_reporter_names ON article_people (name, article_id) WHERE role = 'reporters';
  `,
];
