import { readdirSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { drainedStream, type Io } from '../src/cli/io.js';

export const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(TEST_DIR, '..');
export const PAGES_DIR = join(TEST_DIR, 'pages');

const made: string[] = [];
process.on('exit', () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh folder under the system's temporary folder, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `banmian-${prefix}-`));
  made.push(dir);
  return dir;
}

export interface TestPage {
  slug: string;
  dir: string;
  source: Buffer;
  gold?: GoldPage;
  expect?: PageExpectations;
}

export interface GoldArticle {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: { reporters: string[]; correspondents: string[]; photographers: string[] };
  dateline: string | null;
  paragraphs: string[];
  captions: string[];
}

export interface GoldPage {
  page: string;
  masthead: Record<string, string | number | null> | null;
  articles: GoldArticle[];
  other: string[];
}

/** Facts about a page without full gold, read off the page by a person. */
export interface PageExpectations {
  note: string;
  articles: number;
  /** whole headlines (kicker+title+subtitle, white space removed) that must each head one article */
  headlines: string[];
  /** reporter names that must be found */
  reporters?: string[];
  /** paragraph texts (white space removed) that must come out exactly */
  paragraphs?: string[];
  masthead?: Record<string, string | number>;
  continuedTo?: string[];
  continuedFrom?: string[];
}

export function loadPages(): TestPage[] {
  return readdirSync(PAGES_DIR)
    .sort()
    .map((slug) => {
      const dir = join(PAGES_DIR, slug);
      const goldPath = join(dir, 'expected.gold.json');
      const expectPath = join(dir, 'expect.json');
      return {
        slug,
        dir,
        source: readFileSync(join(dir, 'source.txt')),
        gold: existsSync(goldPath) ? (JSON.parse(readFileSync(goldPath, 'utf8')) as GoldPage) : undefined,
        expect: existsSync(expectPath) ? (JSON.parse(readFileSync(expectPath, 'utf8')) as PageExpectations) : undefined,
      };
    });
}

export const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '');

export function headlineOf(a: { kicker: string | null; title: string | null; subtitle: string | null }): string {
  return norm(a.kicker) + norm(a.title) + norm(a.subtitle);
}

/**
 * A command's stdout as a pipe to a reader slower than it (`banmian export | gzip`): `room` bytes of pipe, a chunk
 * read a turn. `done()` ends the pipe and says how much was read, the most that waited in the pipe at once, and the
 * longest line written.
 */
export function slowReader(room = 1024): { io: Io; done(): Promise<{ read: number; held: number; longest: number }> } {
  const pipe = new PassThrough({ highWaterMark: room });
  let read = 0;
  let held = 0;
  let longest = 0;
  const reader = (async () => {
    for await (const chunk of pipe) {
      read += (chunk as Buffer).length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const io: Io = {
    out: (t) => {
      pipe.write(`${t}\n`);
      longest = Math.max(longest, Buffer.byteLength(t) + 1);
      held = Math.max(held, pipe.writableLength);
    },
    err: () => {},
    drained: () => drainedStream(pipe),
  };
  return {
    io,
    async done() {
      pipe.end();
      await reader;
      return { read, held, longest };
    },
  };
}
