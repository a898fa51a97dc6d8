import { EDITORS_LINE, isRunningHead } from '../../text/press-patterns.js';
import type { BlockNode, Leaf, LineNode, PageChild, PageRoot } from '../../tree/types.js';
import type { PageFile } from '../../file/page-file.js';
import type { Stage } from '../../pipeline/stage.js';
import { columnOfRun, findParagraphs, SHORT_BY } from './find-paragraphs.js';
import { markJustifySpaces } from './mark-justify-spaces.js';
import { continuesAcross, continuesAfterCaption, type ProtoBlock } from './join-across-blanks.js';
import { textOfLine } from './line-text.js';
import { endsSentence } from '../../text/chars.js';

export interface ReflowOptions {
  /** join sentences that blank lines split (default true) */
  joinAcrossBlanks?: boolean;
}

interface Proto extends ProtoBlock {
  lineNodes: LineNode[];
  column: number;
  /** blank line nodes after it */
  blanks: LineNode[];
}

/**
 * Unwraps column lines into paragraphs: joins lines a column width wrapped,
 * drops the spaces of justified print, and joins sentences that a column or
 * box break split across blank lines. No character is changed or lost: wraps
 * become joined `break`s, dropped spaces `gap`s with a reason.
 */
export const reflow: Stage<ReflowOptions> = (options = {}) => (tree: PageRoot, file: PageFile): PageRoot => {
  const joinAcross = options.joinAcrossBlanks ?? true;
  const lines = tree.children.filter((c): c is LineNode => c.type === 'line');
  const leading: LineNode[] = [];
  const protos: Proto[] = [];
  const runs = splitRuns(lines, leading);
  const ownColumns = runs.map((r) => (r.lines.length >= 3 ? columnOfRun(r.lines) : 0));
  const neighbours = nearestColumns(ownColumns);
  runs.forEach((run, r) => {
    const neighbour = neighbours[r];
    const layout = findParagraphs(run.lines, neighbour);
    layout.starts.forEach((start, k) => {
      const end = k + 1 < layout.starts.length ? layout.starts[k + 1] : run.lines.length;
      const lineNodes = run.lines.slice(start, end);
      const texts = lineNodes.map(textOfLine);
      protos.push({
        lineNodes,
        column: layout.column,
        text: texts.join(''),
        firstLine: texts[0],
        lines: lineNodes.length,
        heading: lineNodes[0].data.heading,
        blanks: end === run.lines.length ? run.blanks : [],
        blanksAfter: end === run.lines.length ? run.blanks.length : 0,
        // a line that shares a wrapped run with body lines is body text, however short
        full:
          isFull(lineNodes[lineNodes.length - 1].data.width, layout.column || neighbour) ||
          (layout.column > 0 && run.lines.some((l) => !lineNodes.includes(l) && (isFull(l.data.width, layout.column) || /[，、；]/.test(textOfLine(l))))),
      });
    });
  });

  // groups of protos that become one block; and far continuations past a caption
  const groups: Proto[][] = [];
  const continuesIn = new Map<Proto, Proto>();
  for (let i = 0; i < protos.length; i++) {
    const p = protos[i];
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (prev && prev === protos[i - 1] && joinAcross && continuesAcross(mergedView(group), p, protos[i + 1])) group.push(p);
    else groups.push([p]);
  }
  if (joinAcross) {
    for (let g = 0; g + 2 < groups.length; g++) {
      const a = mergedView(groups[g]);
      if (continuesAfterCaption(a, mergedView(groups[g + 1]), mergedView(groups[g + 2]))) {
        continuesIn.set(groups[g][groups[g].length - 1], groups[g + 2][0]);
      }
    }
  }

  const children: PageChild[] = [...leading];
  const idOf = new Map<Proto, string>();
  let n = 0;
  const blocks: Array<{ block: BlockNode; group: Proto[] }> = [];
  let blanksBefore = leading.length;
  for (const group of groups) {
    const id = `b${++n}`;
    for (const p of group) idOf.set(p, id);
    const block = buildBlock(id, group, file);
    block.data.blankBefore = blanksBefore;
    blanksBefore = group[group.length - 1].blanks.length;
    blocks.push({ block, group });
    children.push(block);
    children.push(...group[group.length - 1].blanks);
    if (group.length > 1) {
      file.message('reflow/joined-across-blank', 'info', { place: block.position });
    }
  }
  for (const { block, group } of blocks) {
    const next = continuesIn.get(group[group.length - 1]);
    if (next) block.data.continuesIn = idOf.get(next);
  }
  return { ...tree, children };
};

