// What search needs to count and filter its matches without joining tables:
// for every article row, its paper, month, day, 版 and reporters, held in
// typed arrays. Built on the first search after a write.
import type Database from 'better-sqlite3';
import type { ArticleFilter, FacetCount, SearchResult } from '../store.js';

export class FacetIndex {
  private readonly papers: string[] = [];
  private readonly months: string[] = [];
  private readonly names: string[] = [];
  private paper = new Int32Array(0);
  private month = new Int32Array(0);
  private day = new Int32Array(0);
  private page = new Int32Array(0);
  /** reporters of article i: names[reporterList[reporterStart[i] .. reporterStart[i+1]]] */
  private reporterStart = new Int32Array(0);
  private reporterList = new Int32Array(0);

  constructor(db: Database.Database) {
    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM articles').get() as { n: number }).n;
    this.paper = new Int32Array(max + 1).fill(-1);
    this.month = new Int32Array(max + 1).fill(-1);
    this.day = new Int32Array(max + 1).fill(-1);
    this.page = new Int32Array(max + 1).fill(-1);
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

  private reportersOf(id: number): number[] {
    const out: number[] = [];
    for (let k = this.reporterStart[id]; k < this.reporterStart[id + 1]; k++) out.push(this.reporterList[k]);
    return out;
  }

  /** The ids that pass the filter. */
  filter(ids: number[], f: ArticleFilter): number[] {
    const paper = f.paper === undefined ? null : this.papers.indexOf(f.paper);
    const reporter = f.reporter === undefined ? null : this.names.indexOf(f.reporter);
    const from = f.from ? dayNumber(f.from) : null;
    const to = f.to ? dayNumber(f.to) : null;
    if (paper === -1 || reporter === -1) return [];
    return ids.filter(
      (id) =>
        id < this.paper.length &&
        (paper === null || this.paper[id] === paper) &&
        (from === null || (this.day[id] >= 0 && this.day[id] >= from)) &&
        (to === null || (this.day[id] >= 0 && this.day[id] <= to)) &&
        (f.page === undefined || this.page[id] === f.page) &&
        (reporter === null || this.reportersOf(id).includes(reporter)),
    );
  }

  facets(ids: number[]): SearchResult['facets'] {
    const count = (n: number, of: (id: number) => number[]) => {
      const c = new Int32Array(n);
      for (const id of ids) for (const k of of(id)) c[k]++;
      return c;
    };
    const top = (c: Int32Array, names: string[]): FacetCount[] =>
      [...c.keys()]
        .filter((k) => c[k] > 0)
        .map((k) => ({ value: names[k], count: c[k] }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, 30);
    return {
      paper: top(count(this.papers.length, (id) => (id < this.paper.length && this.paper[id] >= 0 ? [this.paper[id]] : [])), this.papers),
      month: top(count(this.months.length, (id) => (id < this.month.length && this.month[id] >= 0 ? [this.month[id]] : [])), this.months),
      reporter: top(count(this.names.length, (id) => (id < this.paper.length ? this.reportersOf(id) : [])), this.names),
    };
  }
}

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
