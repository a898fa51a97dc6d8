// What search needs to count and filter its matches without joining tables.
// Counting touches each match once, scattered over a million ids, so what it
// reads per article is one number: its paper-and-month pair and its reporter
// packed together (./facet-counter.ts). What only filters read (day, 版) is
// kept per page. Built on the first search after a write.
import type Database from 'better-sqlite3';
import type { ArticleFilter } from '../store.js';
import { gallop } from '../../search/match-query.js';
import { FacetCounter, packedArray, type CounterParts, type Facets } from './facet-counter.js';

/** The reporter slot of an article with no reporter; a list of several is `-2 - k`. */
const NO_REPORTER = -1;

/** What a facet index is made of: arrays and names only, so that it can be kept in the file (./facet-cache.ts). */
export interface FacetArrays {
  /** per article id, its page (an index into pageDay and pageNo), -1 for an id no article holds now */
  pageOf: Int32Array;
  /** ranges [dead[2k], dead[2k + 1]) of ids up to the last article's that no article holds now (a replaced page's) */
  dead: Int32Array;
  // per page, -1 where not known
  pageDay: Int32Array;
  pageNo: Int32Array;
  pagePair: Int32Array;
  counter: CounterParts;
}

export class FacetIndex {
  readonly counter: FacetCounter;
  private readonly pageOf: Int32Array;
  private readonly dead: Int32Array;
  private readonly pageDay: Int32Array;
  private readonly pageNo: Int32Array;
  private readonly pagePair: Int32Array;

  /**
   * Built from the archive's tables, or made of arrays kept before.
   * `minBits`: the packed numbers are kept in at least this many bits (a test takes the wider paths).
   */
  constructor(source: Database.Database | FacetArrays, minBits: 16 | 32 | 64 = 16) {
    this.arrays = 'prepare' in source ? buildArrays(source, minBits) : source;
    ({ pageOf: this.pageOf, dead: this.dead, pageDay: this.pageDay, pageNo: this.pageNo, pagePair: this.pagePair } = this.arrays);
    this.counter = new FacetCounter(this.arrays.counter);
  }

  readonly arrays: FacetArrays;

  /** The ids it covers: 0 up to the highest article id when it was built. */
  get ids(): number {
    return this.pageOf.length;
  }
  /** The ids of articles stored now. */
  stored(ids: Int32Array): Int32Array {
    const dead = this.dead;
    const max = this.pageOf.length - 1;
    if (ids.length === 0 || (dead.length === 0 && ids[ids.length - 1] <= max)) return ids;
    // ids ascending, walked past the ranges no article holds
    const out = new Int32Array(ids.length);
    let n = 0;
    let from = 0;
    for (let r = 0; r < dead.length; r += 2) {
      const start = gallop(ids, dead[r], from);
      out.set(ids.subarray(from, start), n);
      n += start - from;
      from = gallop(ids, dead[r + 1], start);
    }
    const end = gallop(ids, max + 1, from);
    out.set(ids.subarray(from, end), n);
    n += end - from;
    return out.subarray(0, n);
  }

  /** The ids that pass the filter. */
  filter(ids: Int32Array, f: ArticleFilter): Int32Array {
    const { papers, names, pairs } = this.counter.parts;
    const paper = f.paper === undefined ? null : papers.indexOf(f.paper);
    const reporter = f.reporter === undefined ? null : names.indexOf(f.reporter);
    const from = f.from ? dayNumber(f.from) : null;
    const to = f.to ? dayNumber(f.to) : null;
    if (paper === -1 || reporter === -1) return new Int32Array(0);
    return ids.filter((id) => {
      const page = id < this.pageOf.length ? this.pageOf[id] : -1;
      if (page < 0) return false;
      const day = this.pageDay[page];
      return (
        (paper === null || pairs[2 * this.pagePair[page]] === paper) &&
        (from === null || (day >= 0 && day >= from)) &&
        (to === null || (day >= 0 && day <= to)) &&
        (f.page === undefined || this.pageNo[page] === f.page) &&
        (reporter === null || this.counter.hasReporter(id, reporter))
      );
    });
  }

