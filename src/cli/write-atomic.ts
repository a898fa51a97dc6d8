import { createWriteStream, renameSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** The temporary name a file is written under beside its own, hidden, until it is whole. */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes a file whole or not at all: to a temporary name beside it, then renamed. */
export function writeAtomic(path: string, data: string): void {
  const tmp = tempBeside(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A file written piece by piece, whole or not at all: `commit` renames it into place, `abort` removes it. */
export interface AtomicFile {
  /** resolves when the piece is handed to the OS (waits while the disk is behind) */
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Opens `path` for writing through a temporary name beside it. A folder of that
 * name, or no folder to hold it, is the user's to fix and said before anything
 * is written (`UsageError` from `usage`); a failure while writing (a full disk)
 * rejects the next write or the commit.
 */
export async function openAtomicFile(path: string, usage: (message: string) => Error): Promise<AtomicFile> {
  const at = statSync(path, { throwIfNoEntry: false });
  if (at?.isDirectory()) throw usage(`${path} is a folder; give the name of a file to write`);
  const folder = statSync(dirname(path), { throwIfNoEntry: false });
  if (!folder?.isDirectory()) throw usage(`${path}: there is no folder ${dirname(path)} to write it in`);
  const tmp = tempBeside(path);
  const stream = createWriteStream(tmp);
  let failed: Error | null = null;
  stream.on('error', (e) => (failed ??= e));
  await new Promise<void>((res) => {
    stream.once('open', () => res());
    stream.once('error', () => res());
  });
  const check = async () => {
    if (!failed) return;
    await rm(tmp, { force: true });
    const e = failed as NodeJS.ErrnoException;
    // named by the user's file, not the temporary one
    throw Object.assign(new Error(`cannot write ${path}: ${e.code ?? e.message}`), { code: e.code, syscall: e.syscall });
  };
  await check();
  return {
    async write(text) {
      await check();
      if (!stream.write(text)) {
        await new Promise<void>((res) => {
          if (failed) return res();
          // (both listeners go once either fires: a long export waits for the disk many times)
          const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            res();
          };
          stream.on('drain', done);
          stream.on('error', done);
        });
      }
      await check();
    },
    async commit() {
      await check();
      await new Promise<void>((res) => stream.end(() => res()));
      await check();
      await rename(tmp, path);
    },
    async abort() {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}
