import type { PageIdentity } from './store.js';

/** A page's place in the archive: paper/date/版 when known, else where it came from. */
export function pageKey(identity: PageIdentity, sourcePath: string | null, contentHash: string): string {
  if (identity.paper && identity.date && identity.page !== null) {
    return `${identity.paper}/${identity.date}/${String(identity.page).padStart(2, '0')}`;
  }
  if (identity.paper && identity.date) return `${identity.paper}/${identity.date}/${sourcePath ? basename(sourcePath) : contentHash.slice(0, 12)}`;
  return sourcePath ? `${UNIDENTIFIED}${sourcePath}` : `${UNIDENTIFIED}${contentHash.slice(0, 16)}`;
}

const UNIDENTIFIED = 'unidentified/';

/** Whether a page key is that of a page whose paper or date is not known. */
export function isUnidentifiedKey(key: string): boolean {
  return key.startsWith(UNIDENTIFIED);
}

export function articleId(pageKey: string, seq: number): string {
  return `${pageKey}#${seq}`;
}

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

const NUMERALS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `第二版` → 2, `第12版` → 12, `第十六版` → 16. */
export function pageNumberOf(jump: string | null): number | null {
  if (!jump) return null;
  const m = /第?\s*([一二三四五六七八九十两零\d]{1,4})\s*版/.exec(jump);
  if (!m) return null;
  const s = m[1];
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return NUMERALS[s] ?? null;
  const tens = ten === 0 ? 1 : NUMERALS[s[0]] ?? 0;
  const ones = s.length > ten + 1 ? NUMERALS[s[ten + 1]] ?? 0 : 0;
  return tens * 10 + ones;
}
