import type { BlockNode, Leaf, Node, PageRoot, SpanNode } from './types.js';

export function isLeaf(node: Node): node is Leaf {
  return node.type === 'text' || node.type === 'break' || node.type === 'gap';
}

/** All leaves under a node, in source order. */
export function leavesOf(node: Node, out: Leaf[] = []): Leaf[] {
  if (isLeaf(node)) out.push(node);
  else for (const child of (node as { children: Node[] }).children) leavesOf(child, out);
  return out;
}

/** The kept text of a node: its text leaves, without wraps and dropped characters. */
export function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (isLeaf(node)) return '';
  let s = '';
  for (const child of (node as { children: Node[] }).children) s += textOf(child);
  return s;
}

/** Every span of the page by id. */
export function spansById(root: PageRoot): Map<string, SpanNode> {
  const map = new Map<string, SpanNode>();
  for (const child of root.children) {
    if (child.type !== 'block') continue;
    for (const c of child.children) if (c.type === 'span') map.set(c.id, c);
  }
  return map;
}

export function blocksOf(root: PageRoot): BlockNode[] {
  return root.children.filter((c): c is BlockNode => c.type === 'block');
}
