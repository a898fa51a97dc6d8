// Conventions of Chinese newspaper print, as patterns. Each names a general form
// (a role word, a jump, a dateline), never a particular page's text.

import { displayWidth, endsSentence } from './chars.js';

/** Role words of a byline, longest first so that `本报记者` is not read as `记者`. */
export const ROLE_WORDS = [
  '全媒体记者',
  '融媒体记者',
  '本报记者',
  '见习记者',
  '特约记者',
  '首席记者',
  '实习记者',
  '新华社记者',
  '记者',
  '特约通讯员',
  '本报通讯员',
  '通讯员',
  '实习生',
  '摄影记者',
  '摄影',
  '共享联盟',
];

const ROLE_ALT = ROLE_WORDS.join('|');
const ROLE_START = new RegExp(`^(?:${ROLE_ALT})`);

/** Marks printed before a byline line: `▢ 全媒体记者 王婷`; OCR reads the box as `口` (`口见习记者曾晨路`). */
export const BYLINE_BULLET = new RegExp(`^(?:[▢□■◆◇●○▲△▼▽★☆◎※\\s]|口(?=${ROLE_ALT}))+`);

/** A role word that a line break split: `…交流。 记` + `者张浩呈 摄`. */
export function splitsRoleWord(before: string, after: string): boolean {
  return ROLE_WORDS.some((w) => {
    for (let k = 1; k < w.length; k++) if (before.endsWith(w.slice(0, k)) && after.startsWith(w.slice(k))) return true;
    return false;
  });
}

/** A dateline that opens a body: `本报讯`, `本报杭州6月1日电`, `新华社北京电`. */
export const DATELINE_START = /^(?:本报讯|本报[^\s，。、]{0,12}?电|(?:据)?(?:新华社|中新社|中国新闻社)[^\s，。、]{0,12}?电)/;

/** A credited source printed at the end or start of an article: `据《浙江在线》`, `来源：新华社`. */
export const SOURCE_LINE = /^(?:据《[^》]{1,20}》(?:报道|消息)?|据[^\s，。]{2,10}(?:网|社|报|台)(?:报道|消息)?|来源[：:][^\s，。]{2,20})$/;

/** Jumps between pages: `（紧接第一版）`, `（下转第二版）`, `（详见第二版）`. */
export const JUMP = /[（(](?:紧接|上接|接|下转|转|详见|见|转下|转第)[^（）()]{0,3}?第?\s*([一二三四五六七八九十\d]{1,3})\s*版[^（）()]{0,4}[）)]/;

export const JUMP_FROM = /[（(](?:紧接|上接|接)/;

/** A photo credit at the end of a line or caption: `通讯员胡江丰、巫慧英 摄`, `记者胡翀 摄`. */
export const PHOTO_CREDIT = /(?:^|[。！？”\s])((?:(?:本报|全媒体|融媒体|见习|特约|首席|摄影)?记者|通讯员|实习生|摄影)?\s*[\u4e00-\u9fff]{2,4}(?:[、，,\s]+[\u4e00-\u9fff]{2,4})*\s*(?:摄影?|供图|图)(?:\/[^\s]+)?)$/;

/** The byline forms that follow a dateline: `记者张浩呈 通讯员周永卫报道`, `（记者 王逸群）`. */
export function startsWithRole(text: string): boolean {
  return ROLE_START.test(text.replace(BYLINE_BULLET, ''));
}

/**
 * A line that is only a byline: role words and names, no sentence.
 * `▢ 全媒体记者 王婷`, `本报记者 万笑影 通讯员 谭狄枫 吴雯雯`.
 */
export function isBylineLine(text: string): boolean {
  const t = text.replace(BYLINE_BULLET, '').trim();
  if (!ROLE_START.test(t) || t.length > 60) return false;
  if (/[，。；：！？,;:!?]/.test(t)) return false;
  const rest = t
    .replace(new RegExp(ROLE_ALT, 'g'), ' ')
    .replace(/报道$/, '')
    .replace(/[·・]/g, '')
    .split(/[\s、]+/)
    .filter(Boolean);
  return rest.length > 0 && rest.every((w) => /^[\u4e00-\u9fff]{2,8}$/.test(w));
}

/** A line that is only a photo credit: `通讯员胡江丰、巫慧英 摄`. */
export function isCreditLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && !/[。！？]/.test(t) && PHOTO_CREDIT.test(t) && /摄影?$|供图$/.test(t);
}

/** The word that ends a photo credit, alone on a line when the credit wrapped (`记者胡江丰、巫慧英` / `摄影`). */
export const CREDIT_WORD = /^(?:摄影?|供图)$/;

/** A caption with its photo credit run on: `…交流。记者张浩呈 摄`. */
export function endsWithCredit(text: string): boolean {
  const t = text.trim();
  const m = PHOTO_CREDIT.exec(t);
  return !!m && /摄影?$/.test(t) && m.index > 0 && /[。！？”]/.test(t.slice(0, m.index + 1));
}

/** One or two ideographs alone on a line: a headline's last characters, wrapped in a narrow box (`…健康成` / `长`). */
export function isWrappedTail(text: string): boolean {
  return /^[\u4e00-\u9fff]{1,2}$/.test(text.trim());
}

/**
 * Headline-like: short, not a sentence. Headlines end without `。` and carry
 * at most `、`, one `，`, `！` `？` `——` `·` and quotes; never `。` `；` `：` inside,
 * never `，` `、` at the end.
 */
export function looksLikeHeadline(text: string): boolean {
  const t = text.trim();
  if (t.length < 2) return false;
  if (displayWidth(t) > 44) return false;
  if (/[。；;：:]/.test(t)) return false;
  if ((t.match(/[，,]/g) ?? []).length > 1) return false;
  // a headline never stops at a comma: such a line is a piece of a sentence
  if (/[，,、]$/.test(t)) return false;
  return true;
}

