import type { Leaf, TextLeaf } from '../../tree/types.js';
import type { SourceText } from '../../tree/source-text.js';
import { isSpace, isWide } from '../../text/chars.js';

/** A space justified print put next to a wide character or a digit, not between two words of Latin script. */
function isJustifySpace(before: string, after: string): boolean {
  if (!before || !after) return false;
  const latinBefore = /[A-Za-z]/.test(before);
  const latinAfter = /[A-Za-z]/.test(after);
  if (latinBefore && latinAfter) return false;
  return isWide(before) || isWide(after) || /\d/.test(before) || /\d/.test(after) || /[%.]/.test(before);
}

/** Splits a text leaf at the spaces of justified print into text and `justify-space` gaps. */
export function markJustifySpaces(leaf: TextLeaf, source: SourceText): Leaf[] {
  const v = leaf.value;
  if (!/[ \u3000\u00a0]/.test(v)) return [leaf];
  const base = leaf.position.start.offset;
  const out: Leaf[] = [];
  let textStart = 0;
  let i = 0;
  while (i < v.length) {
    if (!isSpace(v[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < v.length && isSpace(v[j])) j++;
    if (isJustifySpace(v[i - 1] ?? '', v[j] ?? '')) {
      if (i > textStart) out.push(text(v.slice(textStart, i), base + textStart, base + i, source));
      out.push({ type: 'gap', value: v.slice(i, j), reason: 'justify-space', position: source.position(base + i, base + j) });
      textStart = j;
    }
    i = j;
  }
  if (textStart < v.length) out.push(text(v.slice(textStart), base + textStart, base + v.length, source));
  return out;
}

function text(value: string, start: number, end: number, source: SourceText): TextLeaf {
  return { type: 'text', value, position: source.position(start, end) };
}
