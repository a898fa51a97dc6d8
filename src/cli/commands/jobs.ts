import { parseArgs } from 'node:util';
import { openQueue, queueReport } from '../../queue/ingest-queue.js';
import { UsageError, type Io } from '../io.js';

export const JOBS_HELP = `banmian jobs --db postgres://… [--json]

The ingestion queue: how many page jobs are waiting, running, retrying, done and
failed, and every failed page with its error (kept after its last try).`;

export async function jobsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(JOBS_HELP);
    return 0;
  }
  if (!values.db || !/^postgres(ql)?:\/\//.test(values.db)) throw new UsageError('give the PostgreSQL archive with --db postgres://…');
  const boss = await openQueue(values.db, { supervise: false, schedule: false });
  try {
    const report = await queueReport(boss, values.db, 1000);
    if (values.json) {
      io.out(JSON.stringify(report, null, 1));
      return 0;
    }
    const c = report.counts;
    io.out(`page jobs: ${c.created} waiting, ${c.active} running, ${c.retry} to retry, ${c.completed} done, ${c.failed} failed`);
    for (const f of report.failed) io.out(`  failed after ${f.tries} tries: ${f.path}: ${f.error}`);
    return 0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
