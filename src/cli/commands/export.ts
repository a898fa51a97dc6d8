import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { CSV_COLUMNS, toCsvRow, toJsonl, toJsonLd } from '../../archive/export-records.js';
import { UsageError, counted, type Io } from '../io.js';
import { openAtomicFile } from '../write-atomic.js';
import { FILTER_OPTIONS, filterFrom, unknownPaper } from '../filter-options.js';

export const EXPORT_HELP = `banmian export [--db URL] [--format jsonl|csv|jsonld] [--paper NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--page N] [--reporter NAME] [--out FILE]

Writes the archive's articles, in paper, date, 版 and reading order: JSONL (one
article per line, the gold shape plus ids, paper, date, page and source
positions; ingest takes it back), CSV, or JSON-LD (schema.org NewsArticle).`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...FILTER_OPTIONS,
      format: { type: 'string', default: 'jsonl' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(EXPORT_HELP);
    return 0;
  }
  const format = values.format!;
  if (!['jsonl', 'csv', 'jsonld'].includes(format)) throw new UsageError(`--format must be jsonl, csv or jsonld, not "${format}"`);
  const filter = filterFrom(values);
  const file = values.out ? await openAtomicFile(values.out, (m) => new UsageError(`--out ${m}`)) : null;
  let store;
  try {
    store = await openStore(values.db, { mustExist: true });
  } catch (e) {
    await file?.abort();
    throw e;
  }
  const write = async (s: string) => {
    if (file) return file.write(`${s}\n`);
    io.out(s);
    await io.drained?.();
  };
  try {
    if (format === 'csv') await write(CSV_COLUMNS.join(','));
    if (format === 'jsonld') await write('[');
    let n = 0;
    for await (const a of store.articles(filter)) {
      if (format === 'jsonl') await write(toJsonl(a));
      else if (format === 'csv') await write(toCsvRow(a));
      else await write(`${n ? ',' : ''}${JSON.stringify(toJsonLd(a))}`);
      n++;
    }
    if (format === 'jsonld') await write(']');
    const paper = n === 0 ? await unknownPaper(store, filter) : null;
    if (paper) io.err(`banmian export: ${paper}`);
    if (file) {
      await file.commit();
      io.err(`exported ${counted(n, 'article')} to ${values.out}`);
    }
    return 0;
  } catch (e) {
    await file?.abort();
    throw e;
  } finally {
    await store.close();
  }
}
