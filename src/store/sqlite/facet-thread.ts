// Facets counted on a worker thread while the calling thread ranks the
// matches and reads the hits' rows: at a million articles a broad query's
// count (one scattered read per match) takes about as long as the ranking.
// The hand-over is through shared memory and Atomics, not messages: a
// message's reply waits for a turn of the event loop, which cost as much as
// the count saved (0.2–0.8 ms each way on the development machine).
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker, stopWorker } from '../../worker-thread.js';
import type { CounterParts, FacetCounter, Facets } from './facet-counter.js';

/** Slots of the control array shared with the worker. */
export const CTL = {
  /** raised by the caller for each count (or to stop the worker) */
  request: 0,
  /** set by the worker to the request it has counted */
  done: 1,
  /** matches in the shared ids of this request */
  length: 2,
  /** the counter (sent on the port) this request is for */
  generation: 3,
  /** 1 once the worker waits for requests */
  ready: 4,
  /** 1: the worker should stop */
  quit: 5,
  /** requests counted by the worker, for the tests */
  counted: 6,
  size: 7,
} as const;

/** A counter for the worker, with the shared arrays it reads the matches from and counts into. */
export interface CounterMessage {
  generation: number;
  parts: CounterParts;
  ids: Int32Array;
  out: Int32Array;
}

/** How long a count is waited for before it is made here and the worker given up. */
const PATIENCE_MS = 2000;

export class FacetThread {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * CTL.size));
  /** the worker failed or was closed: counts are made in the calling thread */
  private broken = false;
  private counter: FacetCounter | null = null;
  private generation = 0;
  private ids: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private out: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private request = 0;

  /** Requests counted on the worker so far. */
  get counted(): number {
    return Atomics.load(this.ctl, CTL.counted);
  }

  /** Resolves once the worker takes requests (the first requests are counted by the caller until then). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor() {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }

  /**
   * Hands `ids` to the worker to count with `counter`; false when it cannot
   * take them (not started yet, or failed): the caller counts them then.
   */
  begin(counter: FacetCounter, ids: Int32Array): boolean {
    if (this.broken) return false;
    if (!this.worker) {
      this.start();
      return false;
    }
    if (Atomics.load(this.ctl, CTL.ready) !== 1) return false;
    if (this.counter !== counter) this.send(counter);
    // more matches than the counter has ids: not from the archive it was built on
    if (ids.length > this.ids.length) return false;
    this.ids.set(ids);
    this.ctl[CTL.length] = ids.length;
    this.ctl[CTL.generation] = this.generation;
    Atomics.store(this.ctl, CTL.request, ++this.request);
    Atomics.notify(this.ctl, CTL.request);
    return true;
  }

  /** The facets of the count begun with the same counter and ids: waited for, or made here if the worker fails to. */
  finish(counter: FacetCounter, ids: Int32Array): Facets {
    const deadline = performance.now() + PATIENCE_MS;
    for (;;) {
      const done = Atomics.load(this.ctl, CTL.done);
      if (done === this.request) break;
      const left = deadline - performance.now();
      if (left <= 0) {
        this.giveUp();
        return counter.count(ids);
      }
      Atomics.wait(this.ctl, CTL.done, done, left);
    }
    const { pairs, codes } = counter.tallies;
    return counter.facetsOf(this.out.subarray(0, pairs), this.out.subarray(pairs, pairs + codes));
  }

  private send(counter: FacetCounter): void {
    const { pairs, codes } = counter.tallies;
    // no more matches than ids
    if (this.ids.length < counter.parts.byId.length) this.ids = new Int32Array(new SharedArrayBuffer(4 * counter.parts.byId.length));
    this.out = new Int32Array(new SharedArrayBuffer(4 * (pairs + codes)));
    this.generation++;
    this.port!.postMessage({ generation: this.generation, parts: counter.parts, ids: this.ids, out: this.out } satisfies CounterMessage);
    this.counter = counter;
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.unref();
    const worker = startWorker('facet-worker', import.meta.url, { workerData: { ctl: this.ctl, port: port2 }, transferList: [port2] });
    this.worker = worker;
    // the calling thread waits for its counts itself: the worker must not keep the process alive, and
    // listening for its messages would (until the listener is removed and the worker unref'd again)
    worker.unref();
    const onReady = () => {
      worker.off('message', onReady);
      worker.unref();
      this.markReady();
    };
    worker.on('message', onReady);
    worker.on('error', () => this.giveUp());
    worker.on('exit', () => this.giveUp());
  }

  private giveUp(): void {
    this.broken = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      Atomics.store(this.ctl, CTL.quit, 1);
      Atomics.add(this.ctl, CTL.request, 1);
      Atomics.notify(this.ctl, CTL.request);
      void worker.terminate();
    }
    this.port?.close();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.giveUp();
    if (worker) await stopWorker(worker);
  }
}
