// Content overlap by character bigrams, weighted by how rare a bigram is on the
// page: shared names and terms count, shared function words barely do.
// A bigram is a number (two UTF-16 units), so sets are cheap to build and probe.

export type Grams = Set<number>;

function indexable(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function bigramsOf(text: string, into: Grams = new Set()): Grams {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!indexable(c)) {
      prev = -1;
      continue;
    }
    if (prev >= 0) into.add(prev * 65536 + c);
    prev = c;
  }
  return into;
}

export function union(sets: Grams[]): Grams {
  if (sets.length === 1) return sets[0];
  const out = new Set<number>();
  for (const s of sets) for (const g of s) out.add(g);
  return out;
}

export class BigramIdf {
  private readonly df = new Map<number, number>();
  private readonly weights = new Map<number, number>();
  private readonly norms = new WeakMap<Grams, number>();
  private docs = 0;

  add(grams: Grams): void {
    this.docs++;
    this.weights.clear();
    for (const g of grams) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  idf(gram: number): number {
    let w = this.weights.get(gram);
    if (w === undefined) {
      w = Math.log(1 + this.docs / (1 + (this.df.get(gram) ?? 0)));
      this.weights.set(gram, w);
    }
    return w;
  }

  /** Share of the short text's weight that the long text also has: how much of a headline a body covers. */
  containment(short: Grams, long: Grams): number {
    const { shared, total } = this.overlap(short, long);
    return total === 0 ? 0 : shared / total;
  }

  /** The weight of the short text's bigrams that the long text also has, and of all of them. */
  overlap(short: Grams, long: Grams): { shared: number; total: number } {
    let total = 0;
    let shared = 0;
    for (const g of short) {
      const w = this.idf(g);
      total += w;
      if (long.has(g)) shared += w;
    }
    return { shared, total };
  }

  private norm(a: Grams): number {
    let n = this.norms.get(a);
    if (n === undefined) {
      n = 0;
      for (const g of a) n += this.idf(g) ** 2;
      this.norms.set(a, n);
    }
    return n;
  }

  /** Weighted cosine of two bigram sets: whether two runs of body text are about the same thing. */
  cosine(a: Grams, b: Grams): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const g of small) if (large.has(g)) dot += this.idf(g) ** 2;
    const na = this.norm(a);
    const nb = this.norm(b);
    return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
