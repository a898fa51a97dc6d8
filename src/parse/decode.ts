// Bytes → text. UTF-8 (with or without BOM) and UTF-16 with BOM are certain;
// GB18030 (a superset of GBK and GB2312) and Big5 are told apart by how much
// of the decoded text is common Chinese. Undecodable bytes are an error, never
// silently replaced; a last character left unfinished (a file cut short) is
// left out and said so (`cutShort`).

export class DecodeError extends Error {
  readonly path: string;
  readonly problem: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'DecodeError';
    this.path = path;
    this.problem = problem;
  }
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
  /** the encoding was inferred from the bytes' content, not from a BOM or valid UTF-8 */
  guessed: boolean;
  /** bytes of an unfinished last character, left out (the file was cut short) */
  cutShort?: number;
}

// Characters frequent in Chinese news text, in both scripts. Text decoded with
// the wrong legacy encoding is full of rare ideographs, kana and symbols.
const COMMON =
  '的一是不了在人有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服' +
  '們個來為這國說時會對過後麼還學發開關與經從當點問動進實頭現書長見車門東無業電樣種變體話員報導記區條廣總聞讀驗場機幾義務歲農產區際統將這議論數協辦設選擇舉權營術維體會務黨結語戰';
const COMMON_SET = new Set(COMMON);

function plausibility(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (COMMON_SET.has(ch)) score += 3;
    else if (c >= 0x4e00 && c <= 0x9fff) score += 0.5;
    else if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027)) score += 0;
    else score -= 2; // kana, Greek, Cyrillic, box drawing, private use, extension blocks
  }
  return score;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decode(bytes: Uint8Array, path = '<input>'): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes); // the decoder drops the BOM
    if (text === null) throw new DecodeError(path, 'has a UTF-8 byte-order mark but bytes that are not valid UTF-8');
    return { text, encoding: 'utf-8-bom', guessed: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode('utf-16le', bytes);
    if (text === null) throw new DecodeError(path, 'has a UTF-16LE byte-order mark but bytes that are not valid UTF-16');
    return { text, encoding: 'utf-16le', guessed: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode('utf-16be', bytes);
    if (text === null) throw new DecodeError(path, 'has a UTF-16BE byte-order mark but bytes that are not valid UTF-16');
    return { text, encoding: 'utf-16be', guessed: false };
  }
  // (NUL bytes can be valid UTF-8, but no page of text holds them)
  if (looksBinary(bytes)) throw new DecodeError(path, 'is not a text file (it holds NUL bytes); give a page text or a PDF');
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', guessed: false };
  const cutUtf8 = cutShort('utf-8', bytes);
  if (cutUtf8) return { text: cutUtf8.text, encoding: 'utf-8', guessed: false, cutShort: cutUtf8.bytes };

  const candidates: Array<{ encoding: 'gb18030' | 'big5'; text: string; score: number; cutShort?: number }> = [];
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== null) candidates.push({ encoding, text, score: plausibility(text) });
    const cut = text === null ? cutShort(encoding, bytes) : null;
    if (cut) candidates.push({ encoding, text: cut.text, score: plausibility(cut.text), cutShort: cut.bytes });
  }
  if (candidates.length === 0) {
    const at = firstInvalidUtf8(bytes);
    throw new DecodeError(
      path,
      `is not valid UTF-8 (first bad byte at offset ${at}), nor GB18030/GBK, nor Big5; convert it to UTF-8`,
    );
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best.score <= 0) {
    throw new DecodeError(path, `is not valid UTF-8 and does not read as Chinese in GB18030 or Big5; convert it to UTF-8`);
  }
  return { text: best.text, encoding: best.encoding, guessed: true, ...(best.cutShort ? { cutShort: best.cutShort } : {}) };
}

/**
 * Bytes that are text but for an unfinished last character (a file cut short
 * in the middle of one): the text before it, and how many bytes the character
 * had. Decoding as a stream holds such a character back instead of failing.
 */
function cutShort(label: string, bytes: Uint8Array): { text: string; bytes: number } | null {
  const text = streamed(label, bytes);
  if (text === null) return null;
  for (let k = 1; k <= 3 && k < bytes.length; k++) if (tryDecode(label, bytes.subarray(0, bytes.length - k)) === text) return { text, bytes: k };
  return null;
}

/** The text of bytes decoded as a stream (an unfinished last character held back, not an error); null where they are no text. */
function streamed(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // the shortest invalid prefix, by bisection on fatal decoding with stream mode off
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tryDecode('utf-8', bytes.subarray(0, mid + 1)) === null && !isIncompleteTail(bytes, mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isIncompleteTail(bytes: Uint8Array, end: number): boolean {
  // a prefix may end inside a multi-byte sequence without the bytes being bad
  return streamed('utf-8', bytes.subarray(0, end)) !== null;
}
