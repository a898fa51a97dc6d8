/** Where a command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Resolves once what `out` was given has gone to the reader, or at once where it has; a command that writes
   * without end (export) waits on it, so that a slow reader holds the writer back instead of the text piling up in
   * memory, and a reader that stops (`| head`) is heard of while the command still writes.
   */
  drained?(): Promise<void>;
}

/** The command line was wrong: say so with the usage, exit 2. */
export class UsageError extends Error {}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  drained: () => drainedStream(process.stdout),
};

/** Resolves when the stream has taken what it was given: at once, or on its `drain` (or its end, or an error). */
export function drainedStream(stream: NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean }): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** `n` and the noun, in the plural unless n is 1: "1 page", "3 pages". */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
