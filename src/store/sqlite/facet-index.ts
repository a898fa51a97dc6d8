// What search needs to count and filter its matches without joining tables:
// for every article row, its paper, month, day, 版 and reporters, held in
// typed arrays. Built on the first search after a write.
import type Database from 'better-sqlite3';
import type { ArticleFilter, FacetCount, SearchResult } from '../store.js';

/** Values listed per facet. */
const FACET_SIZE = 30;

export class FacetIndex {
  private readonly papers: string[] = [];
  private readonly months: string[] = [];
  private readonly names: string[] = [];
  private paper = new Int32Array(0);
  private month = new Int32Array(0);
  private day = new Int32Array(0);
  private page = new Int32Array(0);
  /** 1 for the ids of articles stored now (the search index still names some that are gone) */
  private live = new Uint8Array(0);
  /** reporters of article i: names[reporterList[reporterStart[i] .. reporterStart[i+1]]] */
  private reporterStart = new Int32Array(0);
  private reporterList = new Int32Array(0);

  constructor(db: Database.Database) {
    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM articles').get() as { n: number }).n;
    this.paper = new Int32Array(max + 1).fill(-1);
    this.month = new Int32Array(max + 1).fill(-1);
    this.day = new Int32Array(max + 1).fill(-1);
    this.page = new Int32Array(max + 1).fill(-1);
    this.live = new Uint8Array(max + 1);
    const paperIds = new Map<string, number>();
    const monthIds = new Map<string, number>();
    const intern = (map: Map<string, number>, list: string[], v: string) => {
      let i = map.get(v);
      if (i === undefined) {
        i = list.length;
        list.push(v);
        map.set(v, i);
      }
      return i;
    };
    const rows = db.prepare('SELECT a.id AS id, p.paper AS paper, p.date AS date, p.page_no AS page FROM articles a JOIN pages p ON p.id = a.page_id').raw().iterate() as Iterable<[number, string | null, string | null, number | null]>;
    for (const [id, paper, date, page] of rows) {
      if (paper !== null) this.paper[id] = intern(paperIds, this.papers, paper);
      if (date !== null) {
        this.month[id] = intern(monthIds, this.months, date.slice(0, 7));
        this.day[id] = dayNumber(date);
      }
      if (page !== null) this.page[id] = page;
      this.live[id] = 1;
    }
    const nameIds = new Map<string, number>();
    const perArticle = new Map<number, number[]>();
    for (const [id, name] of db.prepare("SELECT article_id, name FROM article_people WHERE role = 'reporters' ORDER BY article_id").raw().iterate() as Iterable<[number, string]>) {
      const list = perArticle.get(id) ?? [];
      list.push(intern(nameIds, this.names, name));
      perArticle.set(id, list);
    }
    this.reporterStart = new Int32Array(max + 2);
    const flat: number[] = [];
    for (let i = 0; i <= max; i++) {
      this.reporterStart[i] = flat.length;
      const list = perArticle.get(i);
      if (list) flat.push(...list);
    }
    this.reporterStart[max + 1] = flat.length;
    this.reporterList = Int32Array.from(flat);
  }

  private hasReporter(id: number, name: number): boolean {
    for (let k = this.reporterStart[id]; k < this.reporterStart[id + 1]; k++) if (this.reporterList[k] === name) return true;
    return false;
  }

  /** The ids of articles stored now. */
  stored(ids: Int32Array): Int32Array {
    const out = new Int32Array(ids.length);
    let n = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] < this.live.length && this.live[ids[i]]) out[n++] = ids[i];
    return n === ids.length ? ids : out.subarray(0, n);
  }

  /** The ids that pass the filter. */
  filter(ids: Int32Array, f: ArticleFilter): Int32Array {
    const paper = f.paper === undefined ? null : this.papers.indexOf(f.paper);
    const reporter = f.reporter === undefined ? null : this.names.indexOf(f.reporter);
    const from = f.from ? dayNumber(f.from) : null;
    const to = f.to ? dayNumber(f.to) : null;
    if (paper === -1 || reporter === -1) return new Int32Array(0);
    return ids.filter(
      (id) =>
        id < this.paper.length &&
        (paper === null || this.paper[id] === paper) &&
        (from === null || (this.day[id] >= 0 && this.day[id] >= from)) &&
        (to === null || (this.day[id] >= 0 && this.day[id] <= to)) &&
        (f.page === undefined || this.page[id] === f.page) &&
        (reporter === null || this.hasReporter(id, reporter)),
    );
  }

  /** Counts by paper, month and reporter, in one pass over the matches (a broad query has hundreds of thousands). */
  facets(ids: Int32Array): SearchResult['facets'] {
    const papers = new Int32Array(this.papers.length);
    const months = new Int32Array(this.months.length);
    const names = new Int32Array(this.names.length);
    const known = this.paper.length;
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      if (id >= known) continue;
      const p = this.paper[id];
      if (p >= 0) papers[p]++;
      const m = this.month[id];
      if (m >= 0) months[m]++;
      for (let k = this.reporterStart[id], end = this.reporterStart[id + 1]; k < end; k++) names[this.reporterList[k]]++;
    }
    return { paper: top(papers, this.papers), month: top(months, this.months), reporter: top(names, this.names) };
  }
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
