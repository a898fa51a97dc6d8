// Message codes are data; wording is rendered from them in English and Chinese.
// docs/MESSAGES.md lists every code.

interface Wording {
  en: string;
  zh: string;
}

export const MESSAGES = {
  'decode/guessed-encoding': {
    en: 'no byte-order mark and not UTF-8; decoded as {encoding}',
    zh: '无字节序标记且非 UTF-8，按 {encoding} 解码',
  },
  'decode/cut-short': {
    en: 'the file ends in a {bytes}-byte piece of a character, as a file cut short does; the text before it was read, and the file may lack more',
    zh: '文件末尾是不完整字符的 {bytes} 个字节，文件可能被截断；其前的文本已读入，文件可能还缺更多内容',
  },
  'decode/columns-deinterleaved': {
    en: 'lines of side-by-side columns written in turn (pdftotext default mode) were put back together: {lines} lines, {columns} columns, mostly {period} side by side; their order is guessed from the text alone, and `pdftotext -raw` or the PDF itself keeps it',
    zh: '并排各栏逐行交错的文本（pdftotext 默认模式）已按栏重排：{lines} 行，{columns} 栏，多为 {period} 栏并排；栏序仅凭文字推断，`pdftotext -raw` 的输出或 PDF 原件可保留阅读顺序',
  },
  'reflow/joined-across-blank': {
    en: 'a sentence broken by a blank line was joined',
    zh: '被空行打断的句子已接续',
  },
  'masthead/weekday-mismatch': {
    en: 'masthead weekday {printed} disagrees with the date {date}, which is a {computed}',
    zh: '报头星期 {printed} 与日期 {date}（{computed}）不符',
  },
  'masthead/impossible-date': {
    en: 'masthead date {date} is no day of the calendar (misread or misprinted); the page is not filed under it',
    zh: '报头日期 {date} 并不存在（识别或印刷有误）；本版不按此日期归档',
  },
  'masthead/lunar-mismatch': {
    en: 'masthead lunar date {printed} disagrees with the date {date}, which is {computed}',
    zh: '报头农历 {printed} 与公历 {date}（{computed}）不符',
  },
  'segment/no-articles': {
    en: 'no article was found on the page',
    zh: '本版未找到文章',
  },
  'link/headline-assigned': {
    en: 'headline “{headline}” attached to the body starting “{body}” (score {score}); runner-up “{runnerUp}” ({runnerUpScore})',
    zh: '标题“{headline}”归入正文“{body}”（得分 {score}）；次选“{runnerUp}”（{runnerUpScore}）',
  },
  'link/headline-apart': {
    en: 'headline piece “{piece}”, printed apart, joins the headline of the body starting “{body}”',
    zh: '标题“{piece}”与正文“{body}”的标题分处两地，合为一组',
  },
  'link/stack-split': {
    en: 'headline lines “{before}” and “{after}”, printed together, head two bodies (score {score}); runner-up cut: {runnerUp}',
    zh: '相连的标题行“{before}”与“{after}”分属两篇（得分 {score}；次选切分：{runnerUp}）',
  },
  'link/headline-unassigned': {
    en: 'headline “{headline}” matches no body; kept as an article of its own',
    zh: '标题“{headline}”无对应正文，单独成篇',
  },
  'link/continuation-joined': {
    en: 'text starting “{fragment}” continues the article starting “{body}” (score {score}); runner-up ({runnerUpScore})',
    zh: '片段“{fragment}”接续文章“{body}”（得分 {score}；次选 {runnerUpScore}）',
  },
  'link/caption-assigned': {
    en: 'caption “{caption}” attached to the article “{article}” (score {score}); runner-up ({runnerUpScore})',
    zh: '图片说明“{caption}”归入“{article}”（得分 {score}；次选 {runnerUpScore}）',
  },
  'link/photo-text-before': {
    en: 'text “{text}”, written before the headline “{headline}” and its photo credit, is that photo story\'s, not the end of the article “{article}” (similarity to it {similarity})',
    zh: '标题“{headline}”及摄影署名之前的文字“{text}”属该图片新闻，而非文章“{article}”的结尾（相似度 {similarity}）',
  },
  'link/photo-story': {
    en: 'captioned photo “{caption}” stands as an article under the headline “{headline}”',
    zh: '图片新闻“{caption}”与标题“{headline}”成篇',
  },
  'identity/running-head-differs': {
    en: 'the running head prints {field} {printed}; the page is filed under {filed}',
    zh: '版头所印（{field}）为 {printed}，本版却归入 {filed}',
  },
} as const satisfies Record<string, Wording>;

export type MessageCode = keyof typeof MESSAGES;

export function renderMessage(
  m: { code: MessageCode; params: Record<string, string | number> },
  lang: 'en' | 'zh',
): string {
  const template: string = MESSAGES[m.code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(m.params[k] ?? ''));
}