  /** Counts by paper, month and reporter. */
  facets(ids: Int32Array): Facets {
    return this.counter.count(ids);
  }
}

/** The arrays of a facet index, read from the archive's indexes (see the top of this file). */
function buildArrays(db: Database.Database, minBits: 16 | 32 | 64): FacetArrays {
  const papers: string[] = [];
  const months: string[] = [];
  const names: string[] = [];
  const pairs: number[] = [];
  const paperIds = new Map<string, number>();
  const monthIds = new Map<string, number>();
  const pairIds = new Map<string, number>();
  // read from the index on (paper, date, page_no), in its order, not from the page rows
  // (an issue's pages as one row: their ids and 版, in the index's order)
  const issueRows = db
    .prepare(`SELECT paper, date, group_concat(id || ',' || COALESCE(page_no, -1)) FROM pages INDEXED BY pages_identity GROUP BY paper, date`)
    .raw()
    .all() as Array<[string | null, string | null, string]>;
  const lastPage = db.prepare('SELECT COALESCE(MAX(id), 0) FROM pages').pluck().get() as number;
  const issuePages = issueRows.map(([, , list]) => integersOf(list));
  const pageCount = issuePages.reduce((n, l) => n + l.length / 2, 0);
  const pageIndex = new Int32Array(lastPage + 1).fill(-1);
  const pageDay = new Int32Array(pageCount).fill(-1);
  const pageNo = new Int32Array(pageCount).fill(-1);
  const pagePair = new Int32Array(pageCount);
  let k = 0;
  for (const [i, [paper, date]] of issueRows.entries()) {
    const p = paper === null ? -1 : intern(paperIds, papers, paper);
    const m = date === null ? -1 : intern(monthIds, months, date.slice(0, 7));
    let pair = pairIds.get(`${p} ${m}`);
    if (pair === undefined) {
      pair = pairs.length / 2;
      pairs.push(p, m);
      pairIds.set(`${p} ${m}`, pair);
    }
    const day = date === null ? -1 : dayNumber(date);
    const idsAndNos = issuePages[i];
    for (let q = 0; q < idsAndNos.length; q += 2, k++) {
      pageIndex[idsAndNos[q]] = k;
      pagePair[k] = pair;
      pageDay[k] = day;
      pageNo[k] = idsAndNos[q + 1];
    }
  }

  const max = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM articles').get() as { n: number }).n;
  const pageOf = new Int32Array(max + 1).fill(-1);
  // read from the index on page_id, not from the article rows; a page's articles take ids in a row
  // (one transaction), so a page is its lowest and highest id unless it was written otherwise
  const idsOf = db.prepare('SELECT id FROM articles WHERE page_id = ?').pluck();
  const ranges = db.prepare(
    `SELECT group_concat(page_id || ',' || low || ',' || high || ',' || n) FROM
       (SELECT page_id, MIN(id) AS low, MAX(id) AS high, COUNT(*) AS n FROM articles WHERE page_id > ? AND page_id <= ? GROUP BY page_id)`,
  ).pluck();
  for (let from = 0; from < lastPage; from += CHUNK) {
    const r = integersOf(ranges.get(from, from + CHUNK) as string | null);
    for (let q = 0; q < r.length; q += 4) {
      const [pageId, low, high, count] = [r[q], r[q + 1], r[q + 2], r[q + 3]];
      const k = pageIndex[pageId];
      if (high - low + 1 === count) pageOf.fill(k, low, high + 1);
      else for (const id of idsOf.all(pageId) as number[]) pageOf[id] = k;
    }
  }
  const deadRanges: number[] = [];
  // rowids start at 1
  for (let id = 1; id <= max; id++) {
    if (pageOf[id] >= 0) continue;
    if (deadRanges.length && deadRanges[deadRanges.length - 1] === id) deadRanges[deadRanges.length - 1] = id + 1;
    else deadRanges.push(id, id + 1);
  }
  const dead = Int32Array.from(deadRanges);

  const { names: named, reporter, severalStart, severalNames } = reportersOf(db, max);
  for (const name of named) names.push(name);

  const lists = severalStart.length - 1;
  const reporterCodes = 1 + names.length + lists;
  const byId = packedArray(max + 1, (pairs.length / 2 + 1) * reporterCodes, minBits);
  for (let id = 1; id <= max; id++) {
    const page = pageOf[id];
    if (page < 0) continue;
    const r = reporter[id];
    const code = r === NO_REPORTER ? 0 : r >= 0 ? 1 + r : 1 + names.length + (-2 - r);
    byId[id] = (pagePair[page] + 1) * reporterCodes + code;
  }
  return {
    pageOf,
    dead,
    pageDay,
    pageNo,
    pagePair,
    counter: {
      papers,
      months,
      names,
      pairs: Int32Array.from(pairs),
      byId,
      reporterCodes,
      severalStart,
      severalNames,
    },
  };
}

