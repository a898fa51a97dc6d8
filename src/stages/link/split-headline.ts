/** One line of a headline stack as the splitter sees it. */
export interface HeadlineLine {
  id: string[];
  heading: number;
  text: string;
}

/**
 * Splits a headline stack into kicker (引题), title (主题) and subtitle (副题).
 * Marked pages say it with heading levels: the `#` line is the title, marked
 * lines above it the kicker, below it the subtitle. Unmarked stacks: the first
 * piece (lines printed together) is the title, the pieces after it subtitles.
 * Only the split is a guess; the text and its order are the page's.
 */
export function splitHeadline(pieces: HeadlineLine[][]): Array<['kicker' | 'title' | 'subtitle', string[]]> {
  const lines = pieces.flat();
  const out: Array<['kicker' | 'title' | 'subtitle', string[]]> = [];
  const marked = lines.filter((l) => l.heading > 0);
  if (marked.length) {
    const top = Math.min(...marked.map((l) => l.heading));
    const titleAt = lines.findIndex((l) => l.heading === top);
    lines.forEach((l, i) => out.push([i < titleAt ? 'kicker' : i === titleAt ? 'title' : 'subtitle', l.id]));
    return out;
  }
  pieces.forEach((piece, p) => piece.forEach((l) => out.push([p === 0 ? 'title' : 'subtitle', l.id])));
  return out;
}
