import { readdirSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

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

/** A PDF of one page that is only a JPEG — a scanned page with no text layer — `width` × `height` points. */
export function imagePdf(jpeg: Buffer, width: number, height: number): Buffer {
  // the image's pixel size, from its frame header (SOF0 or SOF2)
  let at = 2;
  while (jpeg[at] === 0xff && ![0xc0, 0xc2].includes(jpeg[at + 1])) at += 2 + jpeg.readUInt16BE(at + 2);
  const [h, w, components] = [jpeg.readUInt16BE(at + 5), jpeg.readUInt16BE(at + 7), jpeg[at + 9]];
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    [`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, jpeg, '\nendstream'],
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), ...(Array.isArray(o) ? o : [o]).map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : x)), Buffer.from('\nendobj\n')]);
    parts.push(body);
    length += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
