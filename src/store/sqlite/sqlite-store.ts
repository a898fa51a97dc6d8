// The embedded store: one SQLite file (better-sqlite3: synchronous, in-process,
// with FTS5 built in), WAL journal, every page in one transaction.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Masthead } from '../../tree/types.js';
import type {
  ArticleFilter,
  IssueSummary,
  OpenOptions,
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
import { MIGRATIONS } from './migrations.js';
import { PART, SqliteSearchIndex } from './search-index.js';
import { IndexThread } from './index-thread.js';
import { BUSY_MS, writeTransaction } from './write-transaction.js';
import { matchQuery, type WordHits } from '../../search/match-query.js';
import { scoreHits, topScores } from '../../search/rank-hits.js';
import { articleId, isUnidentifiedKey, pageKey, pageNumberOf } from '../keys.js';
import { HIT_COLUMNS, articleFromRow, articleValues, hitFromRow, type HitRow, storedPageFromRow, missingDates, missingPages, pageInputFromRows, rowsOf, snippetFor, type ArticleRow, type PageRow } from '../shared.js';
import { positiveTerms } from '../../search/query.js';
import { FacetIndex } from './facet-index.js';
import { FacetThread } from './facet-thread.js';
import { WRITES, loadFacets, saveFacets } from './facet-cache.js';

const ARTICLE_COLUMNS = `a.*, p.key, p.paper, p.date, p.page_no, p.page_name`;

/**
 * Matches from which facets are counted on a worker thread, beside the
 * ranking: below it the count takes less than handing it over does.
 */
const FACET_THREAD_FROM = 4096;

/** Articles from which a facet index built for a search is kept in the file (below, its build takes some ms). */
const FACET_CACHE_FROM = 10_000;

/** Runs of this many articles or more are written on the index thread; shorter ones cost less than handing them over. */
const INDEX_THREAD_FROM = 1024;

/** Runs the index thread may fall behind the stored articles before pages wait for it. */
const LAG_RUNS = 2;

/** Articles past the index's watermark from which the index thread is asked, after each commit, to gather what is new. */
const GATHER_FROM = 4096;

/** How many matches are ranked by bm25 at most; see `rank`. */
const RANK_WINDOW = 5000;

function hasFilter(f: ArticleFilter): boolean {
  return Boolean(f.paper || f.from || f.to || f.page !== undefined || f.reporter);
}

export function openSqliteStore(path: string, options: OpenOptions = {}): Store {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(`there is no archive at ${path} (banmian ingest FILES --db sqlite:${path} makes one)`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: Boolean(options.mustExist) && path !== ':memory:', timeout: BUSY_MS });
  } catch (e) {
    throw new StoreError(`cannot open the SQLite store at ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${path} is not a banmian archive SQLite can open: ${(e as Error).message}`);
  }
  const part = options.searchRun ?? PART;
  const threaded = path !== ':memory:' && !db.readonly && (options.indexThread ?? part >= INDEX_THREAD_FROM);
  return new SqliteStore(db, `sqlite:${path}`, part, options.facetThreadFrom, threaded ? new IndexThread(path, part) : null, options.facetCacheFrom);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new StoreError(`this store was made by a newer banmian (schema ${version}); upgrade banmian`);
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

class SqliteStore implements Store {
  readonly capabilities = { embedded: true, ranking: 'bm25' as const };

  private readonly index: SqliteSearchIndex;

  constructor(
    private readonly db: Database.Database,
    readonly url: string,
    private readonly searchRun: number,
    private readonly facetThreadFrom = FACET_THREAD_FROM,
    private readonly indexThread: IndexThread | null = null,
    private readonly facetCacheFrom = FACET_CACHE_FROM,
  ) {
    this.index = new SqliteSearchIndex(db, searchRun);
    // an archive from before the index, or one left with many articles unindexed
    this.index.catchUpIfWritable();
  }

  async putPage(input: PageInput): Promise<PutResult> {
    const result = writeTransaction(this.db, () => this.writePage(input));
    this.indexAfterCommit();
    await this.keepPace();
    return result;
  }

