// Search's facet index kept in the file, so that a process that searches once
// (`banmian search` on the command line) reads it instead of building it: at a
// million articles the build reads three indexes whole, 0.5–0.9 s, and reading
// the kept arrays (8.4 MB) 25–130 ms. It is derived data, stamped with the archive's
// count of writes (`writes` in search_state, raised by every write that changes
// pages, articles or their people); a copy with another stamp, or one this
// build cannot read, is not used.
import type Database from 'better-sqlite3';
import { FacetIndex, type FacetArrays } from './facet-index.js';
import type { Packed } from './facet-counter.js';

/** The layout below; a kept copy of another is built again. */
const FORMAT = 1;

type Kind = 'i32' | 'u16' | 'u32' | 'f64';
const ARRAYS = { i32: Int32Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;

interface Header {
  format: number;
  papers: string[];
  months: string[];
  names: string[];
  reporterCodes: number;
  /** name, kind and length of each array, in the order they follow the header */
  arrays: Array<[string, Kind, number]>;
}

const pad8 = (n: number) => n + ((8 - (n % 8)) % 8);

function kindOf(a: Int32Array | Packed): Kind {
  return a instanceof Int32Array ? 'i32' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'f64';
}

/** u32 header length · header (JSON) · each array, 8-byte aligned. */
export function encodeFacets(index: FacetIndex): Buffer {
  const { counter, ...pages } = index.arrays;
  const arrays: Array<[string, Int32Array | Packed]> = [
    ...Object.entries(pages),
    ['pairs', counter.pairs],
    ['byId', counter.byId],
    ['severalStart', counter.severalStart],
    ['severalNames', counter.severalNames],
  ];
  const header: Header = {
    format: FORMAT,
    papers: counter.papers,
    months: counter.months,
    names: counter.names,
    reporterCodes: counter.reporterCodes,
    arrays: arrays.map(([name, a]) => [name, kindOf(a), a.length]),
  };
  const json = Buffer.from(JSON.stringify(header));
  let size = pad8(4 + json.length);
  for (const [, a] of arrays) size += pad8(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = pad8(4 + json.length);
  for (const [, a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return out;
}

/** The facet index a blob holds; null when it is not one of this format (or is cut short). */
export function decodeFacets(blob: Uint8Array): FacetIndex | null {
  try {
    const view = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    const length = view.readUInt32LE(0);
    const header = JSON.parse(view.subarray(4, 4 + length).toString()) as Header;
    if (header.format !== FORMAT) return null;
    const got = new Map<string, Int32Array | Packed>();
    let at = pad8(4 + length);
    for (const [name, kind, n] of header.arrays) {
      const Type = ARRAYS[kind];
      const bytes = n * Type.BYTES_PER_ELEMENT;
      if (at + bytes > view.length) return null;
      const a = new Type(n);
      new Uint8Array(a.buffer).set(view.subarray(at, at + bytes));
      got.set(name, a);
      at += pad8(bytes);
    }
    const i32 = (name: string) => {
      const a = got.get(name);
      if (!(a instanceof Int32Array)) throw new Error(`no ${name}`);
      return a;
    };
    const byId = got.get('byId');
    if (!byId || byId instanceof Int32Array) return null;
    const arrays: FacetArrays = {
      pageOf: i32('pageOf'),
      dead: i32('dead'),
      pageDay: i32('pageDay'),
      pageNo: i32('pageNo'),
      pagePair: i32('pagePair'),
      counter: {
        papers: header.papers,
        months: header.months,
        names: header.names,
        pairs: i32('pairs'),
        byId,
        reporterCodes: header.reporterCodes,
        severalStart: i32('severalStart'),
        severalNames: i32('severalNames'),
      },
    };
    return new FacetIndex(arrays);
  } catch {
    return null;
  }
}

/** The archive's count of writes, the stamp of a kept facet index (read inside the caller's transaction). */
export const WRITES = "SELECT value FROM search_state WHERE name = 'writes'";

export function archiveWrites(db: Database.Database): number {
  return db.prepare(WRITES).pluck().get() as number;
}

/** The kept facet index if it was kept at `writes` and can be read (inside the caller's read transaction). */
export function loadFacets(db: Database.Database, writes: number): FacetIndex | null {
  const stamp = db.prepare('SELECT writes FROM facet_cache WHERE id = 1').pluck().get() as number | undefined;
  if (stamp !== writes) return null;
  return decodeFacets(db.prepare('SELECT data FROM facet_cache WHERE id = 1').pluck().get() as Uint8Array);
}

/**
 * Keeps `index`, built at `writes`, unless the archive was written since or
 * another connection holds the write lock: a search does not wait for a
 * writer to keep what it can build again, nor fails where it cannot be kept
 * (a full disk, a file it may not write). True when it was kept.
 */
export function saveFacets(db: Database.Database, index: FacetIndex, writes: number): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.transaction(() => {
      if (archiveWrites(db) !== writes) return false;
      db.prepare('INSERT OR REPLACE INTO facet_cache (id, writes, data) VALUES (1, ?, ?)').run(writes, encodeFacets(index));
      return true;
    }).immediate();
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
