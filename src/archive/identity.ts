// Where a page belongs: paper → issue (paper + date) → page (版次, 版名).
// Given flags and manifests win; then the masthead; then the file's path.
import { readFileSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import type { PageIdentity } from '../store/store.js';
import type { PageRecord } from '../project/to-records.js';

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
    out.date = isoDate(flat[2]);
    out.page = Number(flat[3]);
    if (flat[4] && !/^\d+$/.test(flat[4])) out.pageName = flat[4];
    return out;
  }
  // …/paper/date/NN[-版名].txt
  const dateIndex = findLastIndex(parts.slice(0, -1), (p) => DATE_IN.test(p));
  if (dateIndex >= 0) {
    const m = DATE_IN.exec(parts[dateIndex])!;
    out.date = `${m[1]}-${m[2]}-${m[3]}`;
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

/** The page's identity from hints (flags, manifest), its masthead and its path, in that order of trust. */
export function resolveIdentity(record: PageRecord, path: string | null, hints: IdentityHints = {}): PageIdentity {
  const fromPath = path ? identityFromPath(path) : {};
  const m = record.masthead;
  return {
    paper: hints.paper ?? m?.paper ?? record.paper ?? fromPath.paper ?? null,
    date: hints.date ?? m?.date ?? fromPath.date ?? null,
    // a page that prints the masthead is the front page
    page: hints.page ?? fromPath.page ?? (m ? 1 : null),
    pageName: hints.pageName ?? fromPath.pageName ?? null,
  };
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
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ManifestError(`${path}: row ${i + 1}: date "${date}" is not YYYY-MM-DD`);
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
