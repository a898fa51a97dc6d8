import type { BlockNode, Masthead, PageRoot } from '../../tree/types.js';
import type { Stage } from '../../pipeline/stage.js';
import type { PageFile } from '../../file/page-file.js';
import { blockText, withSpans } from '../../tree/spans.js';
import { blocksOf } from '../../tree/visit.js';
import { emptyMasthead, parseMastheadFields, PAPER_NAME, type FieldHit } from '../../text/parse-masthead-fields.js';
import { checkMastheadDates } from './check-masthead-dates.js';
import { DATELINE_START } from '../../text/press-patterns.js';

export interface MastheadOptions {
  /** how many blocks from the top of the page a masthead may span (default 30) */
  window?: number;
  /** distinct fields needed to call the top of a page a masthead (default 4) */
  minFields?: number;
}

const IDENTIFYING: Array<keyof Masthead> = ['paper', 'cn', 'issueNumber', 'postalCode'];

/**
 * Finds the front-page masthead (报头): paper name, dates, 总第N号, CN number,
 * 邮发代号, website, email, address. Values are kept as printed, OCR errors and
 * all; the lunar date and weekday are checked against the Gregorian date.
 */
export const detectMasthead: Stage<MastheadOptions> = (options = {}) => (tree: PageRoot, file: PageFile): PageRoot => {
  const window = options.window ?? 30;
  const minFields = options.minFields ?? 4;
  const blocks = blocksOf(tree).slice(0, window);
  const found: Array<{ block: BlockNode; hits: FieldHit[] }> = [];
  let paper = false;
  for (const block of blocks) {
    const { text } = blockText(block);
    if (isBodyText(text, block)) break;
    const hits = parseMastheadFields(text);
    // the paper's name set as the page's biggest type; once named, a short headline after it is a headline
    if (!paper && block.data.heading === 1 && hits.length === 0 && /^[\u4e00-\u9fff]{2,12}$/.test(text.trim())) {
      hits.push({ field: 'paper', value: text.trim(), start: 0, end: text.length });
    }
    paper ||= hits.some((h) => h.field === 'paper');
    found.push({ block, hits });
  }
  const fields = emptyMasthead();
  let last = -1;
  found.forEach(({ hits }, i) => {
    for (const h of hits) {
      if (fields[h.field] === null) (fields as unknown as Record<string, unknown>)[h.field] = h.value;
    }
    if (hits.length) last = i;
  });
  const distinct = Object.values(fields).filter((v) => v !== null).length;
  if (distinct < minFields || !IDENTIFYING.some((k) => fields[k] !== null)) return tree;

  const region = found.slice(0, last + 1);
  const roleOf = new Map<string, BlockNode>();
  const spans: string[] = [];
  for (const { block, hits } of region) {
    const { offsets } = blockText(block);
    if (offsets.length === 0) continue;
    const role = hits.length ? 'masthead' : 'other';
    const rebuilt = withSpans(block, [{ role, start: offsets[0], end: offsets[offsets.length - 1] + 1 }], file.source);
    roleOf.set(block.id, rebuilt);
    for (const c of rebuilt.children) if (c.type === 'span' && c.role === 'masthead') spans.push(c.id);
  }
  const place = region[0]?.block.position;
  for (const d of checkMastheadDates(fields)) {
    file.message(d.code, 'warning', { place, params: { printed: d.printed, computed: d.computed, date: fields.date ?? '' } });
  }
  return {
    ...tree,
    children: tree.children.map((c) => (c.type === 'block' && roleOf.get(c.id)) || c),
    data: { ...tree.data, masthead: { spans, fields } },
  };
};

function isBodyText(text: string, block: BlockNode): boolean {
  if (DATELINE_START.test(text)) return true;
  if (PAPER_NAME.test(text.trim())) return false;
  return block.data.lines > 2 || (text.length > 60 && /[，。]/.test(text));
}
