// The SQLite store's search index: the postings of ../../search/postings.ts in
// a table, derived from the articles table and never the only copy of anything.
//
// `indexed_through` (in search_state) is the last article id whose postings are
// written. Articles past it — a page stored since, or left by a crash — are
// indexed in memory when searched and written out in runs of PART articles by
// whoever writes next, each run in one transaction with the new watermark, so
// a crash leaves the index behind the articles, never half a run. When every id
// of a segment is given out, its runs are merged into one row per term. Ids
// come from next_article and are never used twice, so that postings of a
// replaced article can never name the article stored after it; postings of
// deleted articles are dropped at search time (`live`).
import type Database from 'better-sqlite3';
import { fieldTexts } from '../shared.js';
import { writeTransaction } from './write-transaction.js';
import { LENGTHS_TERM, PostingsBuilder, SEGMENT_IDS, decodePostings, mergePostings, segmentOf, type Postings } from '../../search/postings.js';
import type { PostingsSource } from '../../search/match-query.js';
import { Lengths } from '../../search/rank-hits.js';

/**
 * Articles per run, at most: a segment's, so that where its articles are short
 * enough for RUN_OCCURRENCES, a segment is written as one run and never merged
 * (merging a segment of 65,536 bench articles from four runs read back 214 MB
 * of postings and wrote them again, about 9 s of the index thread's time).
 */
export const PART = SEGMENT_IDS;

/**
 * Occurrences (characters, pairs and triples) a run gathers, at most: its
 * memory, about 8 bytes each at the peak of encoding (771 MiB for 35,231 of the
 * seed pages' articles, 910 characters on average; 602 MiB for 16,384 of them
 * before a run kept only terms). 65,536 bench articles hold 68 million.
 */
export const RUN_OCCURRENCES = 96_000_000;

/** Terms of a segment merged per write transaction. */
const MERGE_TERMS = 4096;

/** A run being gathered: the articles past the watermark `through`, up to `last`, within the segment ending at `end`. */
interface OpenRun {
  through: number;
  start: number;
  last: number;
  end: number;
  builder: PostingsBuilder;
  /** PART articles or RUN_OCCURRENCES reached */
  full: boolean;
}

/** A run's postings, gathered and not yet written. */
interface Run {
  /** the watermark they were gathered past */
  through: number;
  start: number;
  last: number;
  blobs: Array<[string, Uint8Array]>;
}

interface ArticleTextRow {
  id: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string;
  paragraphs: string;
  captions: string;
}

export class SqliteSearchIndex implements PostingsSource {
  private tail: Map<string, Postings[]> | null = null;
  private tailKey = '';

  constructor(
    private readonly db: Database.Database,
    private readonly part = PART,
    private readonly runOccurrences = RUN_OCCURRENCES,
    /**
     * Gather the articles stored since each call into the run in hand, and
     * write it when it is due (the index thread): gathering then goes on beside
     * the pages being stored instead of waiting for a run's worth of them.
     */
    private readonly gatherAhead = false,
  ) {}

  /** The run in hand, when gathering ahead. */
  private open: OpenRun | null = null;

  private statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  private state(name: string): number {
    return (this.sql('SELECT value FROM search_state WHERE name = ?').get(name) as { value: number }).value;
  }

  private setState(name: string, value: number): void {
    this.sql('UPDATE search_state SET value = ? WHERE name = ?').run(value, name);
  }

  /** The id the next article gets (inside the page's transaction). */
  takeArticleId(): number {
    const id = this.state('next_article');
    this.setState('next_article', id + 1);
    return id;
  }

  private static fields(r: ArticleTextRow) {
    return fieldTexts({
      kicker: r.kicker,
      title: r.title,
      subtitle: r.subtitle,
      byline: JSON.parse(r.byline),
      paragraphs: JSON.parse(r.paragraphs),
      captions: JSON.parse(r.captions),
    });
  }

