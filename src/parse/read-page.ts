import { readFileSync } from 'node:fs';
import { DecodeError } from './decode.js';

/** A page file's bytes, or a `DecodeError` that says in plain words why they cannot be had. */
export function readPage(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DecodeError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? 'error'})`);
  }
}
