// Ingestion: files → parsed pages → the store, one transaction per page.
// A bad file is reported and skipped; the batch goes on.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageInput, PutStatus, Store } from '../store/store.js';
import type { PageRecord } from '../project/to-records.js';
import { parsePage } from '../pipeline/run-pipeline.js';
import { DecodeError } from '../parse/decode.js';
import { readPage } from '../parse/read-page.js';
import { identityFromRunningHead, resolveIdentity, runningHeadDisagreements, type IdentityHints } from './identity.js';
import { IMAGE_FILE, parsePdf, parseScan, type ScanOptions } from '../pdf/parse-pdf.js';
import { ParsePool, poolSize, type ParseJob, type Parsed, type ParsedPage } from './parse-pool.js';
import { isCalendarDate } from '../text/calendar-date.js';

export interface IngestEvent {
  path: string;
  status: PutStatus | 'failed';
  pageKey?: string;
  articles: number;
  warnings: number;
  /** warnings named on the terminal (see `toldOf`) */
  told?: string[];
  problem?: string;
}

export interface IngestSummary {
  pages: number;
  added: number;
  replaced: number;
  unchanged: number;
  articles: number;
  warnings: number;
  failures: Array<{ path: string; problem: string }>;
}

export interface IngestOptions {
  /** identity given on the command line, for every file */
  hints?: IdentityHints;
  /** identity per absolute path, from a manifest */
  manifest?: Map<string, IdentityHints>;
  onEvent?: (e: IngestEvent, done: number, total: number) => void;
  /** read scans (images, PDFs without a text layer) with tesseract */
  ocr?: boolean;
  /** parse on this many worker threads while the store writes (0: in this thread) */
  workers?: number;
  /** every page is stored, and the store's work behind the writes (the search index) takes longer than a moment */
  onFinishing?: () => void;
}

/** How long the store's work behind the writes may take at the end before `onFinishing` is told. */
const FINISHING_MS = 500;

const PAGE_FILE = /\.(txt|pdf|jsonl)$/i;
/** with --ocr, page images in folders are pages too */
const PAGE_OR_SCAN_FILE = new RegExp(`${PAGE_FILE.source}|${IMAGE_FILE.source}`, 'i');

/** The page files looked for in folders, and how they are named in messages. */
export function pageFiles(ocr = false): [RegExp, string] {
  return ocr ? [PAGE_OR_SCAN_FILE, '.txt, .pdf, .jsonl, .png, .jpg, .tif'] : [PAGE_FILE, '.txt, .pdf, .jsonl'];
}

