// A schematic page drawn from text alone: the page's blocks in reading order,
// each as a box whose area follows its printed length, on a six-column grid
// like a broadsheet's. Sizes are CSS classes (w1–w6, h1–h8), not inline
// styles, so the page needs no 'unsafe-inline' in its CSP.

export interface MapBox {
  kind: 'masthead' | 'article' | 'other';
  label: string;
  /** article id for article boxes */
  id?: string;
  /** the first words of an article */
  lead?: string;
  chars: number;
  width: number;
  height: number;
}

const COLUMNS = 6;
/** printed characters one grid cell stands for */
const CELL = 120;

export function boxSize(chars: number): { width: number; height: number } {
  const cells = Math.max(1, Math.round(chars / CELL));
  const width = Math.min(COLUMNS, Math.max(1, Math.round(Math.sqrt(cells / 1.5))));
  const height = Math.min(8, Math.max(1, Math.ceil(cells / width)));
  return { width, height };
}

export function pageMap(items: Array<Omit<MapBox, 'width' | 'height'>>): MapBox[] {
  return items.map((b) => ({ ...b, ...(b.kind === 'masthead' ? { width: COLUMNS, height: 1 } : boxSize(b.chars)) }));
}
