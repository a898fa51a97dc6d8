// Where a page belongs: paper → issue (paper + date) → page (版次, 版名).
// Given flags and manifests win; then the masthead; then the file's path; then the running head the page prints.
import { readFileSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import type { PageIdentity } from '../store/store.js';
import type { PageRecord } from '../project/to-records.js';
import { pageNumberOf } from '../store/keys.js';
import { DATE_ALONE, EDITORS_LINE, isRunningHead, PAGE_LABEL, PAGE_NUMBER, WEEKDAY_ALONE } from '../text/press-patterns.js';
import { NAME_ENDING_IN_BAO, parseMastheadFields } from '../text/parse-masthead-fields.js';
import { renderMessage } from '../file/messages.js';
import { isCalendarDate } from '../text/calendar-date.js';
import type { PageMessage } from '../file/page-file.js';

export type IdentityHints = Partial<PageIdentity>;

const DATE_IN = /(?:^|[^\d])((?:19|20)\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])日?(?=[^\d]|$)/;

/**
 * What a file's path says. Accepted forms (documented in the README):
 * `浙江工人日报/2022-12-16/01.txt`, `浙江工人日报/20221216/01-要闻.txt`,
 * `zjgr_20221216_01.pdf`, `zjgr-2022-12-16-01.txt`.
 */
export function identityFromPath(path: string): IdentityHints {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const file = parts[parts.length - 1] ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  const out: IdentityHints = {};
  // paper_YYYYMMDD_NN in the file name
  const flat = /^(.+?)[_-]((?:19|20)\d{2}-?\d{2}-?\d{2})[_-](\d{1,3})(?:[_-](.+))?$/.exec(stem);
  if (flat) {
    out.paper = flat[1];
    const date = isoDate(flat[2]);
    // (figures no calendar has are no date: 20221399 may be a number of another kind)
    if (isCalendarDate(date)) out.date = date;
    out.page = Number(flat[3]);
    if (flat[4] && !/^\d+$/.test(flat[4])) out.pageName = flat[4];
    return out;
  }
  // …/paper/date/NN[-版名].txt
  const dateIndex = findLastIndex(parts.slice(0, -1), (p) => DATE_IN.test(p));
  if (dateIndex >= 0) {
    const m = DATE_IN.exec(parts[dateIndex])!;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (isCalendarDate(date)) out.date = date;
    if (dateIndex > 0) out.paper = parts[dateIndex - 1];
    const page = /^(?:第)?(\d{1,3})(?:版)?(?:[_\s-]+(.+))?$/.exec(stem);
    if (page) {
      out.page = Number(page[1]);
      if (page[2]) out.pageName = page[2];
    }
  }
  return out;
}

function isoDate(s: string): string {
  const d = s.replace(/-/g, '');
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}

/** The page's identity from hints (flags, manifest), its masthead, its path and its running head, in that order of trust. */
export function resolveIdentity(record: PageRecord, path: string | null, hints: IdentityHints = {}, head = identityFromRunningHead(record.other)): PageIdentity {
  const fromPath = path ? identityFromPath(path) : {};
  const m = record.masthead;
  // a page that prints the masthead is the front page
  const page = hints.page ?? fromPath.page ?? (m ? 1 : head.page) ?? null;
  return {
    paper: hints.paper ?? m?.paper ?? record.paper ?? fromPath.paper ?? head.paper ?? null,
    // (a masthead keeps its date as printed, one no calendar has too: the page is not filed under that)
    date: hints.date ?? (m?.date && isCalendarDate(m.date) ? m.date : undefined) ?? fromPath.date ?? head.date ?? null,
    page,
    // (the running head's 版名 is its 版's: not another's that a path or flag numbered otherwise)
    pageName: hints.pageName ?? fromPath.pageName ?? (page === head.page ? head.pageName : undefined) ?? null,
  };
}

/** How many of the page's own lines a running head's parts are looked for among. */
const HEAD_PARTS = 16;
/** A page's number alone: `第四版`, or the figures of `07` / `经济`. */
const numberAlone = (t: string) => PAGE_NUMBER.test(t) || /^\d{1,2}$/.test(t);

/**
 * A running head whose parts stand as lines of their own (a PDF's layout sets each apart: `07` / `经济` /
 * `2022年5月12日` / `星期四` / `责编 方晴`): its label, a section's name right after a page number, the paper's
 * name, the date, the weekday and the editors, in order, when together they read as a running head.
 */
function headOfParts(other: string[]): string | undefined {
  const lines = other.slice(0, HEAD_PARTS).map((t) => t.trim());
  const item = (t: string) => numberAlone(t) || PAGE_LABEL.test(t) || NAME_ENDING_IN_BAO.test(t) || DATE_ALONE.test(t) || WEEKDAY_ALONE.test(t) || EDITORS_LINE.test(t);
  const parts = lines.filter((t, k) => item(t) || (k > 0 && numberAlone(lines[k - 1]) && /^[\u4e00-\u9fff]{2,6}$/.test(t)));
  const joined = parts.join(' ');
  return isRunningHead(joined) ? joined : undefined;
}

