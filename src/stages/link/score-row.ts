/**
 * The scores of the runs of text outside a row's band: one per run, shared by every row (0, or less for a run that
 * goes on another's text), with where each stretch of them peaks.
 */
export class Defaults {
  /** prefix[k]: the first index of the greatest value among 0…k−1 (−1 when k is 0) */
  private readonly prefix: Int32Array;
  /** suffix[k]: the first index of the greatest value among k…n−1 (−1 when k is n) */
  private readonly suffix: Int32Array;

  constructor(readonly values: ArrayLike<number>) {
    const n = values.length;
    this.prefix = new Int32Array(n + 1).fill(-1);
    this.suffix = new Int32Array(n + 1).fill(-1);
    for (let k = 1; k <= n; k++) {
      const p = this.prefix[k - 1];
      this.prefix[k] = p < 0 || values[k - 1] > values[p] ? k - 1 : p;
    }
    for (let k = n - 1; k >= 0; k--) {
      const s = this.suffix[k + 1];
      this.suffix[k] = s < 0 || values[k] >= values[s] ? k : s;
    }
  }

  get length(): number {
    return this.values.length;
  }

  /** The first index of the greatest value outside from…to−1, or −1 when there is none. */
  argmaxOutside(from: number, to: number): number {
    const a = this.prefix[from];
    const b = this.suffix[to];
    if (a < 0) return b;
    if (b < 0) return a;
    return this.values[b] > this.values[a] ? b : a;
  }
}

/**
 * A headline piece's (or a group of pieces') scores against the page's runs of text: computed for the runs near it
 * (`from`…`from + values.length − 1`), the shared defaults for every other. A text of many pages run together then
 * holds a band per piece, not a score for every piece and every run; on a page the band is the whole row.
 */
export class ScoreRow {
  constructor(
    readonly from: number,
    readonly values: Float64Array,
    readonly defaults: Defaults,
  ) {}

  /** A row of `defaults.length` scores: `score(j)` for j in from…to−1. */
  static band(from: number, to: number, defaults: Defaults, score: (j: number) => number): ScoreRow {
    const hi = Math.min(defaults.length, to);
    const lo = Math.min(Math.max(0, from), Math.max(0, hi));
    const values = new Float64Array(Math.max(0, hi - lo));
    for (let j = lo; j < hi; j++) values[j - lo] = score(j);
    return new ScoreRow(lo, values, defaults);
  }

  /** The rows' greatest score for every run: a band spanning theirs. */
  static max(rows: ScoreRow[]): ScoreRow {
    if (rows.length === 1) return rows[0];
    const defaults = rows[0].defaults;
    const from = Math.min(...rows.map((r) => r.from));
    const to = Math.max(...rows.map((r) => r.to));
    return ScoreRow.band(from, to, defaults, (j) => {
      let max = -Infinity;
      for (const r of rows) max = Math.max(max, r.get(j));
      return max;
    });
  }

  get to(): number {
    return this.from + this.values.length;
  }

  get length(): number {
    return this.defaults.length;
  }

  get(j: number): number {
    return j >= this.from && j < this.to ? this.values[j - this.from] : this.defaults.values[j];
  }

  /** The first index of the greatest score, as over the whole row (−1 for a row of none). */
  argmax(except = -1): number {
    let best = -1;
    for (let k = 0; k < this.values.length; k++) {
      const j = this.from + k;
      if (j !== except && (best < 0 || this.values[k] > this.get(best))) best = j;
    }
    // (the run left out, when outside the band, is looked past by scanning the defaults themselves)
    const outside = except >= 0 && (except < this.from || except >= this.to) ? this.scanOutside(except) : this.defaults.argmaxOutside(this.from, this.to);
    if (outside < 0) return best;
    if (best < 0) return outside;
    const a = this.get(outside);
    const b = this.get(best);
    return a > b || (a === b && outside < best) ? outside : best;
  }

  /** The greatest score (−Infinity for a row of none). */
  max(): number {
    const j = this.argmax();
    return j < 0 ? -Infinity : this.get(j);
  }

  /** Each run, in order, whose score is at least `least`. */
  atLeast(least: number): number[] {
    const out: number[] = [];
    const outside = this.defaults.argmaxOutside(this.from, this.to);
    const scanAll = outside >= 0 && this.get(outside) >= least;
    for (let j = scanAll ? 0 : this.from; j < (scanAll ? this.length : this.to); j++) if (this.get(j) >= least) out.push(j);
    return out;
  }

  private scanOutside(except: number): number {
    let best = -1;
    for (let j = 0; j < this.length; j++) {
      if (j === except || (j >= this.from && j < this.to)) continue;
      if (best < 0 || this.defaults.values[j] > this.defaults.values[best]) best = j;
    }
    return best;
  }
}
