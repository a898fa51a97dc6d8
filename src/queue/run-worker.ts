// A worker: takes page jobs from the queue and stores them, N at a time,
// until stopped — or, with exitWhenIdle, until no job is waiting, being
// retried or running anywhere (a job held by a worker that died counts as
// running until it times out and comes back for another try).
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import { QUEUE, runPageJob, type PageJob } from './ingest-queue.js';

/** jobs a worker loop takes at once: enough that polling does not throttle it */
const BATCH = 16;

export interface WorkerEvent {
  path: string;
  ok: boolean;
  /** what was stored, or why it failed this try */
  detail: string;
}

export interface WorkerOptions {
  concurrency?: number;
  exitWhenIdle?: boolean;
  onEvent?: (e: WorkerEvent) => void;
  signal?: AbortSignal;
}

export async function runWorker(boss: PgBoss, store: Store, options: WorkerOptions = {}): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  // Each loop fetches a batch, does its pages one by one and polls again; a
  // page that fails is failed alone (retried, or kept as failed after its
  // last try), the others of its batch complete.
  const handler = async (jobs: PgBoss.Job<PageJob>[]) => {
    for (const job of jobs) {
      try {
        const results = await runPageJob(store, job.data);
        done++;
        options.onEvent?.({ path: job.data.path, ok: true, detail: results.map((r) => `${r.status} ${r.pageKey} (${r.articles} articles)`).join('; ') });
      } catch (e) {
        failed++;
        options.onEvent?.({ path: job.data.path, ok: false, detail: (e as Error).message });
        await boss.fail(QUEUE, job.id, { message: (e as Error).message });
      }
    }
  };
  for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
    await boss.work<PageJob>(QUEUE, { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, handler);
  }
  await new Promise<void>((resolve) => {
    let idleChecks = 0;
    const stop = () => {
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(async () => {
      if (!options.exitWhenIdle) return;
      const pending = await boss.getQueueSize(QUEUE, { before: 'completed' }).catch(() => 1);
      idleChecks = pending === 0 ? idleChecks + 1 : 0;
      if (idleChecks >= 2) stop();
    }, 1000);
    options.signal?.addEventListener('abort', stop);
  });
  await boss.offWork(QUEUE);
  return { done, failed };
}