  /** The highest article id stored. */
  private lastArticle(): number {
    return (this.sql('SELECT COALESCE(MAX(id), 0) AS id FROM articles').get() as { id: number }).id;
  }

  /**
   * Articles stored past the watermark, at most: ids are given out once and in
   * order, so the highest id less the watermark (more than there are only
   * where some of them were deleted since). Counting the rows instead read
   * every one of them, whole, at each write and search.
   */
  pending(): number {
    return Math.max(0, this.lastArticle() - this.state('indexed_through'));
  }

  /**
   * Writes runs of postings while at least `atLeast` articles wait (all of them
   * with 1); gathering ahead, adds the articles stored since to the run in hand
   * and writes the runs that are due. A run is gathered in read transactions
   * and written in a write transaction of its own, which checks that nobody
   * wrote it meanwhile: the gathering (most of the time) never holds the
   * write lock, so pages are stored meanwhile, whether this runs on the index
   * thread or beside another process's writes.
   */
  catchUp(atLeast = this.part): void {
    const least = Math.max(1, atLeast);
    for (;;) {
      if (!this.gatherAhead && this.pending() < least) return;
      const run = this.reading(() => this.gatherRun(least));
      if (!run) return;
      const completed = this.writing(() => this.storeRun(run));
      if (completed !== null) this.mergeSegment(completed);
    }
  }

  /** catchUp where the file can be written: the index is derived, and articles it lacks are searched from memory. */
  catchUpIfWritable(atLeast = this.part): void {
    if (this.db.readonly) return;
    try {
      this.catchUp(atLeast);
    } catch (e) {
      if (!/readonly|read-only|SQLITE_BUSY|locked/i.test(String((e as Error).message))) throw e;
    }
  }

  private reading<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private writing<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  /**
   * The articles stored since, added to the run in hand (begun at the first
   * article past the watermark); the run, encoded, once it is due: full, its
   * segment's ids all given out and gathered, or `atLeast` articles in it.
   */
  private gatherRun(atLeast: number): Run | null {
    const through = this.state('indexed_through');
    // another writer wrote the index since the run was begun
    if (this.open?.through !== through) this.open = null;
    if (!this.open) {
      const first = this.sql('SELECT MIN(id) AS id FROM articles WHERE id > ?').get(through) as { id: number | null };
      if (first.id === null) return null;
      const end = (segmentOf(first.id) + 1) * SEGMENT_IDS;
      this.open = { through, start: first.id, last: through, end, builder: new PostingsBuilder(first.id), full: false };
    }
    const run = this.open;
    if (!run.full) {
      const rows = this.sql('SELECT id, kicker, title, subtitle, byline, paragraphs, captions FROM articles WHERE id > ? AND id < ? ORDER BY id');
      for (const r of rows.iterate(run.last, run.end) as Iterable<ArticleTextRow>) {
        run.builder.add(r.id, SqliteSearchIndex.fields(r));
        run.last = r.id;
        if (run.builder.size >= this.part || run.builder.occurrences >= this.runOccurrences) {
          run.full = true;
          break;
        }
      }
    }
    const due = run.full || run.builder.size >= atLeast || this.state('next_article') >= run.end;
    if (due || !this.gatherAhead) this.open = null;
    if (!due || run.builder.size === 0) return null;
    return { through, start: run.start, last: run.last, blobs: [...run.builder.encode()] };
  }

  /** Writes a run with its watermark; the segment it completed (all its ids given out and indexed), if any. */
  private storeRun(run: Run): number | null {
    // another writer indexed these articles since they were read
    if (this.state('indexed_through') !== run.through) return null;
    const insert = this.sql('INSERT INTO search_postings (term, start, data) VALUES (?, ?, ?)');
    for (const [term, blob] of run.blobs) insert.run(term, run.start, blob);
    this.setState('indexed_through', run.last);
    this.changed();
    const segment = segmentOf(run.start);
    const end = (segment + 1) * SEGMENT_IDS;
    const more = this.sql('SELECT 1 FROM articles WHERE id > ? AND id < ? LIMIT 1').get(run.last, end);
    return !more && this.state('next_article') >= end ? segment : null;
  }

