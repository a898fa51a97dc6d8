import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { openQueue } from '../../queue/ingest-queue.js';
import { runWorker } from '../../queue/run-worker.js';
import { UsageError, counted, type Io } from '../io.js';

export const WORKER_HELP = `banmian worker --db postgres://… [--concurrency N] [--exit-when-idle] [--quiet]

Takes page jobs put on the queue by \`banmian ingest --queue\` and stores them in
the PostgreSQL archive at --db (the queue lives in the same database). Start as
many as you like, on as many machines as you like. A job whose worker dies is
given to another after its timeout; a page stored twice is stored once.
Prints a line per page (unless --quiet); Ctrl-C finishes the running jobs and
stops. --exit-when-idle stops when no job is waiting, retrying or running.`;

export async function workerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'exit-when-idle': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(WORKER_HELP);
    return 0;
  }
  if (!values.db || !/^postgres(ql)?:\/\//.test(values.db)) throw new UsageError('give the PostgreSQL archive with --db postgres://…');
  if (!/^\d{1,3}$/.test(values.concurrency) || Number(values.concurrency) < 1) throw new UsageError(`--concurrency must be a number from 1 to 999, not "${values.concurrency}"`);
  const store = await openStore(values.db);
  // expired jobs (their worker died) are looked for every few seconds, by one worker at a time
  const boss = await openQueue(values.db, { maintenanceIntervalSeconds: 5 }).catch(async (e) => {
    await store.close();
    throw e;
  });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  io.out(`banmian worker: taking page jobs for ${store.url} (${values.concurrency} at a time)${values['exit-when-idle'] ? ', until none is left' : '; Ctrl-C stops'}`);
  try {
    const { done, failed } = await runWorker(boss, store, {
      concurrency: Number(values.concurrency),
      exitWhenIdle: values['exit-when-idle'],
      signal: stop.signal,
      onEvent: (e) => {
        if (!e.ok) io.err(`banmian worker: ${e.path}: ${e.detail} (it will be tried again, or listed by banmian jobs)`);
        else if (!values.quiet) io.out(`${e.path}: ${e.detail}`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    io.out(`banmian worker: ${counted(done, 'page')} stored, ${counted(failed, 'try', 'tries')} failed, in ${seconds.toFixed(0)} s (${(done / Math.max(seconds, 0.001)).toFixed(1)} pages/s)`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await store.close();
  }
}
