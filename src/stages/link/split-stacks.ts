import type { Atom, Segment, Unit } from './collect-units.js';

/** Cuts scoring at least this share of the best one's are taken as equally good. */
const NEAR_TIE = 0.9;

/** A run of headline lines cut in two, the headlines of two bodies: the data the choice is made from. */
export interface StackSplit {
  atom: Atom;
  /** units before the cut */
  at: number;
  score: number;
  bodies: [Segment, Segment];
  runnerUp: { at: number; score: number } | null;
}

/**
 * A run of headline lines with no break between them can hold two stories'
 * headlines: a stream that printed one story's headline after its text and the
 * next story's before its own (`…（下转第七版）` / `绍兴全域实现…` / `累计居住满6个月…`
 * / `1~4月浙江出口…` / `外贸增速…` / `本报讯…`). Every cut is scored by the words
 * (rare ones weighing most) each side shares with the body it matches best; a
 * cut counts only where the sides match different bodies, each side covers `bar`
 * of its own words there and shares at most half as much with the other side's.
 */
export function scoreStackSplits<G>(
  atoms: Atom[],
  /** the bodies an atom's headlines may belong to */
  segmentsFor: (atom: Atom) => Segment[],
  /** what overlap reads of some lines (their bigrams) */
  gramsOf: (units: Unit[]) => G,
  /** the weight of the lines' words that the body also has, and of all their words */
  overlap: (grams: G, s: Segment) => { shared: number; total: number },
  bar: number,
): StackSplit[] {
  const out: StackSplit[] = [];
  for (const atom of atoms) {
    const segments = atom.units.length < 2 ? [] : segmentsFor(atom);
    if (segments.length < 2) continue;
    // a side covering `bar` of its words in a body shares at least `bar` of its lightest line's weight with it, and so
    // does the whole run: only bodies the whole run shares that much with can be a side's (the rest are not scored)
    const lightest = Math.min(...atom.units.map((u) => overlap(gramsOf([u]), segments[0]).total));
    const whole = gramsOf(atom.units);
    const bodies = segments.filter((s) => overlap(whole, s).shared >= bar * lightest);
    if (bodies.length < 2) continue;
    const cuts: Array<{ at: number; score: number; bodies: [Segment, Segment] }> = [];
    for (let at = 1; at < atom.units.length; at++) {
      const head = gramsOf(atom.units.slice(0, at));
      const tail = gramsOf(atom.units.slice(at));
      const before = bodies.map((s) => overlap(head, s));
      const after = bodies.map((s) => overlap(tail, s));
      const b = argmax(before.map((o) => o.shared));
      const a = argmax(after.map((o) => o.shared));
      if (a === b || share(before[b]) < bar || share(after[a]) < bar) continue;
      // each side far closer to its own body than to the other side's
      if (before[a].shared > before[b].shared / 2 || after[b].shared > after[a].shared / 2) continue;
      // the cut that leaves the most words beside a body that has them (a line matching neither side weighs nothing)
      cuts.push({ at, score: before[b].shared + after[a].shared, bodies: [bodies[b], bodies[a]] });
    }
    if (!cuts.length) continue;
    // cuts that score about the same differ by lines that match both bodies about as little: they go with the
    // headline above them, as its subtitle (far more stacks have a subtitle than a kicker)
    const top = Math.max(...cuts.map((c) => c.score));
    cuts.sort((x, y) => Number(y.score >= NEAR_TIE * top) - Number(x.score >= NEAR_TIE * top) || y.at - x.at);
    const [best, second] = cuts;
    out.push({ atom, ...best, runnerUp: second ? { at: second.at, score: second.score } : null });
  }
  return out;
}

/** The atoms with each chosen cut made: the lines before it one piece, the lines after it (and the jump) another. */
export function applyStackSplits(atoms: Atom[], splits: StackSplit[]): Atom[] {
  const cutOf = new Map(splits.map((s) => [s.atom, s.at]));
  return atoms.flatMap((atom) => {
    const at = cutOf.get(atom);
    if (at === undefined) return [atom];
    const head = atom.units.slice(0, at);
    const tail = atom.units.slice(at);
    return [
      { units: head, first: head[0].index, last: head[head.length - 1].index },
      { units: tail, first: tail[0].index, last: tail[tail.length - 1].index, ...(atom.jump ? { jump: atom.jump } : {}) },
    ];
  });
}

function share(o: { shared: number; total: number }): number {
  return o.total === 0 ? 0 : o.shared / o.total;
}

function argmax(row: number[]): number {
  let best = 0;
  row.forEach((v, i) => {
    if (v > row[best]) best = i;
  });
  return best;
}
