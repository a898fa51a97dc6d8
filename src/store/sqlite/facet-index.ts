// What search needs to count and filter its matches without joining tables.
// Counting touches each match once, scattered over a million ids, so what it
// reads per article is one number: its paper-and-month pair and its reporter
// packed together, 4 bytes an article while they fit in 32 bits. What only
// filters read (day, 版) is kept per page. Built on the first search after a write.
import type Database from 'better-sqlite3';
import type { ArticleFilter, FacetCount, SearchResult } from '../store.js';
import { gallop } from '../../search/match-query.js';

/** Values listed per facet. */
const FACET_SIZE = 30;

/** The reporter slot of an article with no reporter; a list of several is `-2 - k`. */
const NO_REPORTER = -1;

export class FacetIndex {
  private readonly papers: string[] = [];
  private readonly months: string[] = [];
  private readonly names: string[] = [];
  /** pair k of a paper and a month (either -1 where not known): [2k] the paper's index, [2k + 1] the month's */
  private readonly pairs: number[] = [];
  /**
   * per article id: (pair + 1) × reporterCodes + reporter, 0 for an id no
   * article holds now; reporter 0 is none, 1 + n the name n, 1 + names + k the
   * k-th list of several
   */
  private readonly byId: Uint32Array | Float64Array;
  private readonly reporterCodes: number;
  /** per article id, its page (an index into pageDay and pageNo), -1 for an id no article holds now */
  private readonly pageOf: Int32Array;
  /** ranges [dead[2k], dead[2k + 1]) of ids up to the last article's that no article holds now (a replaced page's) */
  private readonly dead: Int32Array;
  // per page, -1 where not known
  private readonly pageDay: Int32Array;
  private readonly pageNo: Int32Array;
  private readonly pagePair: Int32Array;
  /** list k of several reporters: names[severalNames[severalStart[k] ..< severalStart[k + 1]]] */
  private readonly severalStart: Int32Array;
  private readonly severalNames: Int32Array;

  /** `packLimit`: packed numbers below it are kept in 32 bits, past it in 64 (a test lowers it to take that path) */
  constructor(db: Database.Database, packLimit = 2 ** 32) {
    const paperIds = new Map<string, number>();
    const monthIds = new Map<string, number>();
    const pairIds = new Map<string, number>();
    const pageRows = db.prepare('SELECT id, paper, date, page_no FROM pages ORDER BY id').raw().all() as Array<[number, string | null, string | null, number | null]>;
    const pageIndex = new Int32Array((pageRows.length ? pageRows[pageRows.length - 1][0] : 0) + 1).fill(-1);
    this.pageDay = new Int32Array(pageRows.length).fill(-1);
    this.pageNo = new Int32Array(pageRows.length).fill(-1);
    this.pagePair = new Int32Array(pageRows.length);
    for (const [k, [id, paper, date, page]] of pageRows.entries()) {
      pageIndex[id] = k;
      const p = paper === null ? -1 : intern(paperIds, this.papers, paper);
      const m = date === null ? -1 : intern(monthIds, this.months, date.slice(0, 7));
      let pair = pairIds.get(`${p} ${m}`);
      if (pair === undefined) {
        pair = this.pairs.length / 2;
        this.pairs.push(p, m);
        pairIds.set(`${p} ${m}`, pair);
      }
      this.pagePair[k] = pair;
      if (date !== null) this.pageDay[k] = dayNumber(date);
      if (page !== null) this.pageNo[k] = page;
    }

    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM articles').get() as { n: number }).n;
    this.pageOf = new Int32Array(max + 1).fill(-1);
    // (page_id, id) read from the index on page_id, not from the article rows
    for (const [pageId, id] of db.prepare('SELECT page_id, id FROM articles ORDER BY page_id').raw().iterate() as Iterable<[number, number]>) {
      this.pageOf[id] = pageIndex[pageId];
    }
    const dead: number[] = [];
    // rowids start at 1
    for (let id = 1; id <= max; id++) {
      if (this.pageOf[id] >= 0) continue;
      if (dead.length && dead[dead.length - 1] === id) dead[dead.length - 1] = id + 1;
      else dead.push(id, id + 1);
    }
    this.dead = Int32Array.from(dead);

    // reporters: the name's index, or -2 - k for the k-th list of several (NO_REPORTER: none)
    const reporter = new Int32Array(max + 1).fill(NO_REPORTER);
    const nameIds = new Map<string, number>();
    const severalStart: number[] = [];
    const severalNames: number[] = [];
    let last = -1;
    for (const [id, name] of db.prepare("SELECT article_id, name FROM article_people WHERE role = 'reporters' ORDER BY article_id").raw().iterate() as Iterable<[number, string]>) {
      if (id > max) continue;
      const n = intern(nameIds, this.names, name);
      if (id !== last) reporter[id] = n;
      else {
        const had = reporter[id];
        if (had >= 0) {
          reporter[id] = -2 - severalStart.length;
          severalStart.push(severalNames.length);
          severalNames.push(had);
        }
        severalNames.push(n);
      }
      last = id;
    }
    severalStart.push(severalNames.length);
    this.severalStart = Int32Array.from(severalStart);
    this.severalNames = Int32Array.from(severalNames);

    const lists = this.severalStart.length - 1;
    this.reporterCodes = 1 + this.names.length + lists;
    const fits = (this.pairs.length / 2 + 1) * this.reporterCodes < packLimit;
    this.byId = fits ? new Uint32Array(max + 1) : new Float64Array(max + 1);
    for (let id = 1; id <= max; id++) {
      const page = this.pageOf[id];
      if (page < 0) continue;
      const r = reporter[id];
      const code = r === NO_REPORTER ? 0 : r >= 0 ? 1 + r : 1 + this.names.length + (-2 - r);
      this.byId[id] = (this.pagePair[page] + 1) * this.reporterCodes + code;
    }
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
    const paper = f.paper === undefined ? null : this.papers.indexOf(f.paper);
    const reporter = f.reporter === undefined ? null : this.names.indexOf(f.reporter);
    const from = f.from ? dayNumber(f.from) : null;
    const to = f.to ? dayNumber(f.to) : null;
    if (paper === -1 || reporter === -1) return new Int32Array(0);
    return ids.filter((id) => {
      const page = id < this.pageOf.length ? this.pageOf[id] : -1;
      if (page < 0) return false;
      const day = this.pageDay[page];
      return (
        (paper === null || this.pairs[2 * this.pagePair[page]] === paper) &&
        (from === null || (day >= 0 && day >= from)) &&
        (to === null || (day >= 0 && day <= to)) &&
        (f.page === undefined || this.pageNo[page] === f.page) &&
        (reporter === null || this.hasReporter(id, reporter))
      );
    });
  }

