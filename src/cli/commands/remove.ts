import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { UsageError, counted, type Io } from '../io.js';

export const REMOVE_HELP = `banmian remove <page keys…> [--db URL]

Removes pages from the archive, each with its articles, all in one transaction:
a page ingested by mistake, or filed under the wrong key. A page's key is the
paper, date and 版 it is filed under (浙江工人日报/2022-12-16/01), or
unidentified/<its path> for a page whose paper or date is not known; an
article's id, as search prints it, is its page's key and #n, and search --json
and export give each article's pageKey. An issue left with no page goes
too, and articles printed across a removed page and others are joined again
where their jumps still meet. Keys no page has are named, and the exit code is
then 1.`;

export async function removeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(REMOVE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give the keys of the pages to remove (search --json and export give each article\'s pageKey)');
  const store = await openStore(values.db, { mustExist: true });
  try {
    const r = await store.removePages(positionals);
    io.out(`removed ${counted(r.removed.length, 'page')} (${counted(r.articles, 'article')}) — ${store.url}`);
    for (const key of r.missing) io.err(`  not found: ${key}: no page has this key`);
    return r.missing.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