function isFull(width: number, column: number): boolean {
  return column > 0 && width >= column - SHORT_BY;
}

/** For each run, the column of the closest other run that had enough lines to tell its own (the earlier one on a tie). */
function nearestColumns(columns: number[]): number[] {
  const n = columns.length;
  const before: number[] = new Array(n).fill(-1);
  const after: number[] = new Array(n).fill(-1);
  for (let i = 1, last = -1; i < n; i++) {
    if (columns[i - 1] > 0) last = i - 1;
    before[i] = last;
  }
  for (let i = n - 2, next = -1; i >= 0; i--) {
    if (columns[i + 1] > 0) next = i + 1;
    after[i] = next;
  }
  return columns.map((_, i) => {
    const b = before[i];
    const a = after[i];
    if (b < 0 && a < 0) return 0;
    if (a < 0 || (b >= 0 && i - b <= a - i)) return columns[b];
    return columns[a];
  });
}

function mergedView(group: Proto[]): Proto {
  if (group.length === 1) return group[0];
  const last = group[group.length - 1];
  return {
    ...last,
    text: group.map((p) => p.text).join(''),
    firstLine: group[0].firstLine,
    lines: group.reduce((s, p) => s + p.lines, 0),
    heading: group[0].heading,
  };
}

/** Maximal runs of non-blank lines; a markdown heading line or a running head is a run of its own. */
function splitRuns(lines: LineNode[], leading: LineNode[]): Array<{ lines: LineNode[]; blanks: LineNode[] }> {
  const runs: Array<{ lines: LineNode[]; blanks: LineNode[] }> = [];
  let current: { lines: LineNode[]; blanks: LineNode[] } | null = null;
  let afterHeading = false;
  for (const line of lines) {
    if (line.data.blank) {
      if (current) current.blanks.push(line);
      else leading.push(line);
      continue;
    }
    // a markdown heading, and a running head (dated, with its editors, or its editors alone), stand alone
    const isHeading = line.data.heading > 0 || isRunningHead(textOfLine(line)) || EDITORS_LINE.test(textOfLine(line).trim());
    if (!current || current.blanks.length > 0 || isHeading || afterHeading) {
      current = { lines: [line], blanks: [] };
      runs.push(current);
    } else current.lines.push(line);
    afterHeading = isHeading;
  }
  return runs;
}

function buildBlock(id: string, group: Proto[], file: PageFile): BlockNode {
  const source = file.source;
  const leaves: Leaf[] = [];
  const lastProto = group[group.length - 1];
  let width = 0;
  let lineCount = 0;
  const groupColumn = Math.max(...group.map((p) => p.column));
  group.forEach((p, gi) => {
    const wrapped = p.column > 0 || (groupColumn > 0 && group.length > 1);
    p.lineNodes.forEach((line, li) => {
      lineCount++;
      width = Math.max(width, line.data.width);
      const isLast = gi === group.length - 1 && li === p.lineNodes.length - 1;
      for (const leaf of line.children) {
        if (leaf.type === 'text' && wrapped) leaves.push(...markJustifySpaces(leaf, source));
        else if (leaf.type === 'break') leaves.push({ ...leaf, joined: !isLast });
        else leaves.push(leaf);
      }
    });
    if (gi < group.length - 1) {
      for (const blank of p.blanks) {
        const { start, end } = blank.position;
        if (end.offset > start.offset) {
          leaves.push({ type: 'gap', value: source.text.slice(start.offset, end.offset), reason: 'column-break', position: blank.position });
        }
      }
    }
  });
  const text = group.map((p) => p.text).join('');
  const first = group[0].lineNodes[0];
  const lastLine = lastProto.lineNodes[lastProto.lineNodes.length - 1];
  return {
    type: 'block',
    id,
    children: leaves,
    data: {
      heading: first.data.heading,
      lines: lineCount,
      width,
      column: groupColumn,
      blankBefore: 0,
      blankAfter: lastProto.blanks.length,
      open: !endsSentence(text),
    },
    position: { start: first.position.start, end: lastLine.position.end },
  };
}