/** A page's label in its running head: `第四版 社会`, `第3版 经济`, `07 经济` (the number, then the section's name). */
const HEAD_LABEL = /(?:^|\s)(?:第\s*([一二三四五六七八九十两\d]{1,4})\s*版|(\d{1,2}))(?:\s*([\u4e00-\u9fff]{2,6}))?(?=\s|$)/;
/** The paper's name, where a running head prints it between its label and the date. */
const HEAD_PAPER = /(?:^|\s)([\u4e00-\u9fff]{2,8}报)\s+\d{4}\s*年/;

/**
 * What the running head a page prints on every 版 says of it (`第四版 社会 2021年12月21日 星期二 责任编辑 沈一帆`,
 * `第五版 要闻 浙江工人日报 2022年5月12日`): its 版次 and 版名, its date, and the paper's name where it stands there.
 * Read from the lines the stages set aside as the page's own (a record's `other`).
 */
export function identityFromRunningHead(other: string[]): IdentityHints {
  // (a label alone counts in its `第…版` form: a figure and a word, `5万元`, may be anything)
  const head = other.find((t) => isRunningHead(t)) ?? other.find((t) => /^第/.test(t.trim()) && PAGE_LABEL.test(t.trim())) ?? headOfParts(other);
  if (!head) return {};
  const out: IdentityHints = {};
  const label = HEAD_LABEL.exec(head);
  if (label) {
    const page = label[2] !== undefined ? Number(label[2]) : pageNumberOf(`第${label[1]}版`);
    if (page !== null && page > 0) out.page = page;
    if (label[3] && !/报$/.test(label[3])) out.pageName = label[3];
  }
  const date = parseMastheadFields(head).find((h) => h.field === 'date');
  if (date && isCalendarDate(String(date.value))) out.date = String(date.value);
  const paper = HEAD_PAPER.exec(head);
  if (paper && paper[1] !== out.pageName) out.paper = paper[1];
  return out;
}

/**
 * Where the running head the page prints disagrees with what it is filed under (a path, a flag or a PDF's page order
 * numbering it otherwise, another date): a warning for each, so that a misfiled page is found.
 */
export function runningHeadDisagreements(head: IdentityHints, identity: PageIdentity): PageMessage[] {
  const out: PageMessage[] = [];
  const differs = (field: string, printed: string | undefined, filed: string | null) => {
    if (printed === undefined || filed === null || printed === filed) return;
    const partial = { code: 'identity/running-head-differs' as const, severity: 'warning' as const, params: { field, printed, filed } };
    out.push({ ...partial, text: renderMessage(partial, 'en') });
  };
  differs('page', head.page == null ? undefined : String(head.page), identity.page === null ? null : String(identity.page));
  differs('date', head.date ?? undefined, identity.date);
  return out;
}

export class ManifestError extends Error {}

/**
 * A manifest names the identity of files in a batch: CSV with a header row
 * `file,paper,date,page,pageName`, or JSON (an array of such objects). Paths are
 * relative to the manifest.
 */
export function readManifest(path: string): Map<string, IdentityHints> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new ManifestError(`${path}: cannot be read`);
  }
  const base = dirname(resolve(path));
  let rows: Array<Record<string, string | number | null>>;
  if (/\.json$/i.test(path)) {
    try {
      rows = JSON.parse(text);
    } catch (e) {
      throw new ManifestError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(rows)) throw new ManifestError(`${path}: expected an array of {file, paper, date, page, pageName}`);
  } else {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
    if (!header.includes('file')) throw new ManifestError(`${path}: the first row must name the columns, with "file" among them`);
    rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v.trim()])));
  }
  const out = new Map<string, IdentityHints>();
  rows.forEach((r, i) => {
    if (!r.file) throw new ManifestError(`${path}: row ${i + 1} has no file`);
    const date = r.date ? String(r.date) : undefined;
    if (date && !isCalendarDate(date)) throw new ManifestError(`${path}: row ${i + 1}: date "${date}" is not a day of the calendar as YYYY-MM-DD`);
    const page = r.page === undefined || r.page === null || r.page === '' ? undefined : Number(r.page);
    if (page !== undefined && !Number.isInteger(page)) throw new ManifestError(`${path}: row ${i + 1}: page "${r.page}" is not a number`);
    out.set(resolve(base, String(r.file)), {
      ...(r.paper ? { paper: String(r.paper) } : {}),
      ...(date ? { date } : {}),
      ...(page !== undefined ? { page } : {}),
      ...(r.pageName ? { pageName: String(r.pageName) } : {}),
    });
  });
  return out;
}

export { basename };
