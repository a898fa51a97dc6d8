// Character classes of Chinese print, shared by every stage.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const FULLWIDTH_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Ideographs, full-width punctuation and the curly quotes and dashes set at full width. */
export function isWide(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x2000) return false;
  return CJK.test(ch) || FULLWIDTH_PUNCT.test(ch) || (c >= 0x2e80 && c <= 0x33ff) || (c >= 0x25a0 && c <= 0x25ff);
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\f' || ch === '\v';
}

/** Width of a run of text in em: wide characters 1, others 1/2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 1 : 0.5;
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
