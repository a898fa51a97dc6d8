import { parseArgs } from 'node:util';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { openStore } from '../../store/store.js';
import { CSV_COLUMNS, toCsvRow, toJsonl, toJsonLd } from '../../archive/export-records.js';
import { UsageError, type Io } from '../io.js';
import { FILTER_OPTIONS, filterFrom } from '../filter-options.js';

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
  const store = await openStore(values.db, { mustExist: true });
  const tmp = values.out ? `${values.out}.${process.pid}.tmp` : null;
  const file = tmp ? createWriteStream(tmp) : null;
  const write = (s: string) => (file ? file.write(`${s}\n`) : io.out(s));
  try {
    if (format === 'csv') write(CSV_COLUMNS.join(','));
    if (format === 'jsonld') write('[');
    let n = 0;
    for await (const a of store.articles(filter)) {
      if (format === 'jsonl') write(toJsonl(a));
      else if (format === 'csv') write(toCsvRow(a));
      else write(`${n ? ',' : ''}${JSON.stringify(toJsonLd(a))}`);
      n++;
    }
    if (format === 'jsonld') write(']');
    if (file && tmp) {
      await new Promise<void>((res, rej) => file.end((e?: Error | null) => (e ? rej(e) : res())));
      await rename(tmp, values.out!);
      io.err(`exported ${n} articles to ${values.out}`);
    }
    return 0;
  } catch (e) {
    if (tmp) await rm(tmp, { force: true });
    throw e;
  } finally {
    await store.close();
  }
}
