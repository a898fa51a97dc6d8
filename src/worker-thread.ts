// Starting one of banmian's worker threads, from the built JavaScript or, under
// tsx (the tests), from the TypeScript beside the caller.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The worker `name` (a module beside `from`, the caller's import.meta.url).
 * A worker thread does not inherit tsx's loader, so under tsx it registers it
 * before loading the module (else the worker could not load at all).
 */
export function startWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), options);
  const url = new URL(`./${name}.ts`, from);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { ...options, eval: true });
}

/**
 * Stops a worker and waits until it has stopped. An unref'd worker (banmian's
 * idle ones are, so as never to keep a process alive) does not hold the event
 * loop while it stops, not even ref'd again: a script awaiting `store.close()`
 * at its top level ended there, exit code 13, when the facet worker of a
 * million-article archive took a few milliseconds to stop. A timer holds it.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  const hold = setInterval(() => {}, 60_000);
  try {
    await worker.terminate();
  } finally {
    clearInterval(hold);
  }
}
