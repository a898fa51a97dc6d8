// The index thread (index-thread.ts): on each request, gathers the articles
// stored since into the run in hand and writes the runs that are due (all of
// them when asked to), over its own connection to the archive's file.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteSearchIndex } from './search-index.js';
import type { IndexAsk, IndexReply } from './index-thread.js';
import { BUSY_MS } from './write-transaction.js';

const { path, part } = workerData as { path: string; part: number };
const db = new Database(path, { fileMustExist: true, timeout: BUSY_MS });
db.pragma('synchronous = NORMAL');
const index = new SqliteSearchIndex(db, part, undefined, true);

parentPort!.on('message', (ask: IndexAsk) => {
  let reply: IndexReply;
  try {
    index.catchUp(ask === 'all' ? 1 : undefined);
    reply = { done: true };
  } catch (e) {
    reply = { error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