  async putPages(inputs: PageInput[]): Promise<Array<PutResult | { status: 'failed'; error: Error }>> {
    const page = this.db.transaction((input: PageInput) => this.writePage(input));
    const results = writeTransaction(this.db, () =>
      inputs.map((input) => {
        try {
          return page(input); // nested: a savepoint, rolled back alone if it throws
        } catch (e) {
          return { status: 'failed' as const, error: e as Error };
        }
      }),
    );
    this.indexAfterCommit();
    await this.keepPace();
    return results;
  }

  /**
   * Waits for the index thread where it is more than LAG_RUNS runs behind: the
   * articles it has not written are searched from memory, and a long queue
   * would only move its work to the end of an ingest, where nothing else runs.
   */
  private async keepPace(): Promise<void> {
    if (this.indexThread && this.index.pending() >= LAG_RUNS * this.searchRun) await this.indexThread.idle();
  }

  /**
   * The pages are stored by now, whatever happens here: postings that cannot be
   * written (a full disk, another writer holding the file) leave the index
   * behind the articles, which searches cover from memory and the next write
   * or open catches up. Telling the caller its stored page failed would be false.
   */
  private indexAfterCommit(): void {
    try {
      if (this.indexThread && this.index.pending() >= Math.min(this.searchRun, GATHER_FROM) && this.indexThread.request()) return;
      this.index.catchUp();
    } catch {
      this.index.changed();
    }
  }

  private statements = new Map<string, Database.Statement>();
  /** counts and filters for search, as of the archive's count of writes `facetWrites`: read or built again when the count moves */
  private facetIndex: FacetIndex | null = null;

  /** A prepared statement, prepared once per store. */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  /** Raises the archive's count of writes, which a kept facet index and the papers' list are stamped with (inside the write's transaction). */
  private countWrite(): void {
    this.sql("UPDATE search_state SET value = value + 1 WHERE name = 'writes'").run();
  }

