// The search index's runs written on a thread of their own while the calling
// thread stores pages: gathering and encoding a run's postings took about half
// of an ingest's writing thread. The thread has its own connection to the file;
// both write in immediate transactions, and each waits for the other's lock.
import type { Worker } from 'node:worker_threads';
import { startWorker, stopWorker } from '../../worker-thread.js';

/** What the index thread is asked: to write the runs that are due, or everything stored. */
export type IndexAsk = 'due' | 'all';

/** What the index thread answers to each request: done, or why not (its runs are then left for the next request). */
export type IndexReply = { done: true } | { error: string };

export class IndexThread {
  private worker: Worker | null = null;
  private busy = false;
  /** asked again while busy: what to do once more when done */
  private again: IndexAsk | null = null;
  /** the thread failed: the caller writes the runs itself */
  private broken = false;
  private idleWaiters: Array<() => void> = [];
  /** the last failure the thread reported, for the tests */
  lastError: string | null = null;
  /** requests the thread has answered, for the tests */
  answered = 0;

  constructor(
    private readonly path: string,
    private readonly part: number,
  ) {}

  /** Whether the thread runs (it starts at the first request). */
  get started(): boolean {
    return this.worker !== null;
  }

  /** Asks the thread to write the runs that are due, or all; false when it cannot (the caller writes them). */
  request(ask: IndexAsk = 'due'): boolean {
    if (this.broken) return false;
    if (this.busy) {
      if (this.again !== 'all') this.again = ask;
      return true;
    }
    this.worker ??= this.start();
    this.busy = true;
    // busy: the process waits for the run in hand before it exits
    this.worker.ref();
    this.worker.postMessage(ask);
    return true;
  }

  private start(): Worker {
    const worker = startWorker('index-worker', import.meta.url, { workerData: { path: this.path, part: this.part } });
    worker.on('message', (reply: IndexReply) => {
      this.answered++;
      this.lastError = 'error' in reply ? reply.error : null;
      if (this.again) {
        worker.postMessage(this.again);
        this.again = null;
        return;
      }
      this.settle();
    });
    const fail = () => {
      this.broken = true;
      this.worker = null;
      this.settle();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return worker;
  }

  private settle(): void {
    this.busy = false;
    this.worker?.unref();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves when the thread has written what it was asked to (or failed). */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  async close(): Promise<void> {
    await this.idle();
    this.broken = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await stopWorker(worker);
    }
  }
}