  /**
   * A segment's runs become one row per term, MERGE_TERMS terms per write
   * transaction (so that pages are stored between them). Each term is replaced
   * whole, by the union of the runs it had: a crash between two transactions
   * leaves some terms in runs, which searches read as before.
   */
  private mergeSegment(segment: number): void {
    const base = segment * SEGMENT_IDS;
    const within = [base, base + SEGMENT_IDS] as const;
    const runs = this.sql('SELECT COUNT(*) AS n FROM search_postings WHERE term = ? AND start >= ? AND start < ?').get(LENGTHS_TERM, ...within) as { n: number };
    if (runs.n <= 1) return;
    const terms = this.reading(() => this.sql('SELECT DISTINCT term FROM search_postings WHERE start >= ? AND start < ?').pluck().all(...within) as string[]);
    const read = this.sql('SELECT start, data FROM search_postings WHERE term = ? AND start >= ? AND start < ? ORDER BY start').raw();
    const drop = this.sql('DELETE FROM search_postings WHERE term = ? AND start >= ? AND start < ?');
    const insert = this.sql('INSERT INTO search_postings (term, start, data) VALUES (?, ?, ?)');
    for (let k = 0; k < terms.length; k += MERGE_TERMS) {
      const merged = this.reading(() =>
        terms.slice(k, k + MERGE_TERMS).flatMap((term) => {
          const parts = (read.all(term, ...within) as Array<[number, Uint8Array]>).map(([start, data]) => decodePostings(start, data));
          return parts.length === 1 && parts[0].base === base ? [] : [[term, mergePostings(base, parts)] as const];
        }),
      );
      this.writing(() => {
        for (const [term, blob] of merged) {
          drop.run(term, ...within);
          insert.run(term, base, blob);
        }
      });
    }
  }

  /** The articles past the watermark, indexed in memory (again when the archive has changed): call before a search. */
  refresh(): Map<string, Postings[]> {
    const through = this.state('indexed_through');
    // a write past the watermark raises the highest id; one that only deletes is told by changed()
    const key = `${through}:${this.lastArticle()}`;
    if (this.tail && key === this.tailKey) return this.tail;
    const tail = new Map<string, Postings[]>();
    let builder: PostingsBuilder | null = null;
    const flush = () => {
      if (!builder) return;
      for (const [term, blob] of builder.encode()) {
        const list = tail.get(term);
        const p = decodePostings(builder.base, blob);
        if (list) list.push(p);
        else tail.set(term, [p]);
      }
    };
    for (const r of this.sql('SELECT id, kicker, title, subtitle, byline, paragraphs, captions FROM articles WHERE id > ? ORDER BY id').iterate(through) as Iterable<ArticleTextRow>) {
      if (!builder || r.id - builder.base >= SEGMENT_IDS) {
        flush();
        builder = new PostingsBuilder(r.id);
      }
      builder.add(r.id, SqliteSearchIndex.fields(r));
    }
    flush();
    this.tail = tail;
    this.tailKey = key;
    this.lengthsCache = null;
    return tail;
  }

  private lengthsCache: Lengths | null = null;

  /** Article lengths, for ranking. */
  lengths(): Lengths {
    return (this.lengthsCache ??= new Lengths(this));
  }

  /** Forgets what it holds in memory (the archive was written). */
  changed(): void {
    this.tail = null;
    this.lengthsCache = null;
  }

  postings(term: string): Postings[] {
    const stored = (this.sql('SELECT start, data FROM search_postings WHERE term = ? ORDER BY start').raw().all(term) as Array<[number, Uint8Array]>).map(([start, data]) =>
      decodePostings(start, data),
    );
    const tail = (this.tail ?? this.refresh()).get(term);
    return tail ? stored.concat(tail) : stored;
  }
}
