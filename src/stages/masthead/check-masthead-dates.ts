import type { Masthead } from '../../tree/types.js';
import { isCalendarDate } from '../../text/calendar-date.js';

export interface DateDisagreement {
  code: 'masthead/weekday-mismatch' | 'masthead/lunar-mismatch' | 'masthead/impossible-date';
  printed: string;
  computed: string;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The day of a Chinese month as printed: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(day: number): string {
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return '三十';
}

const MONTH_ALIASES: Record<string, string> = { 正: '一', 冬: '十一', 腊: '十二' };

function normalizeLunar(s: string): string {
  return s.replace(/\s+/g, '').replace(/(闰?)(正|冬|腊)月/, (_, leap: string, m: string) => `${leap}${MONTH_ALIASES[m]}月`);
}

/** The Chinese calendar date of a Gregorian ISO date, as a masthead prints it: `壬寅年十一月廿三`. */
let chineseCalendar: Intl.DateTimeFormat | undefined;

export function lunarDateOf(iso: string): string | null {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  chineseCalendar ??= new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const parts = chineseCalendar.formatToParts(d);
  const year = parts.find((p) => (p.type as string) === 'yearName')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  const day = Number(parts.find((p) => p.type === 'day')?.value);
  if (!year || !month || !day) return null;
  return normalizeLunar(`${year}年${month}${lunarDayName(day)}`);
}

export function weekdayOf(iso: string): string | null {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  return `星期${WEEKDAYS[d.getUTCDay()]}`;
}

/** Checks the printed lunar date and weekday against the Gregorian date. */
export function checkMastheadDates(m: Masthead): DateDisagreement[] {
  const out: DateDisagreement[] = [];
  if (!m.date) return out;
  // (2月30日, 13月: misread or misprinted; the calendar would roll it over into another day, with its own weekday)
  if (!isCalendarDate(m.date)) return [{ code: 'masthead/impossible-date', printed: m.date, computed: '' }];
  if (m.weekday) {
    const computed = weekdayOf(m.date);
    const printed = m.weekday.replace(/^(礼拜|周)/, '星期').replace('天', '日');
    if (computed && computed !== printed) out.push({ code: 'masthead/weekday-mismatch', printed: m.weekday, computed });
  }
  if (m.lunarDate) {
    const computed = lunarDateOf(m.date);
    if (computed && computed !== normalizeLunar(m.lunarDate)) out.push({ code: 'masthead/lunar-mismatch', printed: m.lunarDate, computed });
  }
  return out;
}
