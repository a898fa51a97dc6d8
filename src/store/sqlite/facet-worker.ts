// The worker thread of ./facet-thread.ts: waits on the shared control array,
// counts each request's matches into the shared tallies and says it is done.
// It never returns to its event loop; a new counter is read off its port.
import { receiveMessageOnPort, workerData, parentPort, type MessagePort } from 'node:worker_threads';
import { FacetCounter } from './facet-counter.js';
import { CTL, type CounterMessage } from './facet-thread.js';

const { ctl, port } = workerData as { ctl: Int32Array; port: MessagePort };
const nap = new Int32Array(new SharedArrayBuffer(4));

let current: { generation: number; counter: FacetCounter; ids: Int32Array; out: Int32Array } | null = null;

/** The counter of `generation`, off the port (posted before the request that needs it). */
function counterOf(generation: number): NonNullable<typeof current> {
  while (!current || current.generation !== generation) {
    const m = receiveMessageOnPort(port)?.message as CounterMessage | undefined;
    if (!m) {
      Atomics.wait(nap, 0, 0, 0.05);
      continue;
    }
    current = { generation: m.generation, counter: new FacetCounter(m.parts), ids: m.ids, out: m.out };
  }
  return current;
}

Atomics.store(ctl, CTL.ready, 1);
parentPort!.postMessage('ready');
let seen = 0;
for (;;) {
  Atomics.wait(ctl, CTL.request, seen);
  const request = Atomics.load(ctl, CTL.request);
  if (Atomics.load(ctl, CTL.quit)) break;
  if (request === seen) continue;
  seen = request;
  const { counter, ids, out } = counterOf(ctl[CTL.generation]);
  const { pairs, codes } = counter.tallies;
  const perPair = out.subarray(0, pairs);
  const perCode = out.subarray(pairs, pairs + codes);
  perPair.fill(0);
  perCode.fill(0);
  counter.tally(ids.subarray(0, ctl[CTL.length]), perPair, perCode);
  Atomics.add(ctl, CTL.counted, 1);
  Atomics.store(ctl, CTL.done, seen);
  Atomics.notify(ctl, CTL.done);
}
