// The PostgreSQL store: the same Store as SQLite, for archives beyond one
// machine. A pool of connections; every page in one transaction (a savepoint
// each when several are written together); all values bound as parameters.
import pg from 'pg';
import type { Masthead } from '../../tree/types.js';
import type {
  ArticleFilter,
  IssueSummary,
  PageInput,
  PageSummary,
  PaperSummary,
  PutResult,
  RemoveResult,
  SearchParams,
  SearchResult,
  Stats,
  Store,
  StoredArticle,
  StoredPage,
} from '../store.js';
import { StoreError } from '../store.js';
import { PG_MIGRATIONS } from './migrations.js';
import { termVector, toPgCondition } from './pg-match.js';
import { articleId, isUnidentifiedKey, pageKey, pageNumberOf } from '../keys.js';
import { HIT_COLUMNS, articleFromRow, articleValues, hitFromRow, type HitRow, storedPageFromRow, fieldTexts, missingDates, missingPages, pageInputFromRows, rowsOf, snippetFor, type ArticleRow, type PageRow } from '../shared.js';
import { indexTerms } from '../../search/tokenize.js';
import { fold } from '../../search/fold.js';
import { positiveTerms } from '../../search/query.js';

const ARTICLE_COLUMNS = `${HIT_COLUMNS}, a.sources`;

/** How many matches are ranked at most; the rest follow newest first (as in SQLite). */
const RANK_WINDOW = 5000;

/** Memory for one search's bitmap of matches: exact (never lossy) up to millions of articles. */
const SEARCH_WORK_MEM = '64MB';

type Db = Pick<pg.PoolClient, 'query'>;

/**
 * A match's score from where its words stand: 1 for each word in the headline, 0.2 in the byline or a
 * caption, else 0.1 (the body) — the weights the term vector carries, read from the short folded fields
 * in the row instead (ranking by the term vector read each match's vector out of line: 20–40 µs a match).
 * The words are the text array parameter `$at`.
 */
function placeScore(words: number, at: number): string {
  if (!words) return '0';
  return Array.from({ length: words }, (_, i) => {
    const w = `($${at}::text[])[${i + 1}]`;
    return `(CASE WHEN strpos(folded_title, ${w}) > 0 THEN 1.0 WHEN strpos(folded_byline, ${w}) > 0 OR strpos(folded_caption, ${w}) > 0 THEN 0.2 ELSE 0.1 END)`;
  }).join(' + ');
}

