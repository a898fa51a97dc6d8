// Parsing on worker threads while the main thread writes: an ingest of many
// files keeps the store busy instead of waiting for each page to be parsed.
// A worker that dies hands its files back to be parsed here, so none is lost.
import type { Worker } from 'node:worker_threads';
import { startWorker, stopWorker } from '../worker-thread.js';
import { availableParallelism } from 'node:os';
import type { PageInput } from '../store/store.js';
import { recordOfRows, rowsOf, type PageRows } from '../store/shared.js';
import type { PageRecord } from '../project/to-records.js';
import type { PageNotes } from './ingest.js';
import type { IdentityHints } from './identity.js';
import type { ScanOptions } from '../pdf/parse-pdf.js';

export interface ParseJob {
  id: number;
  path: string;
  bytes: Uint8Array;
  hints: IdentityHints;
  options: ScanOptions;
}

export type ParseReply = { id: number; pages: PackedPage[] } | { id: number; problem: string } | { id: number; error: string };

/** A parsed page as ingest takes it: the page, and what ingest reports of it. */
export interface ParsedPage {
  input: PageInput;
  notes: PageNotes;
}

/** What a job comes back as: its pages, or why the file is no page. */
export type Parsed = { pages: ParsedPage[] } | { problem: string };

/**
 * A page as a worker hands it over: its record as the rows the store writes
 * (strings), not as a tree of objects, which the storing thread had to copy out
 * of the message and walk again for its JSON. In a 100k-article ingest that
 * thread took 11–12 s of CPU so, against 13.
 */
export interface PackedPage {
  input: Omit<PageInput, 'record'> & { rows: PageRows };
  notes: PageNotes;
}

export function packPage({ input, notes }: ParsedPage): PackedPage {
  const { record, ...rest } = input;
  return { input: { ...rest, rows: rowsOf(input) }, notes };
}

/** A handed-over page; its record is rebuilt from its rows only where something asks for it. */
export function unpackPage({ input, notes }: PackedPage): ParsedPage {
  let record: PageRecord | undefined;
  const page = { ...input } as PageInput;
  Object.defineProperty(page, 'record', { enumerable: true, get: () => (record ??= recordOfRows(input.rows)) });
  return { input: page, notes };
}

type Fallback = (job: ParseJob) => Promise<Parsed>;

interface Pending {
  job: ParseJob;
  resolve: (p: Parsed) => void;
  reject: (e: Error) => void;
}

/**
 * Workers for a machine: one per core, at most four (the writer is one thread;
 * beyond that it is the bound), none on a single core. On two cores two parse
 * PDFs faster than one, and text about as fast.
 */
export function poolSize(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

export class ParsePool {
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending> }> = [];
  private next = 0;
  private ids = 0;

  /** `fallback` parses a job in this thread, for the jobs of a worker that died. */
  constructor(
    size: number,
    private readonly fallback: Fallback,
  ) {
    for (let k = 0; k < size; k++) {
      const worker = startWorker('parse-worker', import.meta.url);
      const pending = new Map<number, Pending>();
      const slot = { worker, pending };
      worker.on('message', (r: ParseReply) => {
        const p = pending.get(r.id);
        if (!p) return;
        pending.delete(r.id);
        if ('error' in r) p.reject(new Error(r.error));
        else p.resolve('pages' in r ? { pages: r.pages.map(unpackPage) } : { problem: r.problem });
      });
      const orphan = () => {
        const at = this.workers.indexOf(slot);
        if (at >= 0) this.workers.splice(at, 1);
        for (const p of pending.values()) this.fallback(p.job).then(p.resolve, p.reject);
        pending.clear();
      };
      worker.on('error', orphan);
      worker.on('exit', () => pending.size && orphan());
      this.workers.push(slot);
    }
  }

  parse(path: string, bytes: Uint8Array, hints: IdentityHints, options: ScanOptions): Promise<Parsed> {
    const job: ParseJob = { id: ++this.ids, path, bytes, hints, options };
    if (!this.workers.length) return this.fallback(job);
    const slot = this.workers[this.next++ % this.workers.length];
    return new Promise((resolve, reject) => {
      slot.pending.set(job.id, { job, resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const all = this.workers.splice(0);
    await Promise.all(all.map((w) => stopWorker(w.worker)));
  }
}
