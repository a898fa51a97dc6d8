import type { BlockKind, BlockNode, PageRoot, Role } from '../../tree/types.js';
import type { Stage } from '../../pipeline/stage.js';
import type { PageFile } from '../../file/page-file.js';
import { blockText, withSpans, type RoleRange } from '../../tree/spans.js';
import { kindOf, refineKinds } from './classify-blocks.js';
import { jumpAtEnd, splitLead, type Range } from './split-lead.js';
import { endsWithCredit, PHOTO_CREDIT } from '../../text/press-patterns.js';

export type SegmentOptions = Record<string, never>;

const ROLE_OF_KIND: Partial<Record<BlockKind, Role>> = {
  headline: 'title',
  section: 'paragraph',
  byline: 'byline',
  body: 'paragraph',
  caption: 'caption',
  credit: 'credit',
  jump: 'jump',
  source: 'dateline',
  other: 'other',
};

/**
 * Says what every block is (headline line, byline, opening paragraph, body,
 * caption, credit, jump, source) and cuts opening paragraphs into dateline,
 * byline and body spans. Which headline belongs to which body is `link`'s work.
 */
export const segmentArticles: Stage<SegmentOptions> = () => (tree: PageRoot, file: PageFile): PageRoot => {
  const blocks = tree.children.filter((c): c is BlockNode => c.type === 'block' && !c.data.kind && !isSpanned(c));
  const texts = blocks.map((b) => blockText(b));
  const kinds = refineKinds(
    blocks,
    blocks.map((b, i) => kindOf(b, texts[i].text)),
    texts.map((t) => t.text.trim()),
  );
  const rebuilt = new Map<string, BlockNode>();
  blocks.forEach((block, i) => {
    const { text, offsets } = texts[i];
    const kind = kinds[i];
    const ranges = rangesFor(kind, text).map(([role, [s, e]]): RoleRange => ({
      role,
      start: offsets[s],
      end: offsets[e - 1] + 1,
    }));
    const spanned = withSpans(block, ranges, file.source);
    rebuilt.set(block.id, { ...spanned, data: { ...spanned.data, kind } });
  });
  return {
    ...tree,
    children: tree.children.map((c) => (c.type === 'block' ? rebuilt.get(c.id) ?? markOwn(c) : c)),
  };
};

function isSpanned(b: BlockNode): boolean {
  return b.children.some((c) => c.type === 'span');
}

function markOwn(b: BlockNode): BlockNode {
  if (b.data.kind) return b;
  const span = b.children.find((c) => c.type === 'span');
  const kind: BlockKind = span && span.type === 'span' && span.role === 'masthead' ? 'masthead' : 'other';
  return { ...b, data: { ...b.data, kind } };
}

function trimRange(text: string, [s, e]: Range): Range {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** Role ranges (indices into the kept text) for a block of a kind. */
function rangesFor(kind: BlockKind, text: string): Array<[Role, Range]> {
  const whole = trimRange(text, [0, text.length]);
  if (whole[1] <= whole[0]) return [];
  if (kind === 'lead') {
    const p = splitLead(text);
    if (p) {
      const out: Array<[Role, Range]> = [];
      if (p.jumpFrom) out.push(['jump', p.jumpFrom]);
      if (p.dateline) out.push(['dateline', p.dateline]);
      if (p.byline) out.push(['byline', p.byline]);
      if (p.body) out.push(['paragraph', p.body]);
      if (p.jumpTo) out.push(['jump', p.jumpTo]);
      return out;
    }
  }
  if (kind === 'caption' && endsWithCredit(text)) {
    const t = text.slice(0, whole[1]);
    const m = PHOTO_CREDIT.exec(t)!;
    const creditStart = m.index + m[0].indexOf(m[1]);
    return [
      ['caption', trimRange(text, [whole[0], creditStart])],
      ['credit', [creditStart, whole[1]]],
    ];
  }
  if (kind === 'body' || kind === 'section') {
    const jump = jumpAtEnd(text);
    if (jump && jump[0] > whole[0]) return [['paragraph', trimRange(text, [whole[0], jump[0]])], ['jump', jump]];
  }
  const role = ROLE_OF_KIND[kind] ?? 'other';
  return [[role, whole]];
}
