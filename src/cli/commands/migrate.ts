import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { copyArchive } from '../../archive/copy-archive.js';
import { Progress } from '../progress.js';
import { UsageError, counted, type Io } from '../io.js';

export const MIGRATE_HELP = `banmian migrate --from URL --to URL [--quiet]

Copies an archive from one store to another — sqlite:PATH to postgres://… or
back — page by page, each page whole or not at all, keys and content kept. A
page already in the target with the same content is left as it is, so an
interrupted copy can simply be run again.`;

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(MIGRATE_HELP);
    return 0;
  }
  if (!values.from || !values.to) throw new UsageError('give both --from URL and --to URL');
  if (values.from === values.to) throw new UsageError('--from and --to are the same store');
  const from = await openStore(values.from, { mustExist: true });
  try {
    const to = await openStore(values.to);
    try {
      const total = (await from.stats()).pages;
      const progress = new Progress(process.stderr, 'migrate');
      const r = await copyArchive(from, to, (done) => !values.quiet && progress.update(done, total));
      io.out(`${counted(r.pages, 'page')} copied from ${from.url} to ${to.url} (${r.added} added, ${r.replaced} replaced, ${r.unchanged} already there), ${r.failed.length} failed`);
      for (const f of r.failed) io.out(`  failed: ${f.key}: ${f.problem}`);
      return r.failed.length ? 1 : 0;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
