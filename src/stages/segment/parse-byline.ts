import type { Byline } from '../../tree/types.js';
import { BYLINE_BULLET, ROLE_WORDS } from '../../text/press-patterns.js';

type RoleKey = keyof Byline;

function roleOf(word: string): RoleKey {
  if (word.startsWith('摄影')) return 'photographers';
  if (word.includes('记者')) return 'reporters';
  return 'correspondents';
}

const ROLE_RE = new RegExp(`(${ROLE_WORDS.join('|')})`, 'g');
const NAME = /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}[·・][\u4e00-\u9fff]{1,8}$/;

/**
 * Names and their roles from a byline as printed: `记者张浩呈 通讯员周永卫报道`,
 * `（见习记者 许钟予 通讯员 徐榛妍 吴龙）`, `通讯员胡江丰、巫慧英 摄`. Names with
 * no role word before them are correspondents (`本报讯 毛朝阳、姚磊报道`); a
 * trailing `摄` makes every name a photographer.
 */
export function parseByline(raw: string): Byline {
  const out: Byline = { reporters: [], correspondents: [], photographers: [] };
  // (a line spread by letter-spacing sets its characters apart: `钟 予 通 讯 员 徐 榛`, `记 者`)
  const lines = raw.split(/\r?\n/).map((l) => l.replace(/(?<!\S)\S(?: \S)+(?!\S)/g, (run) => run.replace(/ /g, '')));
  let text = lines.join('').replace(BYLINE_BULLET, '').trim();
  text = text.replace(/^[（(]|[）)]$/g, '').trim();
  const photo = /\s*(摄影?|供图)$/.test(text);
  // (a closing word may be spread by letter-spacing where its line is: `记者胡翀报 道`)
  text = text.replace(/\s*(摄\s?影?|供\s?图|报\s?道|报\s?导)$/, '').trim();
  let role: RoleKey = 'correspondents';
  let afterAffiliation = false;
  for (const part of text.split(ROLE_RE)) {
    if (!part) continue;
    if (ROLE_WORDS.includes(part)) {
      role = roleOf(part);
      afterAffiliation = part === '共享联盟';
      continue;
    }
    for (let token of part.split(/[\s、，,；;]+/)) {
      if (!token) continue;
      // `共享联盟·婺城 蔡君楠`: the word after the mark is a place, not a name
      if (afterAffiliation && /^[·・]/.test(token)) {
        afterAffiliation = false;
        continue;
      }
      token = token.replace(/^[·・]+|[·・]+$/g, '');
      const key: RoleKey = photo ? 'photographers' : role;
      for (const name of NAME.test(token) ? [token] : namesRunTogether(token)) if (!out[key].includes(name)) out[key].push(name);
    }
  }
  return out;
}

/** Common surnames, the first character of most Chinese names. */
const SURNAMES = new Set('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柳鲍葛俞倪殷章');

/**
 * Two names that print ran together when the spaces between them went with a
 * justified line (`谭狄枫吴雯雯`, `徐榛妍吴龙`): split where the second begins
 * with a common surname, into names of two or three characters. Nothing when
 * no split is clear.
 */
function namesRunTogether(token: string): string[] {
  if (!/^[\u4e00-\u9fff]{5,6}$/.test(token) || !SURNAMES.has(token[0])) return [];
  const splits = [2, 3].filter((k) => token.length - k >= 2 && token.length - k <= 3 && SURNAMES.has(token[k]));
  return splits.length === 1 ? [token.slice(0, splits[0]), token.slice(splits[0])] : [];
}

export function bylineIsEmpty(b: Byline): boolean {
  return b.reporters.length + b.correspondents.length + b.photographers.length === 0;
}
