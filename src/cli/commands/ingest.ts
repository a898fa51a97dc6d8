import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { ingestPaths } from '../../archive/ingest.js';
import { readManifest, type IdentityHints } from '../../archive/identity.js';
import { Progress } from '../progress.js';
import { UsageError, type Io } from '../io.js';

export const INGEST_HELP = `banmian ingest <files, folders or globs…> [--db URL] [--paper NAME] [--date YYYY-MM-DD] [--page N] [--page-name NAME] [--manifest FILE]

Parses pages and stores them in the archive (default sqlite:./banmian.db), each
page in one transaction. The same content twice is stored once; a changed page
replaces its earlier version. Identity (paper, date, 版) comes from the flags, a
manifest (CSV or JSON: file,paper,date,page,pageName), the masthead, or the path
(浙江工人日报/2022-12-16/01.txt, zjgr_20221216_01.txt). Exported JSONL files are
imported as they are. Failures are named with their reason; the exit code is 1.`;

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
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(INGEST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give the page files, folders or globs to ingest');
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${values.date}"`);
  if (values.page && !/^\d{1,3}$/.test(values.page)) throw new UsageError(`--page must be a page number, not "${values.page}"`);
  const hints: IdentityHints = {
    ...(values.paper ? { paper: values.paper } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(values.page ? { page: Number(values.page) } : {}),
    ...(values['page-name'] ? { pageName: values['page-name'] } : {}),
  };
  const manifest = values.manifest ? readManifest(values.manifest) : undefined;
  const store = await openStore(values.db);
  try {
    const progress = new Progress(process.stderr, 'ingest');
    const summary = await ingestPaths(store, positionals, {
      hints,
      manifest,
      onEvent: (e, done, total) => {
        if (e.status === 'failed') io.err(`banmian: ${e.path}: ${e.problem}`);
        if (!values.quiet) progress.update(done, total);
      },
    });
    io.out(
      `${summary.pages} page${summary.pages === 1 ? '' : 's'} (${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged), ` +
        `${summary.articles} articles stored, ${summary.warnings} warnings, ${summary.failures.length} failed — ${store.url}`,
    );
    for (const f of summary.failures) io.out(`  failed: ${f.path}: ${f.problem}`);
    return summary.failures.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
