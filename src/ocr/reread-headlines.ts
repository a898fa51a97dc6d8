// A scan's headline lines, read again where OCR is surer of them.
import type { PdfPage } from '../pdf/pdf-items.js';

/**
 * The page's headline lines (half again the body size and more) as read from
 * the same page at a lower resolution, where OCR is surer of them: the lines
 * there that lie over one here, taken when their text is about as long and
 * their confidence is higher. The item keeps its place; its text and raw
 * words are the second reading's.
 */
export function rereadHeadlines(page: PdfPage, small: PdfPage | null): PdfPage {
  if (!small) return page;
  const count = new Map<number, number>();
  for (const it of page.items) count.set(it.size, (count.get(it.size) ?? 0) + it.text.length);
  const body = [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const length = (s: string) => [...s.replace(/\s/g, '')].length;
  const items = page.items.map((it) => {
    if (it.size < body * 1.5) return it;
    const over = small.items
      .filter((l) => Math.min(l.y1, it.y1) - Math.max(l.y0, it.y0) >= (it.y1 - it.y0) * 0.5 && Math.min(l.x1, it.x1) - Math.max(l.x0, it.x0) >= (l.x1 - l.x0) * 0.5)
      .sort((a, b) => a.x0 - b.x0);
    const text = over.map((l) => l.text).join('');
    const confidence = over.reduce((sum, l) => sum + (l.confidence ?? 0) * length(l.text), 0) / Math.max(1, length(text));
    const aboutAsLong = Math.abs(length(text) - length(it.text)) <= Math.max(1, length(it.text) * 0.15);
    return over.length && aboutAsLong && confidence > (it.confidence ?? 100) ? { ...it, text, raw: over.map((l) => l.raw).join(' '), confidence } : it;
  });
  return { ...page, items };
}
