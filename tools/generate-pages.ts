// Test pages made by the project itself: articles laid out as a newspaper
// page in HTML/CSS (a grid of 4–8 columns, boxes spanning columns, kicker /
// title / subtitle in three sizes, bylines, photo boxes with captions and
// credits, framed hotlines, a masthead on front pages, justified text in
// columns), printed to PDF by the system's Chromium, with the truth file
// (../shared/corpus/GOLD-SCHEMA.md) written beside it. A shuffled twin writes
// the same page with its boxes in another source order, placed by explicit
// grid positions, so the PDF's text stream comes out in another order while
// the page looks the same. Chromium (the system's, driven by playwright-core)
// measures and prints.
//
//   npm run generate-pages -- --out DIR [--pages 12] [--seed 1] [--chromium PATH] [--font FAMILY]
//
// --font sets every text in one family instead of Noto Serif and Sans CJK.
// Chromium embeds a CFF-outlined font (Debian's Noto CJK) as Type 3 fonts, for
// which pdftotext's default mode writes a row of side-by-side column lines as
// one line of pieces; a TrueType-outlined one, as the shared pages have, gives
// each column line a block of its own (docs/STAGES.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePage, type ArticleRecord } from '../src/index.js';
import type { Masthead } from '../src/tree/types.js';
import { lunarDateOf, weekdayOf } from '../src/stages/masthead/check-masthead-dates.js';
import { readPdfPages } from '../src/pdf/pdf-items.js';
import { rng, shuffled } from './seeded.js';

export interface StoryMaterial {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  paragraphs: string[];
  captions: string[];
  reporters: string[];
  correspondents: string[];
}

/** An article of the truth file: the record shape without what only a parse has. */
export type TruthArticle = Omit<ArticleRecord, 'id' | 'confidence' | 'sources'>;

export interface Truth {
  page: string;
  paper: string;
  masthead: Masthead | null;
  articles: TruthArticle[];
  other: string[];
}