  private writePage(input: PageInput): PutResult {
    this.index.changed();
    const db = { prepare: (text: string) => this.sql(text) };
    const key = input.key ?? pageKey(input.identity, input.sourcePath, input.contentHash);
    {
      const existing = db.prepare('SELECT id, content_hash FROM pages WHERE key = ?').get(key) as { id: number; content_hash: string } | undefined;
      if (existing?.content_hash === input.contentHash) return { status: 'unchanged', pageKey: key, articles: 0 };
      let filed = false;
      if (!existing) {
        const twin = db.prepare('SELECT id, key, issue_id FROM pages WHERE content_hash = ? LIMIT 1').get(input.contentHash) as
          | { id: number; key: string; issue_id: number | null }
          | undefined;
        if (twin && !(isUnidentifiedKey(twin.key) && !isUnidentifiedKey(key))) return { status: 'unchanged', pageKey: twin.key, articles: 0 };
        // the same page, kept unidentified until now, given its paper and date: filed under its key in place of that
        if (twin) {
          this.dropPage(twin);
          filed = true;
        }
      }
      this.countWrite();
      const { paper, date, page, pageName } = input.identity;
      const rows = rowsOf(input);
      let issueId: number | null = null;
      if (paper && date) {
        db.prepare('INSERT INTO papers (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(paper);
        const paperId = (db.prepare('SELECT id FROM papers WHERE name = ?').get(paper) as { id: number }).id;
        db.prepare('INSERT INTO issues (paper_id, date) VALUES (?, ?) ON CONFLICT (paper_id, date) DO NOTHING').run(paperId, date);
        issueId = (db.prepare('SELECT id FROM issues WHERE paper_id = ? AND date = ?').get(paperId, date) as { id: number }).id;
        if (rows.masthead) db.prepare('UPDATE issues SET masthead = ? WHERE id = ?').run(rows.masthead, issueId);
      }
      let pageId: number;
      const pageRecord = rows.record;
      if (existing) {
        pageId = existing.id;
        db.prepare('UPDATE articles SET group_uid = NULL WHERE group_uid IN (SELECT uid FROM articles WHERE page_id = ?)').run(pageId);
        db.prepare('DELETE FROM articles WHERE page_id = ?').run(pageId);
        db.prepare(
          `UPDATE pages SET issue_id = ?, paper = ?, date = ?, page_no = ?, page_name = ?, source_path = ?, content_hash = ?,
           source_text = ?, record = ?, ingested_at = ? WHERE id = ?`,
        ).run(issueId, paper, date, page, pageName, input.sourcePath, input.contentHash, input.sourceText, pageRecord, new Date().toISOString(), pageId);
      } else {
        pageId = Number(
          db
            .prepare(
              `INSERT INTO pages (key, issue_id, paper, date, page_no, page_name, source_path, content_hash, source_text, record, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(key, issueId, paper, date, page, pageName, input.sourcePath, input.contentHash, input.sourceText, pageRecord, new Date().toISOString()).lastInsertRowid,
        );
      }
      const insertArticle = db.prepare(
        `INSERT INTO articles (id, uid, page_id, seq, kicker, title, subtitle, dateline, byline, paragraphs, captions,
          continued_from, continued_to, complete, confidence, sources)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertPerson = db.prepare('INSERT INTO article_people (article_id, role, name) VALUES (?, ?, ?)');
      rows.articles.forEach((a, seq) => {
        const id = this.index.takeArticleId();
        insertArticle.run(id, ...articleValues(key, pageId, seq, a));
        for (let k = 0; k < a.people.length; k += 2) insertPerson.run(id, a.people[k], a.people[k + 1]);
      });
      if (issueId !== null && page !== null) this.linkJumps(issueId, pageId, page);
      return { status: existing || filed ? 'replaced' : 'added', pageKey: key, articles: rows.articles.length };
    }
  }

  /**
   * Joins the parts of articles printed across pages of one issue: a part that
   * says `（下转第二版）` and one on page 2 that says `（紧接第一版）`. Works
   * whichever page arrives first, since both directions are looked for.
   */
  private linkJumps(issueId: number, pageId: number, pageNo: number): void {
    const db = { prepare: (text: string) => this.sql(text) };
    const here = db.prepare('SELECT id, uid, continued_from, continued_to, group_uid FROM articles WHERE page_id = ? ORDER BY seq').all(pageId) as Array<{
      id: number;
      uid: string;
      continued_from: string | null;
      continued_to: string | null;
      group_uid: string | null;
    }>;
    const onPage = db.prepare(
      `SELECT a.id, a.uid, a.continued_from, a.continued_to, a.group_uid FROM articles a JOIN pages p ON p.id = a.page_id
       WHERE p.issue_id = ? AND p.page_no = ? ORDER BY a.seq`,
    );
    const setGroup = db.prepare('UPDATE articles SET group_uid = ? WHERE uid = ? OR group_uid = ?');
    for (const a of here) {
      const to = pageNumberOf(a.continued_to);
      if (to !== null && to !== pageNo) {
        const next = (onPage.all(issueId, to) as typeof here).find((b) => pageNumberOf(b.continued_from) === pageNo && !b.group_uid);
        if (next) {
          const group = a.group_uid ?? a.uid;
          setGroup.run(group, a.uid, a.uid);
          setGroup.run(group, next.uid, next.uid);
        }
      }
      const from = pageNumberOf(a.continued_from);
      if (from !== null && from !== pageNo) {
        const prev = (onPage.all(issueId, from) as typeof here).find((b) => pageNumberOf(b.continued_to) === pageNo);
        if (prev) {
          const group = prev.group_uid ?? prev.uid;
          setGroup.run(group, prev.uid, prev.uid);
          setGroup.run(group, a.uid, a.uid);
        }
      }
    }
  }

  private toArticle(row: ArticleRow): StoredArticle {
    return articleFromRow(row, this.partsOf(row));
  }

  /** Every part of an article printed across pages, in order (null: printed in one part). */
  private partsOf(row: HitRow): Array<{ id: string; page: number | null }> | null {
    return row.group_uid
      ? (this.sql('SELECT a.uid AS id, p.page_no AS page FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.group_uid = ? ORDER BY p.page_no, a.seq').all(row.group_uid) as Array<{
          id: string;
          page: number | null;
        }>)
      : null;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.uid = ?`).get(id) as ArticleRow | undefined;
    return row ? this.toArticle(row) : null;
  }

  async removePages(keys: string[]): Promise<RemoveResult> {
    const result = writeTransaction(this.db, () => {
      const out: RemoveResult = { removed: [], articles: 0, missing: [] };
      for (const key of new Set(keys)) {
        const page = this.sql('SELECT id, issue_id FROM pages WHERE key = ?').get(key) as { id: number; issue_id: number | null } | undefined;
        if (!page) {
          out.missing.push(key);
          continue;
        }
        out.articles += this.dropPage(page);
        out.removed.push(key);
      }
      if (out.removed.length) this.countWrite();
      this.sql('DELETE FROM papers WHERE NOT EXISTS (SELECT 1 FROM issues WHERE paper_id = papers.id)').run();
      return out;
    });
    // the removed articles' postings stay, and are dropped from matches as ids no article holds
    this.index.changed();
    return result;
  }

  /** Deletes a page and its articles (inside a write transaction), and its issue if that is left with no page; the articles it held. */
  private dropPage(page: { id: number; issue_id: number | null }): number {
    // the groups this page's parts were in are undone, and what still meets is joined again below
    const undone = this.sql('UPDATE articles SET group_uid = NULL WHERE group_uid IN (SELECT group_uid FROM articles WHERE page_id = ? AND group_uid IS NOT NULL)').run(page.id).changes;
    const articles = this.sql('DELETE FROM articles WHERE page_id = ?').run(page.id).changes;
    this.sql('DELETE FROM pages WHERE id = ?').run(page.id);
    if (page.issue_id !== null && undone > 0) {
      const rest = this.sql('SELECT id, page_no FROM pages WHERE issue_id = ? AND page_no IS NOT NULL').all(page.issue_id) as Array<{ id: number; page_no: number }>;
      for (const p of rest) this.linkJumps(page.issue_id, p.id, p.page_no);
    }
    if (page.issue_id !== null) {
      this.sql('DELETE FROM issues WHERE id = ? AND NOT EXISTS (SELECT 1 FROM pages WHERE issue_id = ?)').run(page.issue_id, page.issue_id);
    }
    return articles;
  }

  async getPage(key: string): Promise<StoredPage | null> {
    const row = this.sql('SELECT * FROM pages WHERE key = ?').get(key) as (PageRow & { id: number }) | undefined;
    if (!row) return null;
    const ids = (this.sql('SELECT uid FROM articles WHERE page_id = ? ORDER BY seq').all(row.id) as Array<{ uid: string }>).map((r) => r.uid);
    return storedPageFromRow(row, ids);
  }

  /** the papers as of the archive's count of writes `writes` */
  private papersNow: { writes: number; papers: PaperSummary[] } | null = null;

  /**
   * Each paper with its counts and dates. Counting its articles reads every article's entry in the
   * (page, seq) index (150 ms at 1M articles, for the reader's home page and each paper's page), so the
   * answer is kept until the archive's count of writes moves, this store's writes and other processes' alike.
   */
  async listPapers(): Promise<PaperSummary[]> {
    const writes = this.sql(WRITES).pluck().get() as number;
    if (this.papersNow?.writes !== writes) {
      const papers = this.sql(
        `SELECT pa.name AS name, COUNT(DISTINCT i.id) AS issues, COUNT(DISTINCT p.id) AS pages,
           (SELECT COUNT(*) FROM articles a JOIN pages p2 ON p2.id = a.page_id WHERE p2.paper = pa.name) AS articles,
           MIN(i.date) AS "from", MAX(i.date) AS "to"
         FROM papers pa JOIN issues i ON i.paper_id = pa.id LEFT JOIN pages p ON p.issue_id = i.id
         GROUP BY pa.id ORDER BY pa.name`,
      ).all() as PaperSummary[];
      this.papersNow = { writes, papers };
    }
    return this.papersNow.papers.map((p) => ({ ...p }));
  }

  async listIssues(paper: string): Promise<Array<{ date: string; pages: number }>> {
    return this.db
      .prepare(
        `SELECT i.date AS date, COUNT(p.id) AS pages FROM issues i JOIN papers pa ON pa.id = i.paper_id
         LEFT JOIN pages p ON p.issue_id = i.id WHERE pa.name = ? GROUP BY i.id ORDER BY i.date`,
      )
      .all(paper) as Array<{ date: string; pages: number }>;
  }

  async getIssue(paper: string, date: string): Promise<IssueSummary | null> {
    const issue = this.db.prepare('SELECT i.id, i.masthead FROM issues i JOIN papers pa ON pa.id = i.paper_id WHERE pa.name = ? AND i.date = ?').get(paper, date) as
      | { id: number; masthead: string | null }
      | undefined;
    if (!issue) return null;
    const pages = this.db
      .prepare(
        `SELECT p.key AS key, p.page_no AS page, p.page_name AS pageName, COUNT(a.id) AS articles FROM pages p
         LEFT JOIN articles a ON a.page_id = p.id WHERE p.issue_id = ? GROUP BY p.id ORDER BY p.page_no, p.key`,
      )
      .all(issue.id) as IssueSummary['pages'];
    return { paper, date, pages, masthead: issue.masthead ? (JSON.parse(issue.masthead) as Masthead) : null };
  }

  async unidentifiedPages(limit = 1000, offset = 0): Promise<PageSummary[]> {
    return this.sql(
      `SELECT p.key AS key, p.paper AS paper, p.date AS date, p.page_no AS page, p.page_name AS pageName, p.source_path AS sourcePath,
         (SELECT COUNT(*) FROM articles a WHERE a.page_id = p.id) AS articles
       FROM pages p WHERE p.issue_id IS NULL ORDER BY p.key LIMIT ? OFFSET ?`,
    ).all(limit, offset) as PageSummary[];
  }

  /** The filter's conditions on the page (`p`), and on the article (`a`). */
  private filterSql(f: ArticleFilter): { page: { sql: string; args: unknown[] }; article: { sql: string; args: unknown[] } } {
    const page: string[] = [];
    const pageArgs: unknown[] = [];
    if (f.paper) {
      page.push('p.paper = ?');
      pageArgs.push(f.paper);
    }
    if (f.from) {
      page.push('p.date >= ?');
      pageArgs.push(f.from);
    }
    if (f.to) {
      page.push('p.date <= ?');
      pageArgs.push(f.to);
    }
    if (f.page !== undefined) {
      page.push('p.page_no = ?');
      pageArgs.push(f.page);
    }
    const article: string[] = [];
    const articleArgs: unknown[] = [];
    if (f.reporter) {
      article.push('EXISTS (SELECT 1 FROM article_people ap WHERE ap.article_id = a.id AND ap.name = ?)');
      articleArgs.push(f.reporter);
    }
    const and = (parts: string[]) => parts.map((p) => ` AND ${p}`).join('');
    return { page: { sql: and(page), args: pageArgs }, article: { sql: and(article), args: articleArgs } };
  }

  async search(params: SearchParams): Promise<SearchResult> {
    // one read transaction: the postings, the articles past them and the rows all of one moment
    this.searchTransaction ??= this.db.transaction((p: SearchParams) => this.searchNow(p));
    const result = this.searchTransaction(params);
    if (this.facetsToKeep) {
      // kept after the read, in a write of its own, when nothing was written since it was built
      const { index, writes } = this.facetsToKeep;
      this.facetsToKeep = null;
      saveFacets(this.db, index, writes);
    }
    return result;
  }

  /** where the facet index in hand came from, for the tests */
  private readonly facetsFrom = { built: 0, loaded: 0 };
  /** the archive's count of writes when the facet index in hand was made */
  private facetWrites = -1;
  private facetsToKeep: { index: FacetIndex; writes: number } | null = null;

  /** The facet index as of the archive's writes now: kept in the file, or built (and kept, on a large archive). */
  private facetsNow(): FacetIndex {
    // this store's writes and another connection's alike raise the count; the search index's own writes do not
    const writes = this.sql(WRITES).pluck().get() as number;
    if (this.facetIndex && writes === this.facetWrites) return this.facetIndex;
    let index = loadFacets(this.db, writes);
    if (index) this.facetsFrom.loaded++;
    else {
      index = new FacetIndex(this.db);
      this.facetsFrom.built++;
      if (!this.db.readonly && index.ids > this.facetCacheFrom) this.facetsToKeep = { index, writes };
    }
    this.facetIndex = index;
    this.facetWrites = writes;
    return index;
  }

  private searchTransaction: ((params: SearchParams) => SearchResult) | null = null;

  private readonly facetThread = new FacetThread();

  /** Many matches are counted for facets on another thread while the hits are ranked and read. */
  private searchNow(params: SearchParams): SearchResult {
    const limit = Math.min(Math.max(params.limit ?? 20, 1), 200);
    const offset = Math.max(params.offset ?? 0, 0);
    const version = this.sql('PRAGMA data_version').pluck().get() as number;
    if (version !== this.dataVersion) {
      // another connection wrote
      this.dataVersion = version;
      this.index.changed();
    }
    const facets = this.facetsNow();
    this.index.refresh();
    const cache = new Map<string, WordHits>();
    const all = facets.stored(matchQuery(this.index, params.query, params.field, cache));
    const filtered = hasFilter(params) ? facets.filter(all, params) : all;
    const counter = facets.counter;
    const threaded = filtered.length >= this.facetThreadFrom && this.facetThread.begin(counter, filtered);
    const terms = positiveTerms(params.query);
    const ranked = this.rank(filtered, terms, params, cache, limit, offset);
    const rows = this.hitRows(ranked.map((h) => h.id));
    return {
      total: filtered.length,
      hits: ranked.map(({ id, score }) => {
        const row = rows.get(id)!;
        const article = hitFromRow(row, this.partsOf(row));
        return { article, score, snippet: snippetFor(article, terms, params.field) };
      }),
      facets: threaded ? this.facetThread.finish(counter, filtered) : counter.count(filtered),
    };
  }

  private dataVersion = -1;

  /**
   * The hits' rows by id, read in one statement: SQLite visits them in id order, a quarter faster than a
   * statement each (0.41 against 0.53–0.58 ms for 20 hits at 1M articles).
   */
  private hitRows(ids: number[]): Map<number, HitRow> {
    const rows = this.sql(`SELECT ${HIT_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as HitRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The page of hits to show. bm25 (headline hits weigh most) orders the
   * matches; a query that matches more than RANK_WINDOW articles is ranked among
   * its RANK_WINDOW most recently stored matches, and the rest follow newest
   * first, so that a broad query costs the same on a million articles as on ten
   * thousand.
   */
  private rank(ids: Int32Array, words: string[], params: SearchParams, cache: Map<string, WordHits>, limit: number, offset: number): Array<{ id: number; score: number }> {
    const window = ids.subarray(Math.max(0, ids.length - RANK_WINDOW));
    const out: Array<{ id: number; score: number }> = [];
    if (offset < window.length) {
      const scores = scoreHits(this.index, window, words, params.field ? [params.field] : undefined, this.index.lengths(), cache);
      for (const k of topScores(scores, offset, limit)) out.push({ id: window[k], score: scores[k] });
    }
    // past the ranked window: the older matches, newest first
    const older = ids.length - window.length;
    const from = Math.max(0, offset - window.length);
    for (let k = older - 1 - from; k >= 0 && out.length < limit; k--) out.push({ id: ids[k], score: 0 });
    return out;
  }

  /**
   * The pages in the export's order, then each page's articles by the (page, seq) index, so that rows go out as
   * they are read: ordering the article rows themselves sorted every one of them first (on a 1M-article archive
   * the first article came after 8 s, against 0.44 s, and the whole export took 72 s, against 56).
   */
  async *articles(filter: ArticleFilter = {}): AsyncIterable<StoredArticle & { masthead: Masthead | null }> {
    const f = this.filterSql(filter);
    const pages = this.db.prepare(`SELECT p.id AS id, p.issue_id AS issue FROM pages p WHERE 1 = 1${f.page.sql} ORDER BY p.paper IS NULL, p.paper, p.date, p.page_no, p.key`);
    const articles = this.db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.page_id = ?${f.article.sql} ORDER BY a.seq`);
    const mastheadOf = this.db.prepare('SELECT masthead FROM issues WHERE id = ?').pluck();
    let issue: number | null = null;
    let masthead: string | null = null;
    for (const page of pages.iterate(...f.page.args) as Iterable<{ id: number; issue: number | null }>) {
      // (an issue's pages come together, most of the time)
      if (page.issue !== issue) masthead = page.issue === null ? null : ((mastheadOf.get(page.issue) as string | null | undefined) ?? null);
      issue = page.issue;
      for (const row of articles.iterate(page.id, ...f.article.args) as Iterable<ArticleRow>) {
        yield { ...this.toArticle(row), masthead: masthead ? (JSON.parse(masthead) as Masthead) : null };
      }
    }
  }

  async *pages(): AsyncIterable<PageInput> {
    const articles = this.sql(`SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.page_id = ? ORDER BY a.seq`);
    for (const row of this.db.prepare('SELECT id, key, paper, date, page_no, page_name, source_path, content_hash, source_text, record FROM pages ORDER BY id').iterate() as Iterable<
      PageRow & { id: number }
    >) {
      yield pageInputFromRows(row, articles.all(row.id) as ArticleRow[]);
    }
  }

  async stats(): Promise<Stats> {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const range = this.db.prepare('SELECT MIN(date) AS "from", MAX(date) AS "to" FROM issues').get() as { from: string | null; to: string | null };
    const papers = await this.listPapers();
    const gaps = papers.map((paper) => {
      const issues = this.db
        .prepare(
          `SELECT i.date AS date, GROUP_CONCAT(p.page_no) AS pages FROM issues i JOIN papers pa ON pa.id = i.paper_id
           LEFT JOIN pages p ON p.issue_id = i.id WHERE pa.name = ? GROUP BY i.id ORDER BY i.date`,
        )
        .all(paper.name) as Array<{ date: string; pages: string | null }>;
      return {
        paper: paper.name,
        missingDates: missingDates(issues.map((i) => i.date)),
        missingPages: missingPages(issues.map((i) => ({ date: i.date, pages: (i.pages ?? '').split(',').filter(Boolean).map(Number) }))),
      };
    });
    return {
      papers,
      issues: count('SELECT COUNT(*) AS n FROM issues'),
      pages: count('SELECT COUNT(*) AS n FROM pages'),
      articles: count('SELECT COUNT(*) AS n FROM articles'),
      unidentifiedPages: count('SELECT COUNT(*) AS n FROM pages WHERE issue_id IS NULL'),
      from: range.from,
      to: range.to,
      gaps,
    };
  }

  /** Writes the search index up to the last article stored (on the index thread, where there is one). */
  async flush(): Promise<void> {
    // nothing stored past the watermark (a run in hand is past it too): no thread is started to find that out,
    // which had cost every command that only reads about 150 ms at its close
    const pending = this.index.pending();
    if (pending === 0) return;
    // a few articles and no thread yet (an ingest of a page or two): written here, sooner than a thread starts (130 ms)
    const handOver = this.indexThread && (this.indexThread.started || pending >= INDEX_THREAD_FROM);
    if (handOver && this.indexThread?.request('all')) await this.indexThread.idle();
    else this.index.catchUpIfWritable(1);
  }

  async close(): Promise<void> {
    try {
      // the index thread writes the run it has gathered; what a failed thread left is written here
      await this.flush();
      await this.indexThread?.close();
      this.index.catchUpIfWritable(1);
    } finally {
      await this.facetThread.close();
      this.db.close();
    }
  }
}
