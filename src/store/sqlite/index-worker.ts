// The index thread (index-thread.ts): on each request, writes the search
// index's runs that are due, over its own connection to the archive's file.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteSearchIndex } from './search-index.js';
import type { IndexReply } from './index-thread.js';
import { BUSY_MS } from './write-transaction.js';

const { path, part } = workerData as { path: string; part: number };
const db = new Database(path, { fileMustExist: true, timeout: BUSY_MS });
db.pragma('synchronous = NORMAL');
const index = new SqliteSearchIndex(db, part);

parentPort!.on('message', () => {
  let reply: IndexReply;
  try {
    index.catchUp();
    reply = { done: true };
  } catch (e) {
    reply = { error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
