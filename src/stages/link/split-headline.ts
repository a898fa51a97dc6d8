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
  // one piece of several lines (an extraction that keeps no blank lines): the first line the title, the rest its subtitle
  if (pieces.length === 1 && lines.length > 1) {
    lines.forEach((l, i) => out.push([i === 0 ? 'title' : 'subtitle', l.id]));
    return out;
  }
  pieces.forEach((piece, p) => piece.forEach((l) => out.push([p === 0 ? 'title' : 'subtitle', l.id])));
  return out;
}

/**
 * Where a marked title line that is the last of its stack holds its subtitle
 * after a space (`## “希望每家企业都拿到大订单” 126家杭州企业组团迪拜“抢”订单`):
 * the index the subtitle starts at, or -1.
 */
export function subtitleStart(line: HeadlineLine, isLast: boolean): number {
  if (line.heading === 0 || !isLast) return -1;
  const m = /\s+/.exec(line.text.trim());
  if (!m) return -1;
  const lead = line.text.length - line.text.trimStart().length;
  const before = line.text.trim().slice(0, m.index);
  const after = line.text.trim().slice(m.index + m[0].length);
  // both halves must read as a headline of their own, not a phrase cut in two
  if (before.length < 4 || after.length < 4) return -1;
  return lead + m.index + m[0].length;
}
