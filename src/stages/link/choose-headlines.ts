import type { Atom, Segment } from './collect-units.js';
import { ScoreRow } from './score-row.js';

/** A scored pairing of a headline piece with a body: the data every decision here is made from. */
export interface Candidate<T> {
  atom: number;
  target: T;
  score: number;
  content: number;
}

export interface HeadlineGroup {
  atoms: Atom[];
  target: Segment | null;
  score: number;
  runnerUp: { target: Segment | null; score: number } | null;
  /** pieces of this stack printed apart from the rest (a title across the page's top, its subtitle over the columns) */
  apart?: Atom[];
}

/**
 * Which side of its body a page prints headlines on: the share of headline
 * pieces whose best match by content is the body right after them. Markdown
 * heading marks say "after" outright.
 */
export function styleAfter(atoms: Atom[], bestIsNext: boolean[], bestIsPrev: boolean[], markdown: boolean[]): number {
  let next = 1;
  let prev = 1;
  atoms.forEach((_, i) => {
    if (markdown[i]) next += 2;
    if (bestIsNext[i]) next++;
    if (bestIsPrev[i]) prev++;
  });
  return next / (next + prev);
}

/**
 * `scores` rank the pairs (content and placement); `content` alone says which
 * pieces match no body at all.
 *
 * Merges neighbouring headline pieces that match the same body, then pairs
 * pieces with bodies one to one, best score first. A piece that matches no body
 * well joins the neighbour on the side the page prints its headlines.
 */
export function chooseHeadlines(
  atoms: Atom[],
  scores: ScoreRow[],
  segments: Segment[],
  after: number,
  threshold: number,
  content: ScoreRow[] = scores,
): HeadlineGroup[] {
  const best = scores.map((row) => row.argmax());
  const weak = (j: number) => best[j] < 0 || scores[j].get(best[j]) < threshold;
  const weakContent = (j: number) => Math.max(content[j].max(), 0) < threshold;
  const touching = (j: number) => j > 0 && atoms[j].first === atoms[j - 1].last + 1;
  // a teaser: weak pieces right above a jump line (`（详见第二版）`) head another page's article
  const teaserFrom = new Map<number, number>();
  atoms.forEach((atom, i) => {
    if (!atom.jump) return;
    let j = i;
    while (j > 0 && touching(j) && weakContent(j - 1) && !atoms[j - 1].jump) j--;
    for (let k = j; k <= i; k++) teaserFrom.set(k, j);
  });
  // runs of atoms with nothing but headlines between them
  const groups: Atom[][] = [];
  const groupBest: number[] = [];
  atoms.forEach((atom, i) => {
    const last = groups[groups.length - 1];
    const lastAtom = last?.[last.length - 1];
    if (teaserFrom.has(i)) {
      if (teaserFrom.get(i) === i) {
        groups.push([atom]);
        groupBest.push(-1);
      } else last.push(atom);
      return;
    }
    const adjacent = lastAtom !== undefined && touching(i) && !lastAtom.jump && !teaserFrom.has(i - 1);
    const same = adjacent && best[i] === groupBest[groupBest.length - 1] && best[i] >= 0;
    // a weak piece leans to its neighbour on the side headlines are printed
    const weakJoin = adjacent && ((weak(i) && after < 0.5) || (weak(i - 1) && after >= 0.5));
    if (same || weakJoin) {
      last.push(atom);
      if (weak(i - 1) && !weak(i)) groupBest[groupBest.length - 1] = best[i];
    } else {
      groups.push([atom]);
      groupBest.push(best[i]);
    }
  });

  const indexOf = new Map(atoms.map((a, i) => [a, i]));
  const groupScores = groups.map((g) => ScoreRow.max(g.map((a) => scores[indexOf.get(a)!])));
  const pairs: Array<{ g: number; s: number; score: number }> = [];
  groupScores.forEach((row, g) => {
    if (groups[g][groups[g].length - 1].jump) return; // a teaser's body is on another page
    for (const s of row.atLeast(threshold)) pairs.push({ g, s, score: row.get(s) });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const result: HeadlineGroup[] = groups.map((g) => ({ atoms: g, target: null, score: 0, runnerUp: null }));
  for (const p of pairs) {
    if (usedG.has(p.g) || usedS.has(p.s)) continue;
    usedG.add(p.g);
    usedS.add(p.s);
    result[p.g].target = segments[p.s];
    result[p.g].score = p.score;
    const other = groupScores[p.g].argmax(p.s);
    if (other >= 0) result[p.g].runnerUp = { target: segments[other], score: groupScores[p.g].get(other) };
  }
  const groupContent = groups.map((g) => ScoreRow.max(g.map((a) => content[indexOf.get(a)!])));
  return joinStacksPrintedApart(result, segments, groupContent, threshold, (g) => teaserFrom.has(indexOf.get(groups[g][0])!));
}

/**
 * A headline piece left without a body whose content belongs to a body another
 * piece already heads, printed before that body: one stack printed in two places
 * (the title in a band across the top, the subtitle over the columns, another
 * box's headline between). It joins that stack, in reading order.
 */
function joinStacksPrintedApart(
  result: HeadlineGroup[],
  segments: Segment[],
  content: ScoreRow[],
  threshold: number,
  isTeaser: (g: number) => boolean,
): HeadlineGroup[] {
  const gone = new Set<number>();
  result.forEach((g, i) => {
    const last = g.atoms[g.atoms.length - 1];
    if (g.target || last.jump || isTeaser(i)) return;
    const s = content[i].argmax();
    // twice the bar of a pairing: most of the piece's words are the body's, not a label's few common ones
    if (s < 0 || content[i].get(s) < 2 * threshold || segments[s].first < last.last) return;
    const owner = result.find((o) => o.target === segments[s]);
    if (!owner) return;
    // printed before the stack (a title in a band above), or between the stack and its body (a subtitle)
    const before = last.last <= owner.atoms[0].first;
    const between = g.atoms[0].first >= owner.atoms[owner.atoms.length - 1].last;
    if (!before && !between) return;
    owner.atoms = before ? [...g.atoms, ...owner.atoms] : [...owner.atoms, ...g.atoms];
    owner.apart = g.atoms;
    gone.add(i);
  });
  return result.filter((_, i) => !gone.has(i));
}
