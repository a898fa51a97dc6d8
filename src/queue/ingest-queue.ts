// Distributed ingestion: pages are jobs in a pg-boss queue kept in the same
// PostgreSQL as the archive; any number of workers on any number of machines
// take them. Delivery is at least once; the store's writes are idempotent
// (same content → stored once, one writer per page key), so a page retried
// after a worker died is still stored exactly once.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import { StoreError } from '../store/store.js';
import { redact } from '../store/postgres/pg-store.js';
import { pageInputsOfFile } from '../archive/ingest.js';
import { readPage } from '../parse/read-page.js';
import type { IdentityHints } from '../archive/identity.js';

export const QUEUE = 'banmian-ingest';

export interface PageJob {
  /** the path as given, for identity patterns and messages */
  path: string;
  /** where a worker reads it, when the content is not in the job */
  file?: string;
  /** the page's bytes, base64, when uploaded with the job */
  content?: string;
  hints: IdentityHints;
  /** read a scan with tesseract (the worker's machine needs it) */
  ocr?: boolean;
}

export interface QueueOptions {
  /** seconds a job may run before it counts as lost and is given to another worker */
  jobTimeout?: number;
  /** tries before a job is kept as failed */
  tries?: number;
}

/** The queue's schema: beside the archive's (`?schema=x` → `x_jobs`), else `banmian_jobs`. */
function queueConnection(url: string): { connectionString: string; schema: string } {
  const u = new URL(url);
  const archive = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema: archive ? `${archive}_jobs` : 'banmian_jobs' };
}

export async function openQueue(url: string, extra: Partial<PgBoss.ConstructorOptions> = {}): Promise<PgBoss> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreError(`the job queue lives in PostgreSQL: give a postgres:// address, not "${url}"`);
  const boss = new PgBoss({ ...queueConnection(url), max: 4, ...extra });
  boss.on('error', () => {}); // transient connection errors are retried by pg-boss itself
  try {
    await boss.start();
  } catch (e) {
    throw new StoreError(`cannot open the job queue at ${redact(url)}: ${(e as Error).message}`);
  }
  return boss;
}

/** Puts page jobs on the queue, in batches. */
export async function enqueuePages(boss: PgBoss, jobs: PageJob[], options: QueueOptions = {}): Promise<number> {
  if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE);
  for (let i = 0; i < jobs.length; i += 500) {
    await boss.insert(
      jobs.slice(i, i + 500).map((data) => ({
        name: QUEUE,
        data,
        retryLimit: Math.max(0, (options.tries ?? 3) - 1),
        retryDelay: 1,
        expireInSeconds: options.jobTimeout ?? 300,
      })),
    );
  }
  return jobs.length;
}

/** A job for each page file; the content goes in the job when `upload`, else the absolute path. */
export function pageJob(path: string, hints: IdentityHints, upload: boolean): PageJob {
  return upload ? { path, content: Buffer.from(readPage(path)).toString('base64'), hints } : { path, file: resolve(path), hints };
}

/** Does one page job: read, parse, store. Throws to have the job retried (and, after its last try, kept as failed). */
export async function runPageJob(store: Store, job: PageJob): Promise<{ status: string; pageKey: string; articles: number }[]> {
  const bytes = job.content !== undefined ? Buffer.from(job.content, 'base64') : readFileSync(job.file ?? job.path);
  const results = [];
  for (const page of await pageInputsOfFile(job.path, bytes, job.hints, { ocr: job.ocr })) results.push(await store.putPage(page));
  return results;
}

export interface QueueCounts {
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
}

/** How many jobs are in each state, and the failed ones with their errors. */
export async function queueReport(boss: PgBoss, url: string, limit = 50): Promise<{ counts: QueueCounts; failed: Array<{ id: string; path: string; error: string; tries: number }> }> {
  const { schema } = queueConnection(url);
  const db = (boss as unknown as { getDb(): PgBoss.Db }).getDb();
  const counts: QueueCounts = { created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
  const failed: Array<{ id: string; path: string; error: string; tries: number }> = [];
  const exists = (await db.executeSql(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${schema}.job`])).rows[0].ok;
  if (!exists) return { counts, failed };
  for (const table of ['job', 'archive']) {
    const { rows } = await db.executeSql(`SELECT state, COUNT(*)::int AS n FROM ${schema}.${table} WHERE name = $1 GROUP BY state`, [QUEUE]);
    for (const r of rows as Array<{ state: keyof QueueCounts; n: number }>) counts[r.state] += r.n;
  }
  const { rows } = await db.executeSql(
    `SELECT id, data, output, retry_count FROM ${schema}.job WHERE name = $1 AND state = 'failed'
     UNION ALL SELECT id, data, output, retry_count FROM ${schema}.archive WHERE name = $1 AND state = 'failed'
     ORDER BY 1 LIMIT $2`,
    [QUEUE, limit],
  );
  for (const r of rows as Array<{ id: string; data: PageJob; output: { message?: string } | null; retry_count: number }>) {
    failed.push({ id: r.id, path: r.data.path, error: r.output?.message ?? 'failed', tries: r.retry_count + 1 });
  }
  return { counts, failed };
}
