import type { BlockKind, BlockNode } from '../../tree/types.js';
import { blockText } from '../../tree/spans.js';
import { endsSentence } from '../../text/chars.js';
import { EDITORS_LINE, endsWithCredit, exclaimedTitle, isBylineLine, isCreditLine, isPageFurniture, isRunningHead, isServiceBoxLine, isWrappedTail, JUMP, looksLikeHeadline, PAGE_LABEL, SOURCE_LINE } from '../../text/press-patterns.js';
import { splitLead } from './split-lead.js';

const JUMP_ONLY = new RegExp(`^\\s*${JUMP.source}\\s*$`);
/** Text cut off mid-clause and continued on another page: `…自2012年成立以来,（下转第四版）`. */
const CUT_BY_JUMP = new RegExp(`[，,、；;]\\s*${JUMP.source}\\s*$`);
/** A whole quotation ending its sentence inside the marks: `“是否能如期竣工？”`. */
const SPOKEN = /^“[^“”]+[。？！?!]”$/;
/** A block set wider than its run's column by this much is no line of that column. */
const WIDER_THAN_COLUMN = 1.5;

/** What a block is by itself, before its neighbours are looked at. */
export function kindOf(block: BlockNode, text: string): BlockKind {
  const t = text.trim();
  if (block.data.heading >= 3) return 'section';
  if (block.data.heading > 0) return 'headline';
  if (!/[\u4e00-\u9fffA-Za-z]/.test(t) || isRunningHead(t) || EDITORS_LINE.test(t)) return 'other';
  if (isCreditLine(t)) return 'credit';
  if (JUMP_ONLY.test(t)) return 'jump';
  if (SOURCE_LINE.test(t)) return 'source';
  if (isBylineLine(t)) return 'byline';
  if (splitLead(t)) return 'lead';
  if (endsWithCredit(t)) return 'caption';
  // (a headline set in a narrow column wraps to four lines or more; it has no punctuation but a title's enumeration
  // mark, `究共同富裕、数字化`; a whole quotation that ends its sentence inside the quote marks, `“是否能如期竣工？”`,
  // is someone's words, not a headline)
  if (looksLikeHeadline(t) && !CUT_BY_JUMP.test(t) && (block.data.lines <= 3 || !/[，。；！？,;!?]/.test(t)) && !/[。]$/.test(t) && !SPOKEN.test(t)) return 'headline';
  return 'body';
}

function sentences(text: string): number {
  return (text.match(/[。！？!?]/g) ?? []).length;
}

/**
 * Captions by their surroundings: the text above a credit line; a sentence or
 * two set apart by a picture's blank lines; a sentence between a headline and
 * the next article, between a byline and its dateline, between a photo's credit
 * and a story's byline or dateline, before anything of a story on the page, or
 * set wider than the column of the text it follows.
 */
export function refineKinds(blocks: BlockNode[], kinds: BlockKind[], texts: string[] = blocks.map((b) => blockText(b).text.trim())): BlockKind[] {
  // the first block that is not the page's furniture: every block before it is
  const first = kinds.findIndex((k) => k !== 'other');
  const firstStory = first < 0 ? kinds.length : first;
  return kinds.map((kind, i) => {
    if (kind !== 'body' && kind !== 'headline') return kind;
    const b = blocks[i];
    const text = texts[i];
    if (kind === 'headline' && (isServiceBoxLine(texts, i) || isPageFurniture(text))) return 'other';
    // the page's label (`第七版 时事`) written apart from the rest of its running head, next to it
    if (kind === 'headline' && PAGE_LABEL.test(text) && [texts[i - 1], texts[i + 1]].some((t) => t !== undefined && isRunningHead(t))) return 'other';
    const next = kinds[i + 1];
    const prev = kinds[i - 1];
    // (a title may end in an exclamation or a question, with a comma before it: `…彭清林等，一等功！`)
    const noSentence = !/[。，]/.test(text) || exclaimedTitle(text);
    // a headline over a credit and a text is a photo story's title (图片新闻), or the title of the story the photo
    // heads, not a caption: marked as a heading, or no sentence, over a text, a dateline or a byline
    const photoStory = kind === 'headline' && (b.data.heading > 0 || noSentence) && ['body', 'lead', 'byline'].includes(kinds[i + 2]);
    // a heading under another headline is the stack's next line (a subtitle over a photo), not the photo's caption:
    // marked as a heading, or no sentence
    const inStack = kind === 'headline' && prev === 'headline' && (b.data.heading > 0 || noSentence);
    if (next === 'credit' && text.length <= 400 && !photoStory && !inStack) return 'caption';
    if (kind === 'headline') return kind;
    // a headline's last character or two wrapped onto a line of their own inside its stack (`超1831亿` / `元` / `较去年同期增`)
    if (prev === 'headline' && next === 'headline' && isWrappedTail(text)) return 'headline';
    // a title wrapped right after an enumeration mark, a line of its own over the rest of its stack and the story's
    // byline or dateline (`市委全面深化改革委员会举行第7次会议研究共同富裕、` / `数字化改革等议题` / `记者王婷`)
    if (next === 'headline' && b.data.lines === 1 && /、$/.test(text) && !/[。，；：！？,;:!?]/.test(text) && ['byline', 'lead'].includes(kinds[i + 2])) return 'headline';
    if (!endsSentence(text) || text.length > 90 || b.data.lines > 4 || sentences(text) > 2) return kind;
    const pictureGap = b.data.blankBefore >= 2 || (b.data.blankAfter >= 2 && prev !== 'lead' && prev !== 'body');
    const betweenArticles = prev === 'headline' && (next === 'lead' || next === 'byline' || next === 'headline');
    // (a story's text begins at its dateline: a sentence or two set between its byline and that is a photo's caption)
    const overDateline = prev === 'byline' && next === 'lead';
    // a photo's credit, then a sentence or two, then the story's byline or dateline: the photo's caption
    const underCredit = prev === 'credit' && (next === 'byline' || next === 'lead');
    // a sentence or two before anything of a story on the page, over a headline: no story ends there
    const beforeStories = next === 'headline' && i <= firstStory;
    // after a story's text, set wider than the column it stands in by half again: no line of that column
    const widerThanColumn = (prev === 'body' || prev === 'lead') && b.data.column > 0 && b.data.width > WIDER_THAN_COLUMN * b.data.column;
    return pictureGap || betweenArticles || overDateline || underCredit || beforeStories || widerThanColumn ? 'caption' : kind;
  });
}