/** `postgres://user:pass@host/db?schema=name`: the schema (created when missing) holds the archive; default public. */
export async function openPostgresStore(url: string): Promise<Store> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StoreError(`schema "${schema}" is not a plain lower-case SQL name`);
  parsed.searchParams.delete('schema');
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: Number(parsed.searchParams.get('pool') ?? 8), options: `-c search_path=${schema}` });
  pool.on('error', () => {}); // an idle connection dropped by the server is replaced on the next query
  try {
    await migrate(pool, schema);
  } catch (e) {
    await pool.end();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot open the PostgreSQL store at ${redact(url)}: ${(e as Error).message}`);
  }
  return new PostgresStore(pool, redact(url));
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One migrator at a time, the schema's creation included: two processes opening a fresh
    // schema at once would otherwise race on CREATE SCHEMA IF NOT EXISTS (a unique violation).
    await client.query('SELECT pg_advisory_xact_lock(7363426)');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS banmian_schema (version INTEGER NOT NULL)');
    const row = (await client.query('SELECT version FROM banmian_schema')).rows[0] as { version: number } | undefined;
    const version = row?.version ?? 0;
    if (version > PG_MIGRATIONS.length) throw new StoreError(`this store was made by a newer banmian (schema ${version}); upgrade banmian`);
    for (let v = version; v < PG_MIGRATIONS.length; v++) await client.query(PG_MIGRATIONS[v]);
    if (!row) await client.query('INSERT INTO banmian_schema (version) VALUES ($1)', [PG_MIGRATIONS.length]);
    else await client.query('UPDATE banmian_schema SET version = $1', [PG_MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** Pages whose articles an export reads in one statement (about 190 articles on the bench's pages). */
const EXPORT_PAGES = 32;

class PostgresStore implements Store {
  readonly capabilities = { embedded: false, ranking: 'ts_rank' as const };

  constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  private async rows<T>(sql: string, args: unknown[] = [], db: Db = this.pool): Promise<T[]> {
    return (await db.query(sql, args)).rows as T[];
  }

  private async transaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async putPage(input: PageInput): Promise<PutResult> {
    return this.transaction((db) => this.writePage(db, input));
  }

  async putPages(inputs: PageInput[]): Promise<Array<PutResult | { status: 'failed'; error: Error }>> {
    return this.transaction(async (db) => {
      const out: Array<PutResult | { status: 'failed'; error: Error }> = [];
      for (const input of inputs) {
        await db.query('SAVEPOINT page');
        try {
          out.push(await this.writePage(db, input));
          await db.query('RELEASE SAVEPOINT page');
        } catch (e) {
          await db.query('ROLLBACK TO SAVEPOINT page');
          out.push({ status: 'failed', error: e as Error });
        }
      }
      return out;
    });
  }

  private async writePage(db: pg.PoolClient, input: PageInput): Promise<PutResult> {
    const key = input.key ?? pageKey(input.identity, input.sourcePath, input.contentHash);
    // one writer per page key at a time, across every worker on every machine
    await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    const [existing] = await this.rows<{ id: string; content_hash: string }>('SELECT id, content_hash FROM pages WHERE key = $1', [key], db);
    if (existing?.content_hash === input.contentHash) return { status: 'unchanged', pageKey: key, articles: 0 };
    let filed = false;
    if (!existing) {
      const [twin] = await this.rows<{ id: string; key: string; issue_id: string | null }>('SELECT id, key, issue_id FROM pages WHERE content_hash = $1 LIMIT 1', [input.contentHash], db);
      if (twin && !(isUnidentifiedKey(twin.key) && !isUnidentifiedKey(key))) return { status: 'unchanged', pageKey: twin.key, articles: 0 };
      // the same page, kept unidentified until now, given its paper and date: filed under its key in place of that
      if (twin) {
        await this.dropPage(db, twin);
        filed = true;
      }
    }
    const { paper, date, page, pageName } = input.identity;
    const rows = rowsOf(input);
    let issueId: string | null = null;
    if (paper && date) {
      await db.query('INSERT INTO papers (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [paper]);
      const [{ id: paperId }] = await this.rows<{ id: string }>('SELECT id FROM papers WHERE name = $1', [paper], db);
      await db.query('INSERT INTO issues (paper_id, date) VALUES ($1, $2) ON CONFLICT (paper_id, date) DO NOTHING', [paperId, date]);
      [{ id: issueId }] = await this.rows<{ id: string }>('SELECT id FROM issues WHERE paper_id = $1 AND date = $2', [paperId, date], db);
      if (rows.masthead) await db.query('UPDATE issues SET masthead = $1 WHERE id = $2', [rows.masthead, issueId]);
    }
    const pageRecord = rows.record;
    const values = [issueId, paper, date, page, pageName, input.sourcePath, input.contentHash, input.sourceText, pageRecord];
    let pageId: string;
    if (existing) {
      pageId = existing.id;
      await db.query('UPDATE articles SET group_uid = NULL WHERE group_uid IN (SELECT uid FROM articles WHERE page_id = $1)', [pageId]);
      await db.query('DELETE FROM articles WHERE page_id = $1', [pageId]);
      await db.query(
        `UPDATE pages SET issue_id = $1, paper = $2, date = $3, page_no = $4, page_name = $5, source_path = $6, content_hash = $7,
         source_text = $8, record = $9, ingested_at = now() WHERE id = $10`,
        [...values, pageId],
      );
    } else {
      [{ id: pageId }] = await this.rows<{ id: string }>(
        `INSERT INTO pages (key, issue_id, paper, date, page_no, page_name, source_path, content_hash, source_text, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [key, ...values],
        db,
      );
    }
    for (const [seq, a] of input.record.articles.entries()) {
      const texts = fieldTexts(a);
      const vector = termVector({
        title: indexTerms(texts.title),
        body: indexTerms(texts.body),
        byline: indexTerms(texts.byline),
        caption: indexTerms(texts.caption),
      });
      const [{ id }] = await this.rows<{ id: string }>(
        `INSERT INTO articles (uid, page_id, seq, kicker, title, subtitle, dateline, byline, paragraphs, captions, continued_from, continued_to,
           complete, confidence, sources, terms, folded_title, folded_body, folded_byline, folded_caption, paper, date, page_no, reporters)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::tsvector, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id`,
        [
          ...articleValues(key, pageId, seq, rows.articles[seq]),
          vector,
          fold(texts.title),
          fold(texts.body),
          fold(texts.byline),
          fold(texts.caption),
          paper,
          date,
          page,
          a.byline.reporters,
        ],
        db,
      );
      const people = rows.articles[seq].people;
      if (people.length) {
        await db.query('INSERT INTO article_people (article_id, role, name) SELECT $1, r, n FROM unnest($2::text[], $3::text[]) AS t(r, n)', [
          id,
          people.filter((_, k) => k % 2 === 0),
          people.filter((_, k) => k % 2 === 1),
        ]);
      }
    }
    if (issueId !== null && page !== null) await this.linkJumps(db, issueId, pageId, page);
    return { status: existing || filed ? 'replaced' : 'added', pageKey: key, articles: input.record.articles.length };
  }

  /** Joins the parts of articles printed across pages of one issue, whichever page arrives first (see the SQLite store). */
  private async linkJumps(db: pg.PoolClient, issueId: string, pageId: string, pageNo: number): Promise<void> {
    type Part = { uid: string; continued_from: string | null; continued_to: string | null; group_uid: string | null };
    const here = await this.rows<Part>('SELECT uid, continued_from, continued_to, group_uid FROM articles WHERE page_id = $1 ORDER BY seq', [pageId], db);
    const onPage = (no: number) =>
      this.rows<Part>(
        `SELECT a.uid, a.continued_from, a.continued_to, a.group_uid FROM articles a JOIN pages p ON p.id = a.page_id
         WHERE p.issue_id = $1 AND p.page_no = $2 ORDER BY a.seq`,
        [issueId, no],
        db,
      );
    const setGroup = (group: string, uid: string) => db.query('UPDATE articles SET group_uid = $1 WHERE uid = $2 OR group_uid = $2', [group, uid]);
    for (const a of here) {
      const to = pageNumberOf(a.continued_to);
      if (to !== null && to !== pageNo) {
        const next = (await onPage(to)).find((b) => pageNumberOf(b.continued_from) === pageNo && !b.group_uid);
        if (next) {
          const group = a.group_uid ?? a.uid;
          await setGroup(group, a.uid);
          await setGroup(group, next.uid);
        }
      }
      const from = pageNumberOf(a.continued_from);
      if (from !== null && from !== pageNo) {
        const prev = (await onPage(from)).find((b) => pageNumberOf(b.continued_to) === pageNo);
        if (prev) {
          const group = prev.group_uid ?? prev.uid;
          await setGroup(group, prev.uid);
          await setGroup(group, a.uid);
        }
      }
    }
  }

  private async toArticle(row: ArticleRow): Promise<StoredArticle> {
    return articleFromRow(row, await this.partsOf(row));
  }

  /** Every part of an article printed across pages, in order (null: printed in one part). */
  private async partsOf(row: HitRow): Promise<Array<{ id: string; page: number | null }> | null> {
    return row.group_uid
      ? await this.rows<{ id: string; page: number | null }>(
          'SELECT a.uid AS id, p.page_no AS page FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.group_uid = $1 ORDER BY p.page_no, a.seq',
          [row.group_uid],
        )
      : null;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const [row] = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.uid = $1`, [id]);
    return row ? this.toArticle(row) : null;
  }

  async removePages(keys: string[]): Promise<RemoveResult> {
    return this.transaction(async (db) => {
      const out: RemoveResult = { removed: [], articles: 0, missing: [] };
      for (const key of new Set(keys)) {
        const [page] = await this.rows<{ id: string; issue_id: string | null }>('SELECT id, issue_id FROM pages WHERE key = $1', [key], db);
        if (!page) {
          out.missing.push(key);
          continue;
        }
        out.articles += await this.dropPage(db, page);
        out.removed.push(key);
      }
      await db.query('DELETE FROM papers WHERE NOT EXISTS (SELECT 1 FROM issues WHERE paper_id = papers.id)');
      return out;
    });
  }

  /** Deletes a page and its articles (inside a transaction), and its issue if that is left with no page; the articles it held. */
  private async dropPage(db: pg.PoolClient, page: { id: string; issue_id: string | null }): Promise<number> {
    // the groups this page's parts were in are undone, and what still meets is joined again below
    const undone = (await db.query('UPDATE articles SET group_uid = NULL WHERE group_uid IN (SELECT group_uid FROM articles WHERE page_id = $1 AND group_uid IS NOT NULL)', [page.id])).rowCount ?? 0;
    const articles = (await db.query('DELETE FROM articles WHERE page_id = $1', [page.id])).rowCount ?? 0;
    await db.query('DELETE FROM pages WHERE id = $1', [page.id]);
    if (page.issue_id !== null && undone > 0) {
      const rest = await this.rows<{ id: string; page_no: number }>('SELECT id, page_no FROM pages WHERE issue_id = $1 AND page_no IS NOT NULL', [page.issue_id], db);
      for (const p of rest) await this.linkJumps(db, page.issue_id, p.id, p.page_no);
    }
    if (page.issue_id !== null) {
      await db.query('DELETE FROM issues WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM pages WHERE issue_id = $1)', [page.issue_id]);
    }
    return articles;
  }

  async getPage(key: string): Promise<StoredPage | null> {
    const [row] = await this.rows<PageRow & { id: string }>('SELECT id, key, paper, date, page_no, page_name, source_path, content_hash, source_text, record FROM pages WHERE key = $1', [key]);
    if (!row) return null;
    const ids = (await this.rows<{ uid: string }>('SELECT uid FROM articles WHERE page_id = $1 ORDER BY seq', [row.id])).map((r) => r.uid);
    return storedPageFromRow(row, ids);
  }

  async listPapers(): Promise<PaperSummary[]> {
    return this.rows<PaperSummary>(
      `SELECT pa.name AS name, COUNT(DISTINCT i.id)::int AS issues, COUNT(DISTINCT p.id)::int AS pages,
         (SELECT COUNT(*)::int FROM articles a JOIN pages p2 ON p2.id = a.page_id WHERE p2.paper = pa.name) AS articles,
         MIN(i.date) AS "from", MAX(i.date) AS "to"
       FROM papers pa JOIN issues i ON i.paper_id = pa.id LEFT JOIN pages p ON p.issue_id = i.id
       GROUP BY pa.id ORDER BY pa.name COLLATE "C"`,
    );
  }

  async listIssues(paper: string): Promise<Array<{ date: string; pages: number }>> {
    return this.rows(
      `SELECT i.date AS date, COUNT(p.id)::int AS pages FROM issues i JOIN papers pa ON pa.id = i.paper_id
       LEFT JOIN pages p ON p.issue_id = i.id WHERE pa.name = $1 GROUP BY i.id ORDER BY i.date`,
      [paper],
    );
  }

  async getIssue(paper: string, date: string): Promise<IssueSummary | null> {
    const [issue] = await this.rows<{ id: string; masthead: string | null }>(
      'SELECT i.id, i.masthead FROM issues i JOIN papers pa ON pa.id = i.paper_id WHERE pa.name = $1 AND i.date = $2',
      [paper, date],
    );
    if (!issue) return null;
    const pages = await this.rows<IssueSummary['pages'][number]>(
      `SELECT p.key AS key, p.page_no AS page, p.page_name AS "pageName", COUNT(a.id)::int AS articles FROM pages p
       LEFT JOIN articles a ON a.page_id = p.id WHERE p.issue_id = $1 GROUP BY p.id ORDER BY p.page_no, p.key COLLATE "C"`,
      [issue.id],
    );
    return { paper, date, pages, masthead: issue.masthead ? (JSON.parse(issue.masthead) as Masthead) : null };
  }

  async unidentifiedPages(limit = 1000, offset = 0): Promise<PageSummary[]> {
    return this.rows<PageSummary>(
      `SELECT p.key AS key, p.paper AS paper, p.date AS date, p.page_no AS page, p.page_name AS "pageName", p.source_path AS "sourcePath",
         (SELECT COUNT(*)::int FROM articles a WHERE a.page_id = p.id) AS articles
       FROM pages p WHERE p.issue_id IS NULL ORDER BY p.key COLLATE "C" LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  /** The filter as SQL on `t` (pages `p`, or articles `a`, which carry the same paper, date and page_no). */
  private filterSql(f: ArticleFilter, args: unknown[], t: 'p' | 'a' = 'p'): string {
    const param = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    const parts: string[] = [];
    if (f.paper) parts.push(`${t}.paper = ${param(f.paper)}`);
    if (f.from) parts.push(`${t}.date >= ${param(f.from)}`);
    if (f.to) parts.push(`${t}.date <= ${param(f.to)}`);
    if (f.page !== undefined) parts.push(`${t}.page_no = ${param(f.page)}`);
    if (f.reporter) parts.push(`EXISTS (SELECT 1 FROM article_people ap WHERE ap.article_id = a.id AND ap.name = ${param(f.reporter)})`);
    return parts.map((p) => ` AND ${p}`).join('');
  }

  async search(params: SearchParams): Promise<SearchResult> {
    const limit = Math.min(Math.max(params.limit ?? 20, 1), 200);
    const offset = Math.max(params.offset ?? 0, 0);
    const args: unknown[] = [];
    const match = toPgCondition(params.query, params.field, args);
    const where = `${match}${this.filterSql(params, args, 'a')}`;
    const terms = positiveTerms(params.query);
    return this.transaction(async (db) => {
      // matches come from the index as an exact bitmap of rows; a sequential scan would
      // unpack every article's term vector, a cost the planner does not see
      await db.query(`SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
      await db.query('SET LOCAL enable_seqscan = off');
      // every match once, from the index and its article row (what search reads is kept in it), in one statement: total, facets and the
      // page of hits — the newest RANK_WINDOW matches ranked by where each word stands (headline first, then
      // byline or caption, then body), older ones after them newest first
      const at = args.length;
      const counts = await this.rows<{ k: string; v: string | null; n: number; s: number | null }>(
        `WITH m AS MATERIALIZED (SELECT a.id, a.paper, a.date, a.reporters, (${placeScore(terms.length, at + 1)})::float8 AS score FROM articles a WHERE ${where}),
         w AS MATERIALIZED (SELECT COALESCE((SELECT id FROM m ORDER BY id DESC OFFSET ${RANK_WINDOW - 1} LIMIT 1), 0) AS low)
         SELECT 'total' AS k, NULL AS v, COUNT(*)::int AS n, NULL::float8 AS s FROM m
         UNION ALL (SELECT 'paper', paper, COUNT(*)::int, NULL FROM m WHERE paper IS NOT NULL GROUP BY paper ORDER BY COUNT(*) DESC, paper COLLATE "C" LIMIT 30)
         UNION ALL (SELECT 'month', substr(date, 1, 7), COUNT(*)::int, NULL FROM m WHERE date IS NOT NULL GROUP BY 2 ORDER BY COUNT(*) DESC, substr(date, 1, 7) COLLATE "C" LIMIT 30)
         UNION ALL (SELECT 'reporter', r, SUM(n)::int, NULL FROM (SELECT reporters, COUNT(*) AS n FROM m GROUP BY reporters) g, unnest(g.reporters) AS r
           GROUP BY r ORDER BY SUM(n) DESC, r COLLATE "C" LIMIT 30)
         UNION ALL SELECT 'hit', id::text, (row_number() OVER ())::int, s FROM (
           SELECT id, s FROM (SELECT m.id, m.id >= w.low AS ranked, CASE WHEN m.id >= w.low THEN m.score ELSE 0 END AS s FROM m, w) r
           ORDER BY ranked DESC, s DESC, CASE WHEN ranked THEN id ELSE -id END LIMIT $${at + 2} OFFSET $${at + 3}) h`,
        [...args, terms, limit, offset],
        db,
      );
      const total = counts.find((c) => c.k === 'total')?.n ?? 0;
      const facet = (k: string) => counts.filter((c) => c.k === k).map((c) => ({ value: c.v!, count: c.n }));
      const page = counts
        .filter((c) => c.k === 'hit')
        .sort((x, y) => x.n - y.n)
        .map((c) => ({ id: c.v!, score: c.s ?? 0 }));
      const rows = await this.rows<HitRow>(`SELECT ${HIT_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = ANY($1::bigint[])`, [page.map((h) => h.id)], db);
      const byId = new Map(rows.map((r) => [String(r.id), r]));
      const hits = [];
      for (const { id, score } of page) {
        const row = byId.get(id)!;
        const article = hitFromRow(row, await this.partsOf(row));
        hits.push({ article, score, snippet: snippetFor(article, terms, params.field) });
      }
      return { total, hits, facets: { paper: facet('paper'), month: facet('month'), reporter: facet('reporter') } };
    });
  }

  /**
   * The pages in the export's order, read once (ids only), then their articles a few pages at a time by the
   * (page, seq) index. Pages of 500 article rows, each after the last row of the one before, read and sorted
   * every page of the archive again for each 500 (PostgreSQL's plan): 14 s for 63,743 articles, against 5.7 s, a
   * cost that grows with the square of the archive.
   */
  async *articles(filter: ArticleFilter = {}): AsyncIterable<StoredArticle & { masthead: Masthead | null }> {
    const pageArgs: unknown[] = [];
    const pageWhere = this.filterSql({ ...filter, reporter: undefined }, pageArgs);
    const order = `p.paper IS NULL, COALESCE(p.paper, '') COLLATE "C", COALESCE(p.date, ''), COALESCE(p.page_no, 0), p.key COLLATE "C"`;
    const pages = (await this.rows<{ id: string }>(`SELECT p.id FROM pages p WHERE true${pageWhere} ORDER BY ${order}`, pageArgs)).map((r) => r.id);
    // the filter's one condition on the article itself; the pages' ids come after its argument
    const articleArgs: unknown[] = [];
    const articleWhere = this.filterSql({ reporter: filter.reporter }, articleArgs);
    const ids = `$${articleArgs.length + 1}::bigint[]`;
    for (let k = 0; k < pages.length; k += EXPORT_PAGES) {
      const rows = await this.rows<ArticleRow & { masthead: string | null }>(
        `SELECT ${ARTICLE_COLUMNS}, i.masthead FROM unnest(${ids}) WITH ORDINALITY AS o(id, n) JOIN articles a ON a.page_id = o.id
         JOIN pages p ON p.id = a.page_id LEFT JOIN issues i ON i.id = p.issue_id WHERE true${articleWhere} ORDER BY o.n, a.seq`,
        [...articleArgs, pages.slice(k, k + EXPORT_PAGES)],
      );
      for (const row of rows) yield { ...(await this.toArticle(row)), masthead: row.masthead ? (JSON.parse(row.masthead) as Masthead) : null };
    }
  }

  async *pages(): AsyncIterable<PageInput> {
    let last = '0';
    for (;;) {
      const rows = await this.rows<PageRow & { id: string }>(
        'SELECT id, key, paper, date, page_no, page_name, source_path, content_hash, source_text, record FROM pages WHERE id > $1 ORDER BY id LIMIT 100',
        [last],
      );
      for (const row of rows) {
        const articles = await this.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.page_id = $1 ORDER BY a.seq`, [row.id]);
        yield pageInputFromRows(row, articles);
      }
      if (rows.length < 100) return;
      last = rows[rows.length - 1].id;
    }
  }

  async stats(): Promise<Stats> {
    const count = async (sql: string) => (await this.rows<{ n: number }>(sql))[0].n;
    const [range] = await this.rows<{ from: string | null; to: string | null }>('SELECT MIN(date) AS "from", MAX(date) AS "to" FROM issues');
    const papers = await this.listPapers();
    const gaps = [];
    for (const paper of papers) {
      const issues = await this.rows<{ date: string; pages: number[] }>(
        `SELECT i.date AS date, COALESCE(array_agg(p.page_no) FILTER (WHERE p.page_no IS NOT NULL), '{}') AS pages FROM issues i JOIN papers pa ON pa.id = i.paper_id
         LEFT JOIN pages p ON p.issue_id = i.id WHERE pa.name = $1 GROUP BY i.id ORDER BY i.date`,
        [paper.name],
      );
      gaps.push({ paper: paper.name, missingDates: missingDates(issues.map((i) => i.date)), missingPages: missingPages(issues) });
    }
    return {
      papers,
      issues: await count('SELECT COUNT(*)::int AS n FROM issues'),
      pages: await count('SELECT COUNT(*)::int AS n FROM pages'),
      articles: await count('SELECT COUNT(*)::int AS n FROM articles'),
      unidentifiedPages: await count('SELECT COUNT(*)::int AS n FROM pages WHERE issue_id IS NULL'),
      from: range.from,
      to: range.to,
      gaps,
    };
  }

  /** Nothing is done behind a write: its transaction holds all of it. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await this.pool.end();
  }
}
