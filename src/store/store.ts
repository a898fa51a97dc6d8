// One store interface; SQLite (embedded, the default) and PostgreSQL behind it.
// Shared code asks capabilities, never dialect names.
import type { Byline, Masthead } from '../tree/types.js';
import type { ArticleRecord, PageRecord } from '../project/to-records.js';
import type { Query } from '../search/query.js';
import type { PageRows } from './shared.js';

export interface PageIdentity {
  paper: string | null;
  /** ISO date of the issue */
  date: string | null;
  /** 版次 */
  page: number | null;
  /** 版名, where printed or given */
  pageName: string | null;
}

export interface PageInput {
  identity: PageIdentity;
  /** the page's key when it is already known (an archive being imported); else made from identity and path */
  key?: string;
  sourcePath: string | null;
  /** sha256 of the page's bytes (or of its record, for imported pages) */
  contentHash: string;
  /** the decoded source, kept so that every stored character traces back */
  sourceText: string | null;
  record: PageRecord;
  /** the record's rows, where its parser made them (a parse worker); else the store makes them */
  rows?: PageRows;
}

export type PutStatus = 'added' | 'replaced' | 'unchanged';

export interface PutResult {
  status: PutStatus;
  pageKey: string;
  articles: number;
}

/** What removing pages did: the keys removed, with their articles, and the keys no page has. */
export interface RemoveResult {
  removed: string[];
  articles: number;
  missing: string[];
}

/** An article as the archive keeps it: the parsed record, where it was printed, and its other parts. */
export interface StoredArticle extends Omit<ArticleRecord, 'id'> {
  id: string;
  pageKey: string;
  paper: string | null;
  date: string | null;
  page: number | null;
  pageName: string | null;
  /** the article printed across pages: every part's id and page, in order, this one included */
  parts: Array<{ id: string; page: number | null }>;
}

export interface PageSummary {
  key: string;
  paper: string | null;
  date: string | null;
  page: number | null;
  pageName: string | null;
  sourcePath: string | null;
  articles: number;
}

export interface StoredPage extends PageSummary {
  masthead: Masthead | null;
  other: string[];
  sourceText: string | null;
  messages: PageRecord['messages'];
  articleIds: string[];
}

export type SearchField = 'title' | 'body' | 'byline' | 'caption';

export interface ArticleFilter {
  paper?: string;
  /** ISO dates, inclusive */
  from?: string;
  to?: string;
  page?: number;
  reporter?: string;
}

export interface SearchParams extends ArticleFilter {
  query: Query;
  field?: SearchField;
  limit?: number;
  offset?: number;
}

export interface Snippet {
  field: SearchField;
  text: string;
  /** [start, end) ranges of `text` that match the query */
  marks: Array<[number, number]>;
}

/**
 * An article as a search hit carries it: all but `sources` (where each part
 * stands in its page's source; getArticle gives them). They are most of what a
 * row holds, and a page of hits has no use for them.
 */
export type HitArticle = Omit<StoredArticle, 'sources'>;

export interface SearchHit {
  article: HitArticle;
  score: number;
  snippet: Snippet;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { paper: FacetCount[]; month: FacetCount[]; reporter: FacetCount[] };
}

export interface PaperSummary {
  name: string;
  issues: number;
  pages: number;
  articles: number;
  from: string | null;
  to: string | null;
}

export interface IssueSummary {
  paper: string;
  date: string;
  pages: Array<{ key: string; page: number | null; pageName: string | null; articles: number }>;
  masthead: Masthead | null;
}

export interface Stats {
  papers: PaperSummary[];
  issues: number;
  pages: number;
  articles: number;
  unidentifiedPages: number;
  from: string | null;
  to: string | null;
  /** per paper: dates with no issue between its first and last, and issues missing pages */
  gaps: Array<{ paper: string; missingDates: string[]; missingPages: Array<{ date: string; pages: number[] }> }>;
}

export interface StoreCapabilities {
  /** the store runs in this process on a file (true) or talks to a server (false) */
  embedded: boolean;
  /** full-text search ranks by bm25 */
  ranking: 'bm25' | 'ts_rank';
}

export interface Store {
  readonly url: string;
  readonly capabilities: StoreCapabilities;
  /** Stores a page in one transaction: all of it, or nothing. Same content twice is stored once. */
  putPage(input: PageInput): Promise<PutResult>;
  /**
   * Stores several pages, each all or nothing (a savepoint each, committed
   * together): a page that fails is rolled back alone and reported, the others
   * are kept. Faster than one commit a page.
   */
  putPages(inputs: PageInput[]): Promise<Array<PutResult | { status: 'failed'; error: Error }>>;
  /**
   * Removes pages by key, with their articles, in one transaction: an issue
   * left with no page goes, and a paper left with no issue; articles printed
   * across a removed page and others are joined again where their jumps still
   * meet. A key no page has is reported, not an error.
   */
  removePages(keys: string[]): Promise<RemoveResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  getPage(key: string): Promise<StoredPage | null>;
  listPapers(): Promise<PaperSummary[]>;
  listIssues(paper: string): Promise<Array<{ date: string; pages: number }>>;
  getIssue(paper: string, date: string): Promise<IssueSummary | null>;
  /** pages whose paper or date is not known, by key */
  unidentifiedPages(limit?: number, offset?: number): Promise<PageSummary[]>;
  search(params: SearchParams): Promise<SearchResult>;
  /** every article matching the filter, in paper, date, page and reading order */
  articles(filter?: ArticleFilter): AsyncIterable<StoredArticle & { masthead: Masthead | null }>;
  /** every page as the input that would store it again, in the order stored (for copying an archive) */
  pages(): AsyncIterable<PageInput>;
  stats(): Promise<Stats>;
  /** Finishes what the store does behind its writes (SQLite: writes the search index up to the last article stored). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type { Byline };

export class StoreError extends Error {}

export interface OpenOptions {
  /** only open an archive that is there: a command that reads (search, stats, export) must not make an empty one
   * where a path was mistyped */
  mustExist?: boolean;
  /** SQLite: articles written to the search index at a time (default 65,536, a segment; tests make it small, so that written
   * runs, merged segments and the unindexed tail all take part) */
  searchRun?: number;
  /** SQLite: write the search index's runs on a thread of their own while pages are stored (default: for runs of
   * 1,024 articles or more, in a file) */
  indexThread?: boolean;
  /** SQLite: matches from which a search's facets are counted on a worker thread (default 4096; tests make it 1) */
  facetThreadFrom?: number;
  /** SQLite: articles from which a facet index built for a search is kept in the file (default 10,000; tests make it 0) */
  facetCacheFrom?: number;
}

/** `sqlite:PATH` (the default `sqlite:./banmian.db`) or `postgres://…`. */
export async function openStore(url = 'sqlite:./banmian.db', options: OpenOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:') || !url.includes(':')) {
    const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
    return openSqliteStore(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url, options);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresStore } = await import('./postgres/pg-store.js');
    return openPostgresStore(url);
  }
  throw new StoreError(`"${url}" is not a store address: use sqlite:PATH (the default is sqlite:./banmian.db)`);
}