/**
 * Each article's reporter up to id `max`: the name's index, or -2 - k for the k-th list of several (NO_REPORTER:
 * none), lists numbered in the order of their articles and each in the order of the names. The names, in order,
 * are found by seeking from one to the next in the index by name, and each name's articles are read from it as
 * numbers; all in one transaction, so that the names and the lists agree.
 */
function reportersOf(db: Database.Database, max: number): { names: string[]; reporter: Int32Array; severalStart: Int32Array; severalNames: Int32Array } {
  return db.transaction(() => {
    const next = db.prepare(`SELECT MIN(name) FROM article_people INDEXED BY article_people_reporter_names WHERE role = 'reporters' AND name > ?`).pluck();
    const names: string[] = [];
    for (let name = next.get('') as string | null; name !== null; name = next.get(name) as string | null) names.push(name);
    const articlesOf = db
      .prepare(
        `SELECT group_concat(article_id) FROM article_people INDEXED BY article_people_reporter_names
         WHERE role = 'reporters' AND name = ? AND article_id > ? AND article_id <= ?`,
      )
      .pluck();
    const byName = names.map((name) => {
      const parts: Int32Array[] = [];
      for (let from = 0; from < max; from += CHUNK) parts.push(integersOf(articlesOf.get(name, from, Math.min(max, from + CHUNK)) as string | null));
      return parts.length === 1 ? parts[0] : concatIds(parts);
    });
    const count = new Int32Array(max + 1);
    for (const ids of byName) for (const id of ids) count[id]++;
    const reporter = new Int32Array(max + 1).fill(NO_REPORTER);
    const starts: number[] = [];
    let total = 0;
    for (let id = 1; id <= max; id++) {
      if (count[id] < 2) continue;
      reporter[id] = -2 - starts.length;
      starts.push(total);
      total += count[id];
    }
    starts.push(total);
    const severalStart = Int32Array.from(starts);
    const severalNames = new Int32Array(total);
    const filled = new Int32Array(starts.length);
    byName.forEach((ids, k) => {
      for (const id of ids) {
        if (count[id] === 1) reporter[id] = k;
        else {
          const list = -2 - reporter[id];
          severalNames[severalStart[list] + filled[list]++] = k;
        }
      }
    });
    return { names, reporter, severalStart, severalNames };
  })();
}

/**
 * How many ids (or pages) one group_concat covers: its text stays some tens of MB at most, well inside what a
 * string may hold.
 */
const CHUNK = 1 << 22;

/**
 * The integers of a comma-separated list that SQLite wrote with group_concat: many numbers in one value instead
 * of a row each, which took twice as long at a million articles.
 */
function integersOf(text: string | null): Int32Array {
  if (!text) return new Int32Array(0);
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  let sign = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      out[k++] = sign * v;
      v = 0;
      sign = 1;
    } else if (c === 45) sign = -1;
    else v = v * 10 + (c - 48);
  }
  out[k] = sign * v;
  return out;
}

function concatIds(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function intern(map: Map<string, number>, list: string[], v: string): number {
  let i = map.get(v);
  if (i === undefined) {
    i = list.length;
    list.push(v);
    map.set(v, i);
  }
  return i;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