const PAPERS = [
  { name: '浙江工人日报', cn: 'CN33-0016', postal: '31-2', site: 'www.zjgrrb.com' },
  { name: '钱塘晨报', cn: 'CN33-0101', postal: '31-58', site: 'www.qtcb.cn' },
  { name: '江南劳动报', cn: 'CN32-0042', postal: '27-13', site: 'www.jnldb.cn' },
];
const SECTIONS = ['要闻', '经济', '工会', '区域', '时事', '综合', '社会', '民生'];
const EDITORS = ['许文博', '沈一帆', '方晴', '周嘉宁', '陈思远', '吕欣然'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Stories of the example pages, as our parser reads them: the words to lay out, not a truth. */
export function loadStories(dir: string): StoryMaterial[] {
  const stories: StoryMaterial[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const { record } = parsePage(readFileSync(join(dir, f)), f);
    for (const a of record.articles) {
      if (!a.title || a.paragraphs.length < 2) continue;
      stories.push({
        kicker: a.kicker,
        title: a.title,
        subtitle: a.subtitle,
        paragraphs: a.paragraphs.filter((p) => p.length >= 8 && !/[（(][下上]转|紧接/.test(p)),
        captions: a.captions,
        reporters: a.byline.reporters,
        correspondents: a.byline.correspondents,
      });
    }
  }
  return stories;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Box {
  row: number;
  col: number;
  span: number;
  html: string;
}

interface PageSpec {
  seed: number;
  name: string;
  pageNo: number;
  /** articles to place, at most */
  stories: number;
  /** one font family for every text (CSS), instead of Noto Serif and Sans CJK */
  font?: string;
}

/** One page: its HTML in reading order, the same boxes shuffled, and its truth. */
export function layOutPage(material: StoryMaterial[], spec: PageSpec): { html: string; shuffledHtml: string; truth: Truth } {
  const r = rng(spec.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const paper = pick(PAPERS);
  const date = new Date(Date.UTC(2021, 0, 1) + Math.floor(r() * 1000) * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = date.split('-').map(Number);
  const printedDate = `${y}年${m}月${d}日`;
  const weekday = weekdayOf(date)!;
  const columns = 4 + Math.floor(r() * 5);
  const body = 9 + Math.round(r() * 3) / 2;
  const front = spec.pageNo === 1;
  const section = front ? '要闻' : pick(SECTIONS);
  const other: string[] = [];
  const boxes: Box[] = [];
  const articles: TruthArticle[] = [];

  // the running head: 版次, 版名, date, editors (the page's, in `other`)
  const pageLabel = r() < 0.5 ? `第${NUMERALS[spec.pageNo - 1]}版` : String(spec.pageNo).padStart(2, '0');
  const editor = `责任编辑 ${pick(EDITORS)}`;
  const runningHead = front ? '' : `<header class="head"><span>${pageLabel}</span><span>${section}</span><span>${printedDate}</span><span>${weekday}</span><span>${editor}</span></header>`;
  if (!front) other.push(pageLabel, section, printedDate, weekday, editor);

  let masthead: Truth['masthead'] = null;
  let mastheadHtml = '';
  if (front) {
    const lunar = lunarDateOf(date);
    const issueNumber = 10000 + Math.floor(r() * 5000);
    masthead = { paper: paper.name, date, lunarDate: lunar, weekday, issueNumber, cn: paper.cn, postalCode: paper.postal, website: paper.site, email: null, address: null, zip: null };
    mastheadHtml = `<header class="mast">
<div class="ear"><div>农历${lunar}</div><div>${printedDate} ${weekday}</div></div>
<div class="name">${paper.name}</div>
<div class="ear right"><div>国内统一连续出版物号：${paper.cn}</div><div>邮发代号：${paper.postal} 总第${issueNumber}号</div><div>网址：${paper.site}</div></div>
</header>`;
  }

  // rows of boxes whose spans fill the grid; the last column sometimes a sidebar of a hotline frame
  const order = shuffled(material, r);
  let used = 0;
  let row = 1;
  let budget = front ? 0.78 : 0.92; // share of the page height left, roughly
  while (used < spec.stories && budget > 0.12) {
    const spans = rowSpans(columns, r);
    let rowHeight = 0;
    let col = 1;
    for (const span of spans) {
      if (used >= spec.stories) break;
      const story = order[used++ % order.length];
      const laid = layOutStory(story, { span, columns, body, pageNo: spec.pageNo, r, budget });
      boxes.push({ row, col, span, html: laid.html });
      articles.push(laid.truth);
      rowHeight = Math.max(rowHeight, laid.height);
      col += span;
    }
    budget -= rowHeight + 0.03;
    row++;
  }
  if (r() < 0.6) {
    const hotline = `${8 + Math.floor(r() * 2)}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
    const label = pick(['新闻热线', '读者热线', '新闻服务热线']);
    boxes.push({ row, col: columns, span: 1, html: `<div class="frame"><div class="hotline">${hotline}</div><div>${label}</div></div>` });
    other.push(hotline, label);
  }

  const css = pageCss(columns, body, spec.font);
  const place = (b: Box) => `<section class="box" style="grid-row:${b.row};grid-column:${b.col} / span ${b.span}">${b.html}</section>`;
  const page = (bs: Box[]) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${spec.name}</title><style>${css}</style></head><body>${runningHead}${mastheadHtml}<main class="grid">${bs.map(place).join('\n')}</main></body></html>`;
  return {
    html: page(boxes),
    shuffledHtml: page(shuffled(boxes, r)),
    truth: { page: `${spec.name}.pdf`, paper: paper.name, masthead, articles, other },
  };
}

/** Column spans of one row, adding up to the grid's columns. */
function rowSpans(columns: number, r: () => number): number[] {
  const spans: number[] = [];
  let left = columns;
  while (left > 0) {
    const span = left <= 2 || r() < 0.35 ? left : 2 + Math.floor(r() * (left - 1));
    spans.push(Math.min(span, left));
    left -= Math.min(span, left);
  }
  return spans;
}

interface StoryOptions {
  span: number;
  columns: number;
  body: number;
  pageNo: number;
  r: () => number;
  budget: number;
}

/** One article box: its HTML, its truth, and about what share of the page height it takes. */
function layOutStory(story: StoryMaterial, o: StoryOptions): { html: string; truth: TruthArticle; height: number } {
  const { r, span } = o;
  const wide = span / o.columns;
  // how much text fits: characters per line × lines, for a box of at most ~40% of the page height
  const perLine = Math.floor((wide * 760) / o.body) - 1;
  const maxLines = Math.floor(((Math.min(o.budget, 0.4) * 1100) / (o.body * 1.6)) * span);
  const kicker = story.kicker;
  const subtitle = story.subtitle;
  const photo = r() < 0.45 && span >= 2;
  const captions = photo && story.captions.length ? [story.captions[0]] : [];
  const photographers = photo && r() < 0.5 ? (story.reporters.length ? story.reporters.slice(0, 1) : ['胡江丰']) : [];
  const photoHeight = photo ? Math.round(80 + r() * 80) : 0;
  let lines = Math.max(6, maxLines - (photo ? Math.ceil((photoHeight * span) / (o.body * 1.6)) : 0));
  const paragraphs: string[] = [];
  for (const p of story.paragraphs) {
    const need = Math.ceil((p.length + 2) / perLine);
    if (need > lines) break;
    paragraphs.push(p);
    lines -= need;
  }
  if (paragraphs.length === 0) paragraphs.push(story.paragraphs[0].slice(0, perLine * 4));
  const jump = r() < 0.2 ? `第${NUMERALS[Math.min(11, o.pageNo + 1 + Math.floor(r() * 3))]}版` : null;
  const reporters = story.reporters.slice(0, 2);
  const correspondents = story.correspondents.slice(0, 2);
  const style = Math.floor(r() * 3);
  const names = (label: string, xs: string[]) => (xs.length ? `${label} ${xs.join(' ')}` : '');
  // run into the lead, names follow their role word and two of one role are set apart by 、 (记者曾晨路通讯员张晓燕、方俊勇报道)
  const runIn = (label: string, xs: string[]) => (xs.length ? `${label}${xs.join('、')}` : '');
  const bylineText = [names(r() < 0.5 ? '本报记者' : '记者', reporters), names('通讯员', correspondents)].filter(Boolean).join(' ');
  let bylineLine = '';
  let lead = '<b>本报讯</b> ';
  if (bylineText && style === 0) bylineLine = `<p class="byline">${esc(bylineText)}</p>`;
  else if (bylineText && style === 1) lead = `<b>本报讯（${esc(bylineText.replace(/^本报记者/, '记者'))}）</b>`;
  else if (bylineText) lead = `<b>本报讯</b> ${esc(runIn('记者', reporters) + runIn('通讯员', correspondents))}报道 `;
  const titleSize = Math.round((o.body * (1.9 + wide * 1.6)) * 2) / 2;
  const html = [
    kicker ? `<p class="kicker">${esc(kicker)}</p>` : '',
    `<h2 class="title" style="font-size:${titleSize}pt">${esc(story.title)}</h2>`,
    subtitle ? `<p class="subtitle">${esc(subtitle)}</p>` : '',
    photo ? `<figure><div class="photo" style="height:${photoHeight}pt"></div>${photographers.length ? `<p class="credit">${esc(photographers.join('、'))} 摄</p>` : ''}${captions.map((c) => `<figcaption>${esc(c)}</figcaption>`).join('')}</figure>` : '',
    bylineLine,
    `<div class="text" style="column-count:${span}">`,
    paragraphs.map((p, i) => `<p>${i === 0 ? lead : ''}${esc(p)}</p>`).join(''),
    jump ? `<p class="jump">（下转${jump}）</p>` : '',
    '</div>',
  ].join('');
  const textLines = paragraphs.reduce((n, p) => n + Math.ceil((p.length + 2) / perLine), 0) / span;
  const height = (titleSize * 1.4 + (subtitle ? 20 : 0) + (kicker ? 18 : 0) + photoHeight + (captions.length ? 24 : 0) + textLines * o.body * 1.6 + 20) / 1100;
  return {
    html,
    height,
    truth: {
      kicker,
      title: story.title,
      subtitle,
      byline: { reporters: bylineText ? reporters : [], correspondents: bylineText ? correspondents : [], photographers },
      dateline: '本报讯',
      paragraphs,
      captions,
      continuedFrom: null,
      continuedTo: jump,
      complete: !jump,
    },
  };
}

function pageCss(columns: number, body: number, font?: string): string {
  const one = font && `"${font.replace(/["\\]/g, '')}",sans-serif`;
  const serif = one || '"Noto Serif CJK SC","Noto Serif CJK",serif';
  const sans = one || '"Noto Sans CJK SC",sans-serif';
  return `@page{size:297mm 420mm;margin:0}
html,body{margin:0}
body{width:297mm;height:420mm;box-sizing:border-box;padding:11mm 12mm;color:#111;font-family:${serif};font-size:${body}pt}
.head{display:flex;gap:14pt;font:9pt ${sans};border-bottom:2px solid #111;padding-bottom:3pt;margin-bottom:10pt}
.head span:nth-child(3){margin-left:auto}
.mast{display:flex;align-items:center;justify-content:space-between;border-bottom:3px double #111;padding-bottom:6pt;margin-bottom:10pt}
.mast .name{font:bold 46pt ${serif};color:#b11;letter-spacing:4pt}
.mast .ear{font:8pt ${sans};line-height:1.6;width:150pt}
.mast .right{text-align:right}
.grid{display:grid;grid-template-columns:repeat(${columns},1fr);column-gap:12pt;row-gap:14pt;align-items:start}
.box{min-width:0;border-top:1px solid #999;padding-top:6pt}
.kicker{font:bold ${Math.round(body * 1.3)}pt ${sans};margin:0 0 2pt}
.title{font-family:${sans};font-weight:bold;line-height:1.25;margin:0 0 4pt}
.subtitle{font:${Math.round(body * 1.45)}pt ${sans};margin:0 0 6pt}
figure{margin:4pt 0 8pt}
.photo{background:#b4b4b4}
.credit{font:${body - 1.5}pt ${sans};text-align:right;margin:2pt 0 0}
figcaption{font:${body - 1}pt ${sans};margin:3pt 0 0}
.byline{font:bold ${body}pt ${sans};margin:0 0 4pt}
.text{column-gap:12pt;line-height:1.6;text-align:justify}
.text p{margin:0;text-indent:2em}
.text p.jump{text-align:right;text-indent:0}
.frame{border:1.5px solid #333;padding:8pt 4pt;text-align:center;font:${body}pt ${sans}}
.frame .hotline{font-size:${body * 1.6}pt;font-weight:bold}`;
}

export const CHROMIUM = process.env.BANMIAN_CHROMIUM ?? '/usr/bin/chromium';

export interface Printer {
  /** does the page fit on one sheet? */
  fits(html: string): Promise<boolean>;
  /** the page printed to PDF by Chromium (what `--headless --print-to-pdf` does) */
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** One headless Chromium for many pages (a launch per page costs seconds). */
export async function openPrinter(chromium = CHROMIUM): Promise<Printer> {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  return {
    async fits(html) {
      await page.setContent(html, { waitUntil: 'load' });
      // 420 mm at 96 px/in
      return page.evaluate(() => document.documentElement.scrollHeight <= Math.ceil((420 / 25.4) * 96) + 1);
    },
    async print(html) {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    },
    close: () => browser.close(),
  };
}

/**
 * Pages `name` and `name-shuffled` into `out`: PDF and truth (and pdftotext's
 * two texts where pdftotext is installed). A page that would not fit on one
 * sheet, measured or printed, is laid out again with one story fewer.
 */
export async function generatePage(printer: Printer, material: StoryMaterial[], out: string, name: string, seed: number, pageNo: number, font?: string): Promise<Truth> {
  for (let stories = 7; stories >= 1; stories--) {
    const { html, shuffledHtml, truth } = layOutPage(material, { seed, name, pageNo, stories, font });
    if (!(await printer.fits(html))) continue;
    const prints = [
      [name, html, truth],
      [`${name}-shuffled`, shuffledHtml, { ...truth, page: `${name}-shuffled.pdf` }],
    ] as const;
    const pdfs: Uint8Array[] = [];
    for (const [, source] of prints) pdfs.push(await printer.print(source)); // one page of the browser: in turn
    // (a page measured to fit can still print onto a second sheet: then it is laid out again, one story fewer, and
    // nothing of it is written)
    const sheets = await Promise.all(pdfs.map((pdf, i) => readPdfPages(pdf, prints[i][0])));
    if (sheets.some((s) => s.length !== 1)) continue;
    for (const [i, [file, , t]] of prints.entries()) {
      const pdf = pdfs[i];
      writeFileSync(join(out, `${file}.pdf`), pdf);
      writeFileSync(join(out, `${file}.gold.json`), JSON.stringify(t, null, 2) + '\n');
      if (existsSync('/usr/bin/pdftotext')) {
        execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, `${file}.pdf`), join(out, `${file}.default.txt`)]);
        execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(out, `${file}.pdf`), join(out, `${file}.raw.txt`)]);
      }
    }
    return truth;
  }
  throw new LayoutError(`${name}: no layout of its stories fits on one page`);
}

/** A page whose stories fit no layout on one sheet: skipped, the others go on. */
export class LayoutError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, pages: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' }, chromium: { type: 'string' }, font: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: npm run generate-pages -- --out DIR [--pages 12] [--seed 1] [--chromium PATH] [--font FAMILY]');
    process.exit(2);
  }
  const chromium = values.chromium ?? CHROMIUM;
  if (!existsSync(chromium)) {
    console.error(`generate-pages: no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk, or give --chromium PATH)`);
    process.exit(1);
  }
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const material = loadStories(join(import.meta.dirname, '..', 'examples', 'pages'));
  const seed = Number(values.seed);
  const printer = await openPrinter(chromium);
  try {
    for (let n = 0; n < Number(values.pages); n++) {
      const name = `g${String(seed).padStart(2, '0')}-${String(n).padStart(3, '0')}`;
      try {
        const truth = await generatePage(printer, material, out, name, seed * 1000 + n, n % 4 === 0 ? 1 : 2 + (n % 7), values.font);
        console.log(`${name}: ${truth.articles.length} articles${truth.masthead ? ', masthead' : ''} (and ${name}-shuffled)`);
      } catch (e) {
        if (!(e instanceof LayoutError)) throw e;
        console.error(`generate-pages: ${e.message}; skipped`);
        process.exitCode = 1;
      }
    }
  } finally {
    await printer.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