/** A line that reads as a headline line: headline-like, and no comma or enumeration mark in it. */
export function headlineLine(text: string): boolean {
  return looksLikeHeadline(text) && !/[，、,]/.test(text);
}

/**
 * A headline line past its stack's first: a title's enumeration mark may stand
 * in it, or end it where the title wraps (`究共同富裕、数字化` / `改革等议题`,
 * `行第7次会议研究共同富裕、` / `数字化改革等议题`); no comma.
 */
export function laterStackLine(text: string): boolean {
  return looksLikeHeadline(text.trim().replace(/、$/, '')) && !/[，,]/.test(text);
}

/**
 * Such a line under a stack's first, a headline line with no mark at all
 * (`市委全面深化改革委员会举行第7次` / `会议研究共同富裕、数字化改革等议`).
 */
export function enumeratedStackLine(text: string, above: string | undefined): boolean {
  return above !== undefined && laterStackLine(text) && headlineLine(above) && !endsSentence(above);
}

/** A title (or its last line) that ends in an exclamation or a question, with no full stop or semicolon in it: `…彭清林等，一等功！`. */
export function exclaimedTitle(text: string): boolean {
  return /[！？!?]$/.test(text) && !/[。；;]/.test(text);
}

/**
 * A page's running head: the date with the page's editors (`08 新闻
 * 浙江工人日报 2023年3月8日 星期三 责任编辑 周嘉宁 版式 沈一帆`), or with the
 * page's label before it (`第2版 区域 2021年10月22日 星期五`), printed above the
 * page's top rule. It belongs to the page, not to an article.
 */
export function isRunningHead(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || !/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(t) || /[。！？]/.test(t)) return false;
  return /责任编辑|责编|本版编辑|版式|校对|美术编辑|美编/.test(t) || LABEL_THEN_DATE.test(t);
}

/** A line naming the page's editors and nothing else (`责任编辑 陈思远 美术编辑 吕欣然`): running head material wherever it stands. */
export const EDITORS_LINE = /^(?:(?:责任编辑|责编|本版编辑|版式|校对|美术编辑|美编)\s*[\u4e00-\u9fff]{2,4}\s*)+$/;

/** A page's label, then the date (the paper's name may stand between), and nothing but the weekday after it. */
const LABEL_THEN_DATE = /^(?:第\s*[一二三四五六七八九十\d]{1,3}\s*版|\d{1,2})\s*[\u4e00-\u9fff]{2,6}\s+(?:[\u4e00-\u9fff]{2,8}\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?$/;

/** A date alone on its line, maybe with the weekday: the running head's, written apart from the rest of it. */
export const DATE_ALONE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?$/;
/** A weekday alone on its line. */
export const WEEKDAY_ALONE = /^星期[一二三四五六日天]$/;
/** A page's number alone on its line, its section's name apart from it (`第四版`). */
export const PAGE_NUMBER = /^第\s*[一二三四五六七八九十\d]{1,3}\s*版$/;

/** A line of the page's own furniture — its label, its date, its running head — which heads no story. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return PAGE_LABEL.test(t) || DATE_ALONE.test(t) || WEEKDAY_ALONE.test(t) || PAGE_NUMBER.test(t) || isRunningHead(t);
}

/** The page's label at the head of its running head: `第三版 要闻`, `07 经济`, `第6版 工会`. */
export const PAGE_LABEL = /^(?:第\s*[一二三四五六七八九十\d]{1,3}\s*版|\d{1,2})\s*[\u4e00-\u9fff]{2,6}$/;

/** A QR-code prompt printed in a page's service boxes: 扫码关注, 扫一扫 … */
const QR_PROMPT = /^(?:扫码|扫一扫|扫描二维码)[\u4e00-\u9fff]{0,6}$/;

/** A hotline's label, printed beside its number: 新闻服务热线, 读者热线, 投稿电话 … */
const HOTLINE_LABEL = /^[\u4e00-\u9fff]{0,8}(?:热线|电话|专线)$/;

/** A telephone number alone on its line. */
const PHONE_NUMBER = /^[\d\s-]{7,16}$/;

/** The label of a public-service advertisement's box. */
const PSA_LABEL = /^公益广告$/;

/** A slogan's line: short, no sentence punctuation. */
const SLOGAN = /^[^，。；！？,;!?]{1,12}$/;

/**
 * A line of a page's service boxes, which are set like small headlines among
 * the articles: a QR-code prompt and the name under it (扫码下载 / 新闻客户端), a
 * hotline's number and its label beside it (新闻服务热线 / 88851111), a public-service
 * advertisement's label and its slogan under it, maybe wrapped (公益广告 / 垃圾分类 从我 / 做起).
 */
export function isServiceBoxLine(lines: string[], i: number): boolean {
  const t = lines[i].trim();
  if (QR_PROMPT.test(t) || PHONE_NUMBER.test(t) || PSA_LABEL.test(t)) return true;
  const above = (k: number) => (i - k >= 0 ? lines[i - k].trim() : '');
  if (PSA_LABEL.test(above(1)) && SLOGAN.test(t)) return true;
  if (PSA_LABEL.test(above(2)) && SLOGAN.test(above(1)) && isWrappedTail(t)) return true;
  if (i > 0 && QR_PROMPT.test(lines[i - 1].trim()) && t.length <= 10 && !/[，。！？]/.test(t)) return true;
  return HOTLINE_LABEL.test(t) && [lines[i - 1], lines[i + 1]].some((n) => n !== undefined && PHONE_NUMBER.test(n.trim()));
}
