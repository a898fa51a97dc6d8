import type { BlockNode, Masthead, PageRoot } from '../../tree/types.js';
import type { Stage } from '../../pipeline/stage.js';
import type { PageFile } from '../../file/page-file.js';
import { blockText, withSpans } from '../../tree/spans.js';
import { blocksOf } from '../../tree/visit.js';
import { emptyMasthead, IDENTIFYING_FIELDS, NAME_ENDING_IN_BAO, parseMastheadFields, PAPER_NAME, REGISTRATION_FIELDS, type FieldHit } from '../../text/parse-masthead-fields.js';
import { checkMastheadDates } from './check-masthead-dates.js';
import { DATELINE_START, isCreditLine } from '../../text/press-patterns.js';

export interface MastheadOptions {
  /** how many blocks from the top of the page a masthead may span (default 30) */
  window?: number;
  /** distinct fields needed to call the top of a page a masthead (default 4) */
  minFields?: number;
}

/**
 * Finds the front-page masthead (报头): paper name, dates, 总第N号, CN number,
 * 邮发代号, website, email, address. Values are kept as printed, OCR errors and
 * all; the lunar date and weekday are checked against the Gregorian date.
 */
export const detectMasthead: Stage<MastheadOptions> = (options = {}) => (tree: PageRoot, file: PageFile): PageRoot => {
  const window = options.window ?? 30;
  const minFields = options.minFields ?? 4;
  const blocks = blocksOf(tree);
  // each block's text and whether it is body text, read once for the runs at the top and down the page
  const texts = blocks.map((b) => blockText(b).text);
  const page: Page = { blocks, texts, body: blocks.map((b, i) => isBodyText(texts[i], b)) };
  // at the top of the page, and anywhere down it: text in content-stream order, or columns put back together,
  // puts the masthead (or pieces of it) where its blocks were written
  const runs = [mastheadRun(page, 0, window, true), ...laterRuns(page, window)].filter((run) => qualifies(run, minFields));
  if (!runs.length) return tree;
  const fields = fieldsOf(runs.flatMap((r) => r.found));
  const region = runs.flatMap(({ found, top }) => {
    const withHits = found.flatMap((f, i) => (f.hits.length > 0 ? [i] : []));
    // at the top, what stands above the masthead's last field is the masthead's; down the page, from its first
    // field and the one-line labels right above it (the masthead's slogans, a QR code's line)
    let from = top ? 0 : withHits[0];
    while (from > 0 && isLabel(found[from - 1])) from--;
    return found.slice(from, withHits[withHits.length - 1] + 1);
  });
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

/** How many lines may stand between a paper's name and its registration numbers. */
const NAME_REACH = 2;

interface Page {
  blocks: BlockNode[];
  texts: string[];
  body: boolean[];
}

interface Run {
  found: Array<{ block: BlockNode; text: string; hits: FieldHit[] }>;
  /** the run opens the page */
  top: boolean;
}

/** The blocks from `start` up to the first body text (at most `window`), with the masthead fields each carries. */
function mastheadRun({ blocks, texts, body }: Page, start: number, window: number, top: boolean): Run {
  const found: Run['found'] = [];
  let paper = false;
  for (let i = start; i < Math.min(blocks.length, start + window) && !body[i]; i++) {
    const block = blocks[i];
    const text = texts[i];
    const hits = parseMastheadFields(text);
    // the paper's name set as the page's biggest type; once named, a short headline after it is a headline
    if (top && !paper && block.data.heading === 1 && hits.length === 0 && /^[\u4e00-\u9fff]{2,12}$/.test(text.trim())) {
      hits.push({ field: 'paper', value: text.trim(), start: 0, end: text.length });
    }
    paper ||= hits.some((h) => h.field === 'paper');
    found.push({ block, text, hits });
  }
  if (!paper) nameOverRegistration(found);
  return { found, top };
}

/**
 * A name ending in 报 on a line of its own, over the line of the paper's
 * registration numbers (a headline or two may be written between them, as
 * pdftotext's default mode does): the paper's name.
 */
function nameOverRegistration(found: Run['found']): void {
  const registration = found.findIndex((f) => f.hits.some((h) => REGISTRATION_FIELDS.includes(h.field)));
  for (let k = Math.max(0, registration - 1 - NAME_REACH); k < registration; k++) {
    const name = found[k].text.trim();
    if (found[k].hits.length === 0 && NAME_ENDING_IN_BAO.test(name)) {
      const start = found[k].text.indexOf(name);
      found[k].hits.push({ field: 'paper', value: name, start, end: start + name.length });
      return;
    }
  }
}

/** The runs that start after a block of body text, further down the page. */
function laterRuns(page: Page, window: number): Run[] {
  const runs: Run[] = [];
  for (let i = 1; i < page.blocks.length; i++) if (page.body[i - 1] && !page.body[i]) runs.push(mastheadRun(page, i, window, false));
  return runs;
}

/** Each field's first value in the run. */
function fieldsOf(found: Run['found']): Masthead {
  const fields = emptyMasthead();
  for (const { hits } of found) {
    for (const h of hits) {
      if (fields[h.field] === null) (fields as unknown as Record<string, unknown>)[h.field] = h.value;
    }
  }
  return fields;
}

/** Enough distinct fields, one of them naming the paper or its issue. */
function qualifies(run: Run, minFields: number): boolean {
  const fields = fieldsOf(run.found);
  return Object.values(fields).filter((v) => v !== null).length >= minFields && IDENTIFYING_FIELDS.some((k) => fields[k] !== null);
}

/** A line by itself with no clause or sentence punctuation. */
function isLabel({ block, text }: Run['found'][number]): boolean {
  // (a photo's credit is the photo's, however near the masthead the stream wrote it)
  return block.data.lines === 1 && !/[，。；！？,;!?]/.test(text) && !isCreditLine(text);
}

function isBodyText(text: string, block: BlockNode): boolean {
  if (DATELINE_START.test(text)) return true;
  if (PAPER_NAME.test(text.trim())) return false;
  return block.data.lines > 2 || (text.length > 60 && /[，。]/.test(text));
}
