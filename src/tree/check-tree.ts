import type { Node, PageRoot } from './types.js';
import { isLeaf, leavesOf } from './visit.js';

/**
 * The tree's guarantees, checked: leaves in order reproduce the source exactly,
 * each leaf's position slices its own value, and parents span their children.
 * Returns the problems found; an empty list means the tree is sound.
 */
export function checkTree(root: PageRoot, source: string): string[] {
  const problems: string[] = [];
  let offset = 0;
  for (const leaf of leavesOf(root)) {
    const { start, end } = leaf.position;
    if (start.offset !== offset) problems.push(`leaf at ${start.line}:${start.column} starts at ${start.offset}, expected ${offset}`);
    if (source.slice(start.offset, end.offset) !== leaf.value) {
      problems.push(`leaf at ${start.line}:${start.column} does not match the source`);
    }
    offset = end.offset;
    if (problems.length > 20) break;
  }
  if (offset !== source.length && problems.length === 0) problems.push(`leaves end at ${offset} of ${source.length}`);
  checkSpans(root, problems);
  return problems;
}

function checkSpans(node: Node, problems: string[]): void {
  if (isLeaf(node)) return;
  const children = (node as { children: Node[] }).children;
  if (children.length === 0) return;
  const pos = (node as { position: { start: { offset: number }; end: { offset: number } } }).position;
  const first = children[0].position.start.offset;
  const last = children[children.length - 1].position.end.offset;
  if (pos.start.offset !== first || pos.end.offset !== last) {
    problems.push(`${node.type} at offset ${pos.start.offset} does not span its children (${first}..${last})`);
  }
  for (const child of children) checkSpans(child, problems);
}