  private hasReporter(id: number, name: number): boolean {
    const code = this.byId[id] % this.reporterCodes;
    if (code === 0) return false;
    if (code <= this.names.length) return code - 1 === name;
    const k = code - 1 - this.names.length;
    for (let j = this.severalStart[k]; j < this.severalStart[k + 1]; j++) if (this.severalNames[j] === name) return true;
    return false;
  }

  /** Counts by paper, month and reporter, in one pass over the matches. */
  facets(ids: Int32Array): SearchResult['facets'] {
    const codes = this.reporterCodes;
    const named = this.names.length;
    // counted by (pair, reporter code) together, then split: one increment a match
    const perPair = new Int32Array(this.pairs.length / 2 + 1);
    const perCode = new Int32Array(codes);
    const byId = this.byId;
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      if (id >= byId.length) break;
      const v = byId[id];
      const pair = Math.floor(v / codes);
      perPair[pair]++;
      perCode[v - pair * codes]++;
    }
    const papers = new Int32Array(this.papers.length);
    const months = new Int32Array(this.months.length);
    for (let k = 1; k < perPair.length; k++) {
      const [p, m] = [this.pairs[2 * (k - 1)], this.pairs[2 * (k - 1) + 1]];
      if (p >= 0) papers[p] += perPair[k];
      if (m >= 0) months[m] += perPair[k];
    }
    const names = new Int32Array(named);
    for (let code = 1; code < codes; code++) {
      const c = perCode[code];
      if (c === 0) continue;
      if (code <= named) names[code - 1] += c;
      else {
        const k = code - 1 - named;
        for (let j = this.severalStart[k]; j < this.severalStart[k + 1]; j++) names[this.severalNames[j]] += c;
      }
    }
    return { paper: top(papers, this.papers), month: top(months, this.months), reporter: top(names, this.names) };
  }
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

/** The 30 values counted most, most first (ties by value). */
function top(counts: Int32Array, names: string[]): FacetCount[] {
  const out: FacetCount[] = [];
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) out.push({ value: names[k], count: counts[k] });
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_SIZE);
}

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
