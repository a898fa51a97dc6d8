// Content overlap by character bigrams, weighted by how rare a bigram is on the
// page: shared names and terms count, shared function words barely do.

const INDEXABLE = /[\u3400-\u9fffA-Za-z0-9]/;

export function bigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const ch of text) {
    if (!INDEXABLE.test(ch)) {
      prev = '';
      continue;
    }
    if (prev) out.add(prev + ch);
    prev = ch;
  }
  return out;
}

export class BigramIdf {
  private readonly df = new Map<string, number>();
  private docs = 0;

  add(grams: Set<string>): void {
    this.docs++;
    for (const g of grams) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  idf(gram: string): number {
    return Math.log(1 + this.docs / (1 + (this.df.get(gram) ?? 0)));
  }

  /** Share of the short text's weight that the long text also has: how much of a headline a body covers. */
  containment(short: Set<string>, long: Set<string>): number {
    let total = 0;
    let shared = 0;
    for (const g of short) {
      const w = this.idf(g);
      total += w;
      if (long.has(g)) shared += w;
    }
    return total === 0 ? 0 : shared / total;
  }

  /** Weighted cosine of two bigram sets: whether two runs of body text are about the same thing. */
  cosine(a: Set<string>, b: Set<string>): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const g of a) {
      const w = this.idf(g) ** 2;
      na += w;
      if (b.has(g)) dot += w;
    }
    for (const g of b) nb += this.idf(g) ** 2;
    return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
