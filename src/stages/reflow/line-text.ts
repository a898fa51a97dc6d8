import type { LineNode } from '../../tree/types.js';
export { endsSentence } from '../../text/chars.js';

export function textOfLine(line: LineNode): string {
  let s = '';
  for (const leaf of line.children) if (leaf.type === 'text') s += leaf.value;
  return s;
}