/** Files named, folders searched for page files, and simple globs (`*`, `**`) expanded. */
export function expandPaths(args: string[], pageFile: RegExp = PAGE_FILE, kinds = '.txt, .pdf, .jsonl'): Array<{ path: string; problem?: string }> {
  const out: Array<{ path: string; problem?: string }> = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const found = glob(arg);
      if (!found.length) out.push({ path: arg, problem: 'matches no file' });
      out.push(...found.map((path) => ({ path })));
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch {
      out.push({ path: arg, problem: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) {
      const files = walk(arg);
      const found = files.filter((p) => pageFile.test(p));
      // (scans are looked for only with --ocr: say so where a folder holds them)
      const scansOnly = !pageFile.test('page.png') && files.some((p) => IMAGE_FILE.test(p));
      if (!found.length) out.push({ path: arg, problem: `folder holds no page files (${kinds})${scansOnly ? ', only scans: run with --ocr to read them' : ''}` });
      out.push(...found.map((path) => ({ path })));
    } else out.push({ path: arg });
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** `*` within a folder name, `**` across folders, `?` one character. */
function glob(pattern: string): string[] {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?]/.test(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.join('/') || '.';
  const source = parts
    .join('/')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*\*/g, '\u0001')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?')
    .replace(/\u0001/g, '.*');
  const re = new RegExp(`^${source}$`);
  let files: string[];
  try {
    files = walk(base);
  } catch {
    return [];
  }
  const prefix = base === '.' ? '' : `${base}/`;
  return files.filter((f) => re.test(f.startsWith(prefix) ? f.slice(prefix.length) : f));
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A parsed page file as the store takes it. */
export function pageInputOf(path: string, bytes: Uint8Array, hints: IdentityHints = {}): PageInput {
  const { record, file } = parsePage(bytes, path, path.split(/[\\/]/).pop());
  const head = identityFromRunningHead(record.other);
  const identity = resolveIdentity(record, path, hints, head);
  record.messages.push(...runningHeadDisagreements(head, identity));
  return {
    identity,
    sourcePath: path,
    contentHash: sha256(bytes),
    sourceText: file.text,
    record,
  };
}

/**
 * The pages of a PDF (or a scan) as the store takes them: one per PDF page,
 * numbered in order (版 1, 2, … unless --page says where the first one is);
 * the laid-out text is kept as the page's source, which the records'
 * positions refer to.
 */
export async function pdfPageInputs(path: string, bytes: Uint8Array, hints: IdentityHints = {}, options: ScanOptions = {}): Promise<PageInput[]> {
  const name = path.split(/[\\/]/).pop();
  const pages = IMAGE_FILE.test(path) ? parseScan(bytes, path, name, options) : await parsePdf(bytes, path, name, options);
  const hash = sha256(bytes);
  return pages.map((p) => {
    const several = pages.length > 1;
    const pageHints = several ? { ...hints, page: (hints.page ?? 1) + p.number - 1 } : hints;
    const head = identityFromRunningHead(p.record.other);
    const identity = resolveIdentity(p.record, path, pageHints, head);
    p.record.messages.push(...runningHeadDisagreements(head, identity));
    return {
      identity,
      sourcePath: several ? `${path}#${p.number}` : path,
      contentHash: several ? `${hash}#${p.number}` : hash,
      sourceText: p.text,
      record: p.record,
    };
  });
}

/** Pages rebuilt from an exported JSONL file (`banmian export`), one per page key. */
export function pageInputsFromJsonl(path: string, text: string): PageInput[] {
  const pages = new Map<string, { first: Record<string, unknown>; articles: PageRecord['articles'] }>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let a: Record<string, unknown>;
    try {
      a = JSON.parse(line);
    } catch {
      throw new DecodeError(path, `line ${i + 1} is not JSON`);
    }
    if (typeof a.pageKey !== 'string' || !Array.isArray(a.paragraphs)) throw new DecodeError(path, `line ${i + 1} is not an exported article (no pageKey or paragraphs)`);
    if (a.date != null && !(typeof a.date === 'string' && isCalendarDate(a.date))) throw new DecodeError(path, `line ${i + 1}: date ${JSON.stringify(a.date)} is not a day of the calendar as YYYY-MM-DD`);
    if (a.page != null && !(Number.isInteger(a.page) && (a.page as number) > 0)) throw new DecodeError(path, `line ${i + 1}: page ${JSON.stringify(a.page)} is not a page number`);
    const entry = pages.get(a.pageKey) ?? { first: a, articles: [] };
    entry.articles.push({
      id: String(a.id),
      kicker: (a.kicker as string) ?? null,
      title: (a.title as string) ?? null,
      subtitle: (a.subtitle as string) ?? null,
      byline: a.byline as PageRecord['articles'][number]['byline'],
      dateline: (a.dateline as string) ?? null,
      paragraphs: a.paragraphs as string[],
      captions: (a.captions as string[]) ?? [],
      continuedFrom: (a.continuedFrom as string) ?? null,
      continuedTo: (a.continuedTo as string) ?? null,
      complete: Boolean(a.complete),
      confidence: Number(a.confidence ?? 1),
      sources: (a.sources as PageRecord['articles'][number]['sources']) ?? [],
    });
    pages.set(a.pageKey, entry);
  });
  return [...pages.entries()].map(([key, { first, articles }]) => {
    const masthead = (first.masthead as PageRecord['masthead']) ?? null;
    const record: PageRecord = { page: key, paper: (first.paper as string) ?? null, masthead: first.page === 1 ? masthead : null, articles, other: [], encoding: 'utf-8', messages: [] };
    return {
      key,
      identity: { paper: (first.paper as string) ?? null, date: (first.date as string) ?? null, page: (first.page as number) ?? null, pageName: (first.pageName as string) ?? null },
      sourcePath: null,
      contentHash: sha256(JSON.stringify(articles)),
      sourceText: null,
      record,
    };
  });
}

/**
 * The pages one file holds, whatever it is: a page of text, a PDF (one page
 * per PDF page), or an exported JSONL archive (one per page key). The one
 * place `ingest` and the queue's workers turn a file into pages.
 */
export async function pageInputsOfFile(path: string, bytes: Uint8Array, hints: IdentityHints = {}, options: ScanOptions = {}): Promise<PageInput[]> {
  if (/\.pdf$/i.test(path) || IMAGE_FILE.test(path)) return pdfPageInputs(path, bytes, hints, options);
  if (/\.jsonl$/i.test(path)) return pageInputsFromJsonl(path, new TextDecoder().decode(bytes));
  return [pageInputOf(path, bytes, hints)];
}

/** Pages parsed and waiting to be stored together; each is still its own all-or-nothing unit. */
const BATCH = 64;
/** From this many files on, `ingestPaths` parses on worker threads. */
const POOL_FILES = 64;
/** Files handed to the parse workers ahead of the one being stored. */
const LOOKAHEAD = 2 * BATCH;

/** What ingest reports of a page beside its status: how many warnings it has, and the texts of those it names. */
export interface PageNotes {
  warnings: number;
  told: string[];
}

/**
 * Warnings an ingest names, file by file, beside counting them: what a page
 * prints of its identity against where it is filed (a misfiled page), and a
 * file cut short. The rest are in the page's record.
 */
function toldOf(code: string): boolean {
  return code.startsWith('identity/') || code === 'decode/cut-short';
}

/** A page as ingest takes it, with its notes. */
export function parsedPage(input: PageInput): ParsedPage {
  const warnings = input.record.messages.filter((m) => m.severity === 'warning');
  return { input, notes: { warnings: warnings.length, told: warnings.filter((m) => toldOf(m.code)).map((m) => m.text) } };
}

/** A file's pages, or why it is no page (a DecodeError); any other error is a fault and is thrown. */
export async function parsedOf<T>(parse: () => Promise<T>): Promise<T | { problem: string }> {
  try {
    return await parse();
  } catch (e) {
    if (e instanceof DecodeError) return { problem: e.problem };
    throw e;
  }
}

/** A page file to ingest: where it is, and how to read it (or why it cannot be). */
export interface PageSource {
  path: string;
  problem?: string;
  read: () => Uint8Array;
}

export async function ingestPaths(store: Store, args: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const inputs = expandPaths(args, ...pageFiles(opts.ocr));
  return ingestSources(
    store,
    inputs.map((i) => ({ ...i, read: () => readPage(i.path) })),
    // a worker costs its start (the parser loads its word lists); a few files parse sooner here
    { ...opts, total: inputs.length, workers: opts.workers ?? (inputs.length >= POOL_FILES ? poolSize() : 0) },
  );
}

/**
 * Parses page files and stores their pages, in the order given: 64 pages per
 * commit, each page all or nothing. A file that is no page is reported and
 * skipped; the rest go on. With `workers`, files are parsed on that many
 * threads, up to LOOKAHEAD ahead of the store; reports keep the order given.
 */
export async function ingestSources(store: Store, sources: Iterable<PageSource>, opts: IngestOptions & { total?: number } = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { pages: 0, added: 0, replaced: 0, unchanged: 0, articles: 0, warnings: 0, failures: [] };
  let done = 0;
  let total = opts.total ?? 0;
  const report = (e: IngestEvent) => {
    done++;
    if (e.status === 'failed') summary.failures.push({ path: e.path, problem: e.problem ?? 'failed' });
    else {
      summary.pages++;
      summary[e.status]++;
      summary.articles += e.articles;
      summary.warnings += e.warnings;
    }
    opts.onEvent?.(e, done, Math.max(total, done));
  };
  let batch: Array<{ path: string; page: ParsedPage }> = [];
  // which file of this run stored each page: two files of one run that are the same page (its text and its PDF,
  // say) leave the later one in the archive, and that is said
  const storedFrom = new Map<string, string>();
  const flush = async () => {
    if (!batch.length) return;
    const results = await store.putPages(batch.map((b) => b.page.input));
    results.forEach((r, i) => {
      const { path, page } = batch[i];
      if (r.status === 'failed') report({ path, status: 'failed', articles: 0, warnings: 0, problem: `could not be stored: ${r.error.message}` });
      else {
        const earlier = storedFrom.get(r.pageKey);
        storedFrom.set(r.pageKey, path);
        const replacedHere = r.status === 'replaced' && earlier !== undefined && earlier !== path;
        const told = replacedHere
          ? [...page.notes.told, `replaces ${earlier}, stored earlier in this run as the same page (${r.pageKey}); the archive keeps one version of a page`]
          : page.notes.told;
        const warnings = page.notes.warnings + (replacedHere ? 1 : 0);
        report({ path, status: r.status, pageKey: r.pageKey, articles: r.articles, warnings, ...(told.length ? { told } : {}) });
      }
    });
    batch = [];
  };
  const inline = (job: ParseJob): Promise<Parsed> => parsedOf(async () => ({ pages: (await pageInputsOfFile(job.path, job.bytes, job.hints, job.options)).map(parsedPage) }));
  const workers = opts.workers ?? 0;
  const pool = workers > 0 ? new ParsePool(workers, inline) : null;
  // files parse ahead (on the pool) of the one whose pages are next in line; results are taken in the order given
  const ahead: Array<{ path: string; parsed: Promise<Parsed> }> = [];
  const takeUntil = async (left: number) => {
    while (ahead.length > left) {
      const { path, parsed } = ahead.shift()!;
      const result = await parsed;
      if ('problem' in result) {
        report({ path, status: 'failed', articles: 0, warnings: 0, problem: result.problem });
        continue;
      }
      total += result.pages.length - 1;
      // named in reports as the file, the PDF page (file#2) or the imported page (file#key)
      for (const page of result.pages) batch.push({ path: page.input.sourcePath ?? `${path}#${page.input.key}`, page });
      if (batch.length >= BATCH) await flush();
    }
  };
  try {
    for (const source of sources) {
      if (!opts.total) total++;
      if (source.problem) {
        ahead.push({ path: source.path, parsed: Promise.resolve({ problem: source.problem }) });
      } else {
        const hints = { ...(opts.manifest?.get(resolve(source.path)) ?? {}), ...(opts.hints ?? {}) };
        const options = { ocr: opts.ocr };
        // (reading the file may fail as a DecodeError too: a missing or unreadable file)
        const parsed = parsedOf(async () => {
          const bytes = source.read();
          return pool ? pool.parse(source.path, bytes, hints, options) : inline({ id: 0, path: source.path, bytes, hints, options });
        });
        // (a fault comes out where its file's turn is awaited, not as an unhandled rejection while it waits)
        parsed.catch(() => {});
        ahead.push({ path: source.path, parsed });
      }
      await takeUntil(pool ? LOOKAHEAD : 0);
    }
    await takeUntil(0);
  } finally {
    await pool?.close();
  }
  await flush();
  // (the pages are stored; the summary comes once the search index has them too)
  const finishing = setTimeout(() => opts.onFinishing?.(), FINISHING_MS);
  try {
    await store.flush();
  } finally {
    clearTimeout(finishing);
  }
  return summary;
}
