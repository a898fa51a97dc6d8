import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { expandPaths, ingestPaths, pageFiles } from '../../archive/ingest.js';
import { resolve } from 'node:path';
import { enqueuePages, openQueue, pageJob, type PageJob } from '../../queue/ingest-queue.js';
import { DecodeError } from '../../parse/decode.js';
import { redact } from '../../store/postgres/pg-store.js';
import { readManifest, type IdentityHints } from '../../archive/identity.js';
import { Progress } from '../progress.js';
import { UsageError, counted, type Io } from '../io.js';
import { isCalendarDate } from '../../text/calendar-date.js';

export const INGEST_HELP = `banmian ingest <files, folders or globs…> [--db URL] [--paper NAME] [--date YYYY-MM-DD] [--page N] [--page-name NAME] [--manifest FILE] [--ocr]

Parses pages and stores them in the archive (default sqlite:./banmian.db), each
page in one transaction. The same content twice is stored once; a changed page
replaces its earlier version. Identity (paper, date, 版) comes from the flags, a
manifest (CSV or JSON: file,paper,date,page,pageName), the masthead, or the path
(浙江工人日报/2022-12-16/01.txt, zjgr_20221216_01.txt). Exported JSONL files are
imported as they are. With --ocr, scans (PNG, JPEG or TIFF images, and PDFs
without a text layer) are read by tesseract (chi_sim). Failures are named with
their reason; the exit code is 1.

With --queue postgres://… the pages are not parsed here but put on that
archive's job queue for \`banmian worker\`s: as paths (workers must see the same
files) or, with --upload, with their content. --job-timeout S (default 300) is
how long a job may run before another worker takes it over; --tries N (default
3) how often a failing page is tried before \`banmian jobs\` lists it as failed.`;

export async function ingestCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      paper: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      'page-name': { type: 'string' },
      manifest: { type: 'string' },
      queue: { type: 'string' },
      upload: { type: 'boolean' },
      'job-timeout': { type: 'string', default: '300' },
      tries: { type: 'string', default: '3' },
      quiet: { type: 'boolean', short: 'q' },
      ocr: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(INGEST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give the page files, folders or globs to ingest');
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date must be a day of the calendar as YYYY-MM-DD, not "${values.date}"`);
  if (values.page && !/^\d{1,3}$/.test(values.page)) throw new UsageError(`--page must be a page number, not "${values.page}"`);
  const hints: IdentityHints = {
    ...(values.paper ? { paper: values.paper } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(values.page ? { page: Number(values.page) } : {}),
    ...(values['page-name'] ? { pageName: values['page-name'] } : {}),
  };
  const manifest = values.manifest ? readManifest(values.manifest) : undefined;
  if (values.queue) return enqueue(values.queue, positionals, hints, manifest, values, io);
  const store = await openStore(values.db);
  try {
    const progress = new Progress(process.stderr, 'ingest');
    const summary = await ingestPaths(store, positionals, {
      hints,
      manifest,
      ocr: values.ocr,
      onEvent: (e, done, total) => {
        if (e.status === 'failed') io.err(`banmian: ${e.path}: ${e.problem}`);
        for (const text of e.told ?? []) io.err(`banmian: ${e.path}: warning: ${text}`);
        if (!values.quiet) progress.update(done, total);
      },
      onFinishing: () => {
        if (!values.quiet) io.err('ingest: every page is stored; writing the last of the search index…');
      },
    });
    io.out(
      `${counted(summary.pages, 'page')} (${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged), ` +
        `${counted(summary.articles, 'article')} stored, ${counted(summary.warnings, 'warning')}, ${summary.failures.length} failed — ${store.url}`,
    );
    for (const f of summary.failures) io.out(`  failed: ${f.path}: ${f.problem}`);
    return summary.failures.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** `ingest --queue`: page jobs for the workers instead of parsing here. */
async function enqueue(
  url: string,
  args: string[],
  hints: IdentityHints,
  manifest: Map<string, IdentityHints> | undefined,
  values: { upload?: boolean; 'job-timeout': string; tries: string; ocr?: boolean },
  io: Io,
): Promise<number> {
  if (!/^\d{1,6}$/.test(values['job-timeout']) || Number(values['job-timeout']) < 1) throw new UsageError(`--job-timeout must be a number of seconds, not "${values['job-timeout']}"`);
  if (!/^\d{1,2}$/.test(values.tries) || Number(values.tries) < 1) throw new UsageError(`--tries must be a number from 1 to 99, not "${values.tries}"`);
  const jobs: PageJob[] = [];
  const failures: string[] = [];
  for (const { path, problem } of expandPaths(args, ...pageFiles(values.ocr))) {
    if (problem) {
      failures.push(`${path}: ${problem}`);
      continue;
    }
    try {
      jobs.push({ ...pageJob(path, { ...(manifest?.get(resolve(path)) ?? {}), ...hints }, Boolean(values.upload)), ...(values.ocr ? { ocr: true } : {}) });
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      failures.push(`${path}: ${e.problem}`);
    }
  }
  for (const f of failures) io.err(`banmian: ${f}`);
  const boss = await openQueue(url, { supervise: false, schedule: false });
  try {
    const n = await enqueuePages(boss, jobs, { jobTimeout: Number(values['job-timeout']), tries: Number(values.tries) });
    io.out(`${counted(n, 'page job')} queued${values.upload ? ' with their content' : ''}, ${counted(failures.length, 'file')} failed; run \`banmian worker --db ${redact(url)}\` to store them, \`banmian jobs\` to follow them`);
    return failures.length ? 1 : 0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
