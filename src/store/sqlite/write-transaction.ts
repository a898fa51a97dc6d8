// A write transaction that waits its turn for the file's write lock.
import type Database from 'better-sqlite3';

/**
 * How long a connection waits for another's write lock before it fails: the
 * index thread's longest write, a run's postings, took 2.0–2.6 s for a segment's
 * 65,536 bench articles (2026-12-04), on a loaded machine several times that.
 */
export const BUSY_MS = 60_000;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` in an immediate transaction (a write transaction that began as a
 * read would fail where another connection wrote since). Its BEGIN is tried
 * again while the lock is busy, up to BUSY_MS: SQLite's own busy timeout is not
 * always used there (it returns at once where waiting could deadlock, which
 * it judges from the WAL's state; seen here with the index thread writing).
 * Nothing is done before BEGIN succeeds, so trying again is safe; a failure
 * inside `fn` is thrown as it is.
 */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  let began = false;
  const tx = db.transaction(() => {
    began = true;
    return fn();
  });
  const deadline = Date.now() + BUSY_MS;
  for (let wait = 1; ; wait = Math.min(2 * wait, 50)) {
    try {
      return tx.immediate();
    } catch (e) {
      if (began || (e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
      Atomics.wait(pause, 0, 0, wait);
    }
  }
}
