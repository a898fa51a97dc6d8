import type { BlockNode, Leaf, Role, SpanNode } from './types.js';
import type { SourceText } from './source-text.js';
import { isSpace } from '../text/chars.js';

export interface RoleRange {
  role: Role;
  /** source offsets, end exclusive */
  start: number;
  end: number;
}

/** The block's leaves, whether or not an earlier stage grouped them into spans. */
export function blockLeaves(block: BlockNode): Leaf[] {
  const out: Leaf[] = [];
  for (const c of block.children) {
    if (c.type === 'span') out.push(...c.children);
    else out.push(c);
  }
  return out;
}

/** Kept text of a block and, for each character, its source offset. */
export function blockText(block: BlockNode): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (const leaf of blockLeaves(block)) {
    if (leaf.type !== 'text') continue;
    const base = leaf.position.start.offset;
    for (let i = 0; i < leaf.value.length; i++) offsets.push(base + i);
    text += leaf.value;
  }
  return { text, offsets };
}

/**
 * Regroups a block's leaves into spans with roles. Text leaves are cut where
 * ranges meet; white space at the edge of a range becomes a `separator` gap;
 * leaves outside every range stay direct children of the block.
 */
export function withSpans(block: BlockNode, ranges: RoleRange[], source: SourceText, idPrefix = block.id): BlockNode {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const cuts = new Set<number>();
  for (const r of sorted) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const pieces: Leaf[] = [];
  for (const leaf of blockLeaves(block)) pieces.push(...cutLeaf(leaf, cuts, source));

  const children: Array<Leaf | SpanNode> = [];
  let k = 0;
  let current: SpanNode | null = null;
  let currentRange: RoleRange | null = null;
  let n = 0;
  for (const leaf of pieces) {
    const at = leaf.position.start.offset;
    while (k < sorted.length && sorted[k].end <= at) k++;
    const range = k < sorted.length && sorted[k].start <= at && at < sorted[k].end ? sorted[k] : null;
    if (!range) {
      current = null;
      currentRange = null;
      children.push(leaf.type === 'text' && isBlank(leaf.value) ? asSeparator(leaf) : leaf);
      continue;
    }
    if (!current || currentRange !== range) {
      current = { type: 'span', id: `${idPrefix}.s${++n}`, role: range.role, children: [], position: leaf.position };
      currentRange = range;
      children.push(current);
    }
    current.children.push(leaf);
    current.position = { start: current.position.start, end: leaf.position.end };
  }
  // white space at the edges of a span is a separator, not span text
  const out: Array<Leaf | SpanNode> = [];
  for (const c of children) {
    if (c.type !== 'span') {
      out.push(c);
      continue;
    }
    const inner = [...c.children];
    const before: Leaf[] = [];
    const after: Leaf[] = [];
    while (inner.length && isEdge(inner[0])) before.push(asSeparator(inner.shift()!));
    while (inner.length && isEdge(inner[inner.length - 1])) after.unshift(asSeparator(inner.pop()!));
    out.push(...before);
    if (inner.length) {
      out.push({ ...c, children: inner, position: { start: inner[0].position.start, end: inner[inner.length - 1].position.end } });
    }
    out.push(...after);
  }
  return { ...block, children: out };
}

function isBlank(s: string): boolean {
  for (const ch of s) if (!isSpace(ch)) return false;
  return true;
}

function isEdge(leaf: Leaf): boolean {
  return leaf.type !== 'text' || isBlank(leaf.value);
}

function asSeparator(leaf: Leaf): Leaf {
  if (leaf.type === 'text') return { type: 'gap', value: leaf.value, reason: 'separator', position: leaf.position };
  return leaf;
}

/** Cuts a text leaf at the given offsets, and splits white space off text at range edges. */
function cutLeaf(leaf: Leaf, cuts: Set<number>, source: SourceText): Leaf[] {
  if (leaf.type !== 'text') return [leaf];
  const start = leaf.position.start.offset;
  const points: number[] = [];
  for (let i = 1; i < leaf.value.length; i++) if (cuts.has(start + i)) points.push(i);
  // separate runs of white space from text so that edges can become separators
  for (let i = 1; i < leaf.value.length; i++) {
    if (isSpace(leaf.value[i]) !== isSpace(leaf.value[i - 1])) points.push(i);
  }
  if (points.length === 0) return [leaf];
  const uniq = [...new Set(points)].sort((a, b) => a - b);
  const out: Leaf[] = [];
  let prev = 0;
  for (const p of [...uniq, leaf.value.length]) {
    out.push({ type: 'text', value: leaf.value.slice(prev, p), position: source.position(start + prev, start + p) });
    prev = p;
  }
  return mergeAdjacent(out, cuts, source);
}

/** Undo splits at white-space boundaries that fell inside one range, so spans keep whole words. */
function mergeAdjacent(leaves: Leaf[], cuts: Set<number>, source: SourceText): Leaf[] {
  const out: Leaf[] = [];
  for (const l of leaves) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'text' &&
      l.type === 'text' &&
      !cuts.has(l.position.start.offset) &&
      !isBlank(prev.value) &&
      !isBlank(l.value)
    ) {
      out[out.length - 1] = { type: 'text', value: prev.value + l.value, position: source.position(prev.position.start.offset, l.position.end.offset) };
    } else out.push(l);
  }
  return out;
}

/**
 * Cuts one span in two at a source offset: the first keeps its id and takes
 * `roles[0]`, the second gets `secondId` and `roles[1]`; white space at the
 * cut becomes a separator between them.
 */
export function splitSpan(span: SpanNode, offset: number, roles: [Role, Role], secondId: string, source: SourceText): Array<Leaf | SpanNode> {
  const pieces = span.children.flatMap((leaf) => cutLeaf(leaf, new Set([offset]), source));
  const first = pieces.filter((l) => l.position.end.offset <= offset);
  const second = pieces.filter((l) => l.position.start.offset >= offset);
  const out: Array<Leaf | SpanNode> = [];
  const edge: Leaf[] = [];
  while (first.length && isEdge(first[first.length - 1])) edge.unshift(asSeparator(first.pop()!));
  const lead: Leaf[] = [];
  while (second.length && isEdge(second[0])) lead.push(asSeparator(second.shift()!));
  const make = (id: string, role: Role, leaves: Leaf[]): SpanNode => ({
    type: 'span',
    id,
    role,
    children: leaves,
    position: { start: leaves[0].position.start, end: leaves[leaves.length - 1].position.end },
  });
  if (first.length) out.push(make(span.id, roles[0], first));
  out.push(...edge, ...lead);
  if (second.length) out.push(make(secondId, roles[1], second));
  return out;
}
