// Character classes of Chinese print, shared by every stage.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Ideographs, full-width punctuation and the curly quotes and dashes set at full width. */
export function isWide(ch: string): boolean {
  return isWideCode(ch.charCodeAt(0));
}

export function isWideCode(c: number): boolean {
  if (c < 0x2000) return c === 0x00b7;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x33ff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x2e80 && c <= 0x2fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x25a0 && c <= 0x25ff) ||
    c === 0x2014 ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2022 ||
    c === 0x2026 ||
    (c >= 0xd800 && c <= 0xdbff) // a high surrogate: ideographs of the supplementary planes
  );
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\f' || ch === '\v';
}

/** Width of a run of text in em: wide characters 1, others 1/2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the low half of a pair counted with its high half
    w += isWideCode(c) ? 1 : 0.5;
  }
  return w;
}

const SENTENCE_END = /[。！？!?…；;]$/;
const CLOSERS = /[”’」』）)》\]]+$/;

/** The text ends a sentence: `。` `！` `？` `…`, possibly inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (SENTENCE_END.test(t)) return true;
  const stripped = t.replace(CLOSERS, '');
  return stripped !== t && SENTENCE_END.test(stripped);
}

/** Clause punctuation that a headline does not carry. */
export const BODY_PUNCT = /[，。；：、,;:]/;

export function countMatches(text: string, re: RegExp): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  return (text.match(g) ?? []).length;
}
