import type { PageRoot } from '../tree/types.js';
import type { PageFile } from '../file/page-file.js';

/** A stage: options → (tree, file) → tree. Pure: it returns a new tree and only adds messages to the file. */
export type Transform = (tree: PageRoot, file: PageFile) => PageRoot;
export type Stage<O = Record<string, never>> = (options?: O) => Transform;
