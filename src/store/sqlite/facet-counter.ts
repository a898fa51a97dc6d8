// Counting a search's matches by paper, month and reporter: the part of
// ./facet-index.ts that a worker thread can hold too (plain arrays, nothing
// tied to the database), so that a large count can run beside the ranking.
import type { FacetCount, SearchResult } from '../store.js';

/** Values listed per facet. */
const FACET_SIZE = 30;

export type Facets = SearchResult['facets'];

/** Packed numbers, in the narrowest array they fit. */
export type Packed = Uint16Array | Uint32Array | Float64Array;

export interface CounterParts {
  papers: string[];
  months: string[];
  names: string[];
  /** pair k of a paper and a month (either -1 where not known): [2k] the paper's index, [2k + 1] the month's */
  pairs: Int32Array;
  /**
   * per article id: (pair + 1) × reporterCodes + reporter, 0 for an id no
   * article holds now; reporter 0 is none, 1 + n the name n, 1 + names + k the
   * k-th list of several
   */
  byId: Packed;
  reporterCodes: number;
  /** list k of several reporters: names[severalNames[severalStart[k] ..< severalStart[k + 1]]] */
  severalStart: Int32Array;
  severalNames: Int32Array;
}

/**
 * An array for `length` numbers below `limit`: 2 bytes each while they fit
 * (one paper over a few years with a few dozen reporters does), else 4, else
 * 8. Counting reads one at each match, scattered over the ids, so the
 * narrower the array the more of it stays in the CPU's caches. `minBits`
 * makes it wider (the tests take every path).
 */
export function packedArray(length: number, limit: number, minBits: 16 | 32 | 64 = 16): Packed {
  if (minBits === 16 && limit <= 2 ** 16) return new Uint16Array(length);
  if (minBits <= 32 && limit <= 2 ** 32) return new Uint32Array(length);
  return new Float64Array(length);
}

export class FacetCounter {
  constructor(readonly parts: CounterParts) {}

  /** Whether the article holds the reporter (an index into `names`). */
  hasReporter(id: number, name: number): boolean {
    const { byId, reporterCodes, names, severalStart, severalNames } = this.parts;
    const code = byId[id] % reporterCodes;
    if (code === 0) return false;
    if (code <= names.length) return code - 1 === name;
    const k = code - 1 - names.length;
    for (let j = severalStart[k]; j < severalStart[k + 1]; j++) if (severalNames[j] === name) return true;
    return false;
  }

  /** How many numbers `tally` counts into: one per pair (and one for ids no article holds), one per reporter code. */
  get tallies(): { pairs: number; codes: number } {
    return { pairs: this.parts.pairs.length / 2 + 1, codes: this.parts.reporterCodes };
  }

  /** Counts by paper, month and reporter. */
  count(ids: Int32Array): Facets {
    const { pairs, codes } = this.tallies;
    const perPair = new Int32Array(pairs);
    const perCode = new Int32Array(codes);
    this.tally(ids, perPair, perCode);
    return this.facetsOf(perPair, perCode);
  }

  /**
   * The one pass over the matches, the part that takes time: each match's
   * (pair, reporter code) counted, one read and two increments, into zeroed arrays.
   */
  tally(ids: Int32Array, perPair: Int32Array, perCode: Int32Array): void {
    const { byId, reporterCodes: codes } = this.parts;
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n];
      if (id >= byId.length) break;
      const v = byId[id];
      const pair = Math.floor(v / codes);
      perPair[pair]++;
      perCode[v - pair * codes]++;
    }
  }

  /** The facets of the tallies: pairs split into papers and months, lists of several reporters into names. */
  facetsOf(perPair: Int32Array, perCode: Int32Array): Facets {
    const { reporterCodes: codes, pairs, names, severalStart, severalNames } = this.parts;
    const named = names.length;
    const papers = new Int32Array(this.parts.papers.length);
    const months = new Int32Array(this.parts.months.length);
    for (let k = 1; k < perPair.length; k++) {
      const p = pairs[2 * (k - 1)];
      const m = pairs[2 * (k - 1) + 1];
      if (p >= 0) papers[p] += perPair[k];
      if (m >= 0) months[m] += perPair[k];
    }
    const byName = new Int32Array(named);
    for (let code = 1; code < codes; code++) {
      const c = perCode[code];
      if (c === 0) continue;
      if (code <= named) byName[code - 1] += c;
      else {
        const k = code - 1 - named;
        for (let j = severalStart[k]; j < severalStart[k + 1]; j++) byName[severalNames[j]] += c;
      }
    }
    return { paper: top(papers, this.parts.papers), month: top(months, this.parts.months), reporter: top(byName, names) };
  }
}

/** The 30 values counted most, most first (ties by value). */
function top(counts: Int32Array, names: string[]): FacetCount[] {
  const out: FacetCount[] = [];
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) out.push({ value: names[k], count: counts[k] });
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_SIZE);
}
