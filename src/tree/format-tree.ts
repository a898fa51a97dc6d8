import type { Leaf, PageRoot } from './types.js';

function show(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

function leafLine(leaf: Leaf): string {
  const at = `${leaf.position.start.line}:${leaf.position.start.column}`;
  if (leaf.type === 'text') return `text ${at} "${show(leaf.value)}"`;
  if (leaf.type === 'break') return `break ${at}${leaf.joined ? ' joined' : ''}`;
  return `gap ${at} ${leaf.reason} "${show(leaf.value)}"`;
}

/** The page tree as indented lines, for `banmian inspect`. */
export function formatTree(tree: PageRoot, opts: { leaves?: boolean } = {}): string {
  const out: string[] = [`page 1:1-${tree.position.end.line}:${tree.position.end.column}`];
  for (const c of tree.children) {
    const at = `${c.position.start.line}:${c.position.start.column}-${c.position.end.line}:${c.position.end.column}`;
    if (c.type === 'line') {
      if (!c.data.blank || opts.leaves) out.push(`  line ${c.id} ${at}${c.data.blank ? ' blank' : ''}${c.data.heading ? ` h${c.data.heading}` : ''} w=${c.data.width}`);
      if (opts.leaves) for (const l of c.children) out.push(`    ${leafLine(l)}`);
      continue;
    }
    const d = c.data;
    out.push(`  block ${c.id} ${at}${d.kind ? ` ${d.kind}` : ''} lines=${d.lines} column=${d.column}${d.open ? ' open' : ''}${d.continuesIn ? ` continues-in=${d.continuesIn}` : ''}`);
    for (const ch of c.children) {
      if (ch.type === 'span') {
        const text = ch.children.map((l) => (l.type === 'text' ? l.value : '')).join('');
        out.push(`    ${ch.role} ${ch.id} "${show(text)}"`);
        if (opts.leaves) for (const l of ch.children) out.push(`      ${leafLine(l)}`);
      } else if (opts.leaves || ch.type === 'text') out.push(`    ${leafLine(ch)}`);
    }
  }
  const arts = tree.data.articles;
  if (arts) {
    out.push('articles');
    for (const a of arts) {
      out.push(`  ${a.id} confidence=${a.confidence} title=[${a.title.join(' ')}] paragraphs=${a.paragraphs.map((p) => p.join('+')).join(' ')}`);
    }
  }
  return out.join('\n');
}
