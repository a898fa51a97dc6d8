import type { Masthead } from '../tree/types.js';

/** One field found in a masthead line: which, its value, and where in the line it was printed. */
export interface FieldHit {
  field: keyof Masthead;
  value: string | number;
  /** offsets within the line text */
  start: number;
  end: number;
}

const LUNAR = /([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年\s*(闰?[正一二三四五六七八九十冬腊]{1,2})月\s*(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]?|三十)/;
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const WEEKDAY = /(?:星期|礼拜|周)[一二三四五六日天]/;
const ISSUE = /总第\s*(\d{1,6})\s*[号期]/;
const CN = /CN\s*\d{2}\s*[-—–－_]\s*\d{4}(?:\s*\/\s*[A-Z]{1,3})?/i;
const POSTAL = /邮发代号\s*[:：]?\s*(\d{1,2}\s*[-—–－_]\s*\d{1,4})/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const WEBSITE = /(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu)(?:\.cn)?(?:\/[\w./-]*)?/i;
const ADDRESS = /(?:社址|地址|报社地址)\s*[:：]\s*([^\s:：]+?)(?=\s|邮编|邮政编码|电话|$)/;
const ZIP = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})/;
/** The paper's name as a masthead prints it. */
export const PAPER_NAME = /^[\u4e00-\u9fff]{2,10}(?:日报|晚报|晨报|早报|时报|商报|周报|都市报|青年报|工人报|农民报|法治报|导报|快报)$/;

function hit(field: keyof Masthead, m: RegExpExecArray | null, value: (m: RegExpExecArray) => string | number, group = 0): FieldHit | null {
  if (!m) return null;
  const text = m[group];
  const start = m.index + m[0].indexOf(text);
  return { field, value: value(m), start, end: start + text.length };
}

/** The numbers a paper is registered and posted under, printed beside its name in some mastheads. */
export const REGISTRATION_FIELDS: Array<keyof Masthead> = ['cn', 'postalCode', 'issueNumber'];
/** A paper's name of any kind ending in 报 (晨报, 劳动报, …): known as one where its registration numbers stand beside it. */
export const NAME_ENDING_IN_BAO = /^[\u4e00-\u9fff]{2,10}报$/;
/** A name ending in 报 that leads a line, its registration's label next: `钱塘晨报 国内统一连续出版物号：CN33-0101`. */
const LEADING_PAPER = /^\s*([\u4e00-\u9fff]{2,10}报)\s*(?=国内统一|CN|邮发代号|总第)/i;

/** The paper named at the head of a line of its registration numbers, whatever its name ends in (晨报, 劳动报, …). */
function namedBeside(line: string): FieldHit | null {
  const m = LEADING_PAPER.exec(line);
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return { field: 'paper', value: m[1], start, end: start + m[1].length };
}

/** The fields that name the paper or its issue; a masthead has one of them. */
export const IDENTIFYING_FIELDS: Array<keyof Masthead> = ['paper', 'cn', 'issueNumber', 'postalCode'];

/** The masthead fields printed in one line of text. */
export function parseMastheadFields(line: string): FieldHit[] {
  const hits: Array<FieldHit | null> = [];
  hits.push(hit('lunarDate', LUNAR.exec(line), (m) => m[0].replace(/\s+/g, '')));
  hits.push(
    hit('date', DATE.exec(line), (m) => `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`),
  );
  hits.push(hit('weekday', WEEKDAY.exec(line), (m) => m[0]));
  hits.push(hit('issueNumber', ISSUE.exec(line), (m) => Number(m[1]), 0));
  hits.push(hit('cn', CN.exec(line), (m) => m[0].replace(/\s+/g, '')));
  hits.push(hit('postalCode', POSTAL.exec(line), (m) => m[1].replace(/\s+/g, ''), 0));
  const email = EMAIL.exec(line);
  hits.push(hit('email', email, (m) => m[0]));
  const lineWithoutEmail = email ? line.slice(0, email.index) + ' '.repeat(email[0].length) + line.slice(email.index + email[0].length) : line;
  hits.push(hit('website', WEBSITE.exec(lineWithoutEmail), (m) => m[0]));
  hits.push(hit('address', ADDRESS.exec(line), (m) => m[1], 0));
  hits.push(hit('zip', ZIP.exec(line), (m) => m[1], 0));
  if (PAPER_NAME.test(line.trim())) hits.push({ field: 'paper', value: line.trim(), start: 0, end: line.length });
  else if (hits.some((h) => h && REGISTRATION_FIELDS.includes(h.field))) hits.push(namedBeside(line));
  return hits.filter((h): h is FieldHit => h !== null);
}

export function emptyMasthead(): Masthead {
  return {
    paper: null,
    date: null,
    lunarDate: null,
    weekday: null,
    issueNumber: null,
    cn: null,
    postalCode: null,
    website: null,
    email: null,
    address: null,
    zip: null,
  };
}
