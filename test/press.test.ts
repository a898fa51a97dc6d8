// The helpers that read press conventions, called directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseByline, parseMastheadFields, checkMastheadDates, lunarDateOf, weekdayOf } from '../src/index.js';
import { isCalendarDate } from '../src/text/calendar-date.js';
import { splitLead } from '../src/stages/segment/split-lead.js';
import { isBylineLine, looksLikeHeadline } from '../src/text/press-patterns.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DIR } from './helpers.js';

/** An excerpt of a real page's extracted text (`test/fixtures/raw/NAME`), parsed as text. */
async function parseExcerpt(name: string) {
  const { parseText } = await import('../src/pipeline/run-pipeline.js');
  return parseText(readFileSync(join(TEST_DIR, 'fixtures', 'raw', name), 'utf8'), name);
}

/** A page given as its lines, parsed as text. */
async function parseLines(lines: string[], name: string) {
  const { parseText } = await import('../src/pipeline/run-pipeline.js');
  return parseText([...lines, ''].join('\n'), name);
}

/** An article's whole headline: kicker, title and subtitle, as the scorer's `titles` joins them. */
const headline = (a: { kicker: string | null; title: string | null; subtitle: string | null }) => [a.kicker, a.title, a.subtitle].join('');
/** The same with spaces dropped, as the scorer compares it (a stack's lines may join with spaces). */
const scoredHeadline = (a: { kicker: string | null; title: string | null; subtitle: string | null }) => headline(a).replace(/\s/g, '');

/** The story whose text begins so; asserts there is one, listing every story's beginning when not. */
function storyBeginning<A extends { paragraphs: string[] }>(record: { articles: A[] }, start: string): A {
  const story = record.articles.find((a) => a.paragraphs[0]?.startsWith(start));
  assert.ok(story, `${start}: ${JSON.stringify(record.articles.map((a) => a.paragraphs[0]))}`);
  return story;
}

/** In an excerpt, one paragraph ends with `end` and each of `starts` begins one. */
async function excerptBreaksAt(name: string, end: string, ...starts: string[]): Promise<void> {
  paragraphsBreakAt((await parseExcerpt(name)).record, end, ...starts);
}

/** The byline of the story in an excerpt whose text begins with `start`. */
async function bylineOfStory(name: string, start: string) {
  const { record } = await parseExcerpt(name);
  return storyBeginning(record, start).byline;
}

/** In the excerpt, the story whose text begins with `start` is headed by `want`, and a paragraph before it ends with `end`. */
async function headsStoryAfterParagraph(name: string, start: string, want: string, end: string): Promise<void> {
  const { record } = await parseExcerpt(name);
  assert.equal(headline(storyBeginning(record, start)), want);
  assert.ok(record.articles.some((a) => a.paragraphs.some((p) => p.endsWith(end))), `a paragraph ends ${end}`);
}

/** Among the page's paragraphs, one ends with `end` and each of `starts` begins one: the breaks fall there. */
function paragraphsBreakAt(record: { articles: Array<{ paragraphs: string[] }> }, end: string, ...starts: string[]): void {
  const paragraphs = record.articles.flatMap((a) => a.paragraphs);
  assert.ok(paragraphs.some((p) => p.endsWith(end)), `ends ${end}: ${JSON.stringify(paragraphs.map((p) => p.slice(-16)))}`);
  for (const start of starts) assert.ok(paragraphs.some((p) => p.startsWith(start)), `begins ${start}: ${JSON.stringify(paragraphs.map((p) => p.slice(0, 16)))}`);
}

const byline = (s: string) => {
  const b = parseByline(s);
  return [b.reporters, b.correspondents, b.photographers];
};

test('bylines: roles and names in the forms papers print', () => {
  assert.deepEqual(byline('记者张浩呈 通讯员周永卫报道'), [['张浩呈'], ['周永卫'], []]);
  assert.deepEqual(byline('▢ 全媒体记者 王婷'), [['王婷'], [], []]);
  assert.deepEqual(byline('本报记者 万笑影 通讯员 谭狄枫 吴雯雯'), [['万笑影'], ['谭狄枫', '吴雯雯'], []]);
  assert.deepEqual(byline('（见习记者 许钟予 通讯员 徐榛妍 吴龙）'), [['许钟予'], ['徐榛妍', '吴龙'], []]);
  assert.deepEqual(byline('通讯员胡江丰、巫慧英 摄'), [[], [], ['胡江丰', '巫慧英']]);
  assert.deepEqual(byline('毛朝阳、姚磊报道'), [[], ['毛朝阳', '姚磊'], []]);
  assert.deepEqual(byline('（共享联盟·婺城 蔡君楠 记者 陆欣）'), [['陆欣'], ['蔡君楠'], []]);
  assert.deepEqual(byline('记者曾晨路通讯员张晓燕、方俊勇报道'), [['曾晨路'], ['张晓燕', '方俊勇'], []]);
  // the closing word spread by letter-spacing where its line is (own TrueType seed 83, page 0)
  assert.deepEqual(byline('记者胡翀\n报 道'), [['胡翀'], [], []]);
  // role words and names spread so, and broken across lines (own TrueType seeds 91 and 93, page 6)
  assert.deepEqual(byline('记 者\n王婷报道'), [['王婷'], [], []]);
  assert.deepEqual(byline('记者许\n钟 予 通 讯 员 徐 榛\n妍、吴龙报道'), [['许钟予'], ['徐榛妍', '吴龙'], []]);
  // names ran together where a justified line took the space between them: split at a surname when that is clear
  assert.deepEqual(byline('（记者 万笑影通讯员谭狄枫吴雯雯）'), [['万笑影'], ['谭狄枫', '吴雯雯'], []]);
  assert.deepEqual(byline('（记者许钟予 通讯员 徐榛妍吴龙）'), [['许钟予'], ['徐榛妍', '吴龙'], []]);
  assert.deepEqual(byline('通讯员王芳李张华报道'), [[], [], []]); // 王芳 李张华 or 王芳李 张华: not clear
});

/** An opening paragraph's parts as text. */
const parts = (s: string) => {
  const p = splitLead(s);
  return p && Object.fromEntries(Object.entries(p).map(([k, [a, b]]) => [k, s.slice(a, b)]));
};

test('opening paragraphs: dateline, byline, body and jumps are cut apart', () => {
  assert.deepEqual(parts('本报讯 记者张浩呈报道 记者昨日从杭州海关获悉'), { dateline: '本报讯', byline: '记者张浩呈报道', body: '记者昨日从杭州海关获悉' });
  assert.deepEqual(parts('本报讯（记者 王逸群）为大力弘扬社会正气'), { dateline: '本报讯', byline: '（记者 王逸群）', body: '为大力弘扬社会正气' });
  assert.deepEqual(parts('本报讯 6月17日上午，市委书记'), { dateline: '本报讯', body: '6月17日上午，市委书记' });
  assert.deepEqual(parts('（紧接第一版）今年1至9月'), { jumpFrom: '（紧接第一版）', body: '今年1至9月' });
  assert.deepEqual(parts('本报讯 记者李凡报道 会议召开。（下转第四版）'), { dateline: '本报讯', byline: '记者李凡报道', body: '会议召开。', jumpTo: '（下转第四版）' });
  assert.equal(splitLead('记者了解到，浙江省居住证'), null);
});

test('a lead\'s byline whose opening parenthesis was read as a book-title mark is still its byline', () => {
  // shared p005, p000, p008 and own pages printed to images and read by tesseract: `（` came out as `《` or `〈`
  assert.deepEqual(parts('本报讯《记者张浩呈通讯员周永卫)近日上午，趁着一天忙碌'), { dateline: '本报讯', byline: '《记者张浩呈通讯员周永卫)', body: '近日上午，趁着一天忙碌' });
  assert.deepEqual(parseByline('记者张浩呈通讯员周永卫'), { reporters: ['张浩呈'], correspondents: ['周永卫'], photographers: [] });
  assert.deepEqual(parts('本报讯〈全媒体记者胡翀)从“卡端”到“指端”'), { dateline: '本报讯', byline: '〈全媒体记者胡翀)', body: '从“卡端”到“指端”' });
  // a book title is no byline: no role word opens it, or it closes as a title
  assert.deepEqual(parts('本报讯《浙江日报》记者昨日获悉'), { dateline: '本报讯', body: '《浙江日报》记者昨日获悉' });
  assert.deepEqual(parts('本报讯《记者手记》一书近日出版(图)'), { dateline: '本报讯', body: '《记者手记》一书近日出版(图)' });
});

test('line kinds: bylines and headlines', () => {
  assert.ok(isBylineLine('▢ 全媒体记者 王婷'));
  assert.ok(!isBylineLine('记者了解到，浙江省居住证互通互认'));
  assert.ok(looksLikeHeadline('跳桥救人小哥彭清林等，一等功！'));
  assert.ok(looksLikeHeadline('研究共同富裕、数字化改革等议题'));
  assert.ok(!looksLikeHeadline('会议指出，全市按照省委、金华市委部署要求，对照重点工作。'));
});

test('a byline\'s box bullet that OCR read as 口 is its bullet', () => {
  // shared p006, p009 and own seed 81 read by tesseract: `▢ 见习记者 曾晨路` came out as `口见习记者曾晨路`
  assert.ok(isBylineLine('口见习记者曾晨路'));
  assert.deepEqual(parseByline('口见习记者曾晨路通讯员张晓燕方俊勇'), { reporters: ['曾晨路'], correspondents: ['张晓燕', '方俊勇'], photographers: [] });
  // a 口 that no role word follows is a character
  assert.ok(!isBylineLine('口岸记者站'));
  assert.ok(!isBylineLine('口述历史记录'));
});

test('masthead fields are read as printed, OCR errors and all', () => {
  const fields = (s: string) => Object.fromEntries(parseMastheadFields(s).map((h) => [h.field, h.value]));
  assert.deepEqual(fields('邮发代号: 31—2 总第12139号'), { postalCode: '31—2', issueNumber: 12139 });
  assert.deepEqual(fields('国内统一刊号: CN33—0018'), { cn: 'CN33—0018' });
  assert.deepEqual(fields('电子邮件: ziarxw@163.com'), { email: 'ziarxw@163.com' });
  assert.deepEqual(fields('电子版:www.zjgrrb.com'), { website: 'www.zjgrrb.com' });
  assert.deepEqual(fields('社址:杭州市学院路107号 邮编:310012'), { address: '杭州市学院路107号', zip: '310012' });
  assert.deepEqual(fields('2022年6月22日'), { date: '2022-06-22' });
  assert.deepEqual(fields('壬寅年十一月廿三'), { lunarDate: '壬寅年十一月廿三' });
  // generated front pages (own seeds 21, 27): the name set beside the registration numbers on one line
  assert.deepEqual(fields('钱塘晨报 国内统一连续出版物号：CN33-0101'), { paper: '钱塘晨报', cn: 'CN33-0101' });
  assert.deepEqual(fields('江南劳动报国内统一连续出版物号：CN32-0042'), { paper: '江南劳动报', cn: 'CN32-0042' });
  // (a line that only mentions a registration number names no paper)
  assert.deepEqual(fields('本报讯 总第100号'), { issueNumber: 100 });
  assert.deepEqual(fields('据晚报 报道，总第100号'), { issueNumber: 100 });
});

// Found on generated front pages in pdftotext's default mode (own seeds 25, 27, 29): the paper's name on a
// line of its own, a headline written between it and the registration numbers under it.
test('a name ending in 报 over the registration numbers is the paper, whatever its kind of 报', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'name-over-registration.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  assert.equal(record.masthead?.paper, '江南劳动报');
  assert.equal(record.masthead?.cn, 'CN32-0042');
  assert.equal(record.masthead?.date, '2021-08-10');
});

// Own seed 105 (pdftotext's default mode, page 6; drawn as held out at the end of the session, where this session's
// cut of headline runs had lowered it): the running head's lines (`第八版` / `时事` / … / `2022年3月12日` / `星期六`)
// stood in one headline run with a title, and the date, sharing figures with the other story, was cut off to head it.
test('a run of headline lines is not cut to give the page\'s date or label a story', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'running-head-lines-in-stack.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  const trade = record.articles.find((a) => a.title?.startsWith('1~4月浙江出口突破万亿元'));
  assert.ok(trade, JSON.stringify(record.articles.map(headline)));
  assert.ok(!headline(trade).includes('2022年3月12日'), headline(trade));
  assert.ok(!record.messages.some((m) => m.code === 'link/stack-split'), JSON.stringify(record.messages.filter((m) => m.code === 'link/stack-split')));
});

// Own seed 107 (pdftotext's default mode, page 9; drawn as held out, then read): the page's number and its section's
// name come as blocks of their own (`第四版` / `工会`), a headline between them and the date; the name had become
// the first word of that headline.
test('in interleaved columns, a page number with its section name apart from it is the running head\'s label', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'page-number-apart-from-section.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  assert.ok(record.other.includes('第四版 工会 2021年9月17日 星期五 责任编辑 沈一帆'), JSON.stringify(record.other));
  assert.ok(record.articles.some((a) => a.title === '绍兴全域实现浙江省电子居住证互通互认'), JSON.stringify(record.articles.map(headline)));
  for (const a of record.articles) assert.doesNotMatch(headline(a), /^工会/);
});

// Own seed 43 (pdftotext's default mode, g43-002; its default text first read on 2026-12-04, twenty-eighth session): two headline
// stacks that no column took, each a block of its own in the source (`市领导督查重点项目建设情况`, then
// `省党代表潘超宇关注…` written in pieces), were written together in the derived text, and the second became
// the first's subtitle.
test('in interleaved columns, headline stacks the source writes apart stay apart', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'stacks-apart.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  const heads = record.articles.map(scoredHeadline);
  assert.ok(heads.includes('市领导督查重点项目建设情况'), JSON.stringify(heads));
  assert.ok(heads.includes('省党代表潘超宇关注人才高地建设——看到了技能人才的美好未来'), JSON.stringify(heads));
});

// Found on the shared generated pages in pdftotext's default mode (p003): a question title (`如何应对疫情高峰？`) written
// between the rows of a column, which stops mid-sentence before it (`…数字化改革带来`) and goes on after it
// (`的便利。日前…`): it had been read as the end of that sentence, and its story had lost it.
test('in interleaved columns, a question title cutting through a column heads its own story', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'question-title-in-column.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  const story = record.articles.find((a) => a.title === '如何应对疫情高峰？');
  assert.ok(story, JSON.stringify(record.articles.map(headline)));
  assert.equal(story.subtitle, '浙江将从5个方面发力');
  assert.deepEqual(story.byline.reporters, ['程雪']);
  const residence = storyBeginning(record, '从“卡端”到“指端”的迭代升级');
  assert.match(residence.paragraphs[0], /数字化改革带来的便利。日前，浙江省电子居住证互通互认制度改革在绍兴实现了全域覆盖/);
  for (const a of record.articles) for (const p of a.paragraphs) assert.doesNotMatch(p, /如何应对疫情高峰/);
});

// Found on the shared generated pages in pdftotext's default mode (p002): a narrow column's lead breaks inside
// its byline's parentheses (`本报讯 (记者 张浩` / `呈 通讯员 周永卫) 近日`), and the rows of the column beside it
// come between; the line that closes the bracket is the one that goes on.
test('in interleaved columns, a line that closes a bracket the line before left open continues it', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'byline-bracket-across-rows.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  const story = storyBeginning(record, '近日上午，趁着一天忙碌还未开始，宁波市江北区');
  assert.deepEqual(story.byline.reporters, ['张浩呈']);
  assert.deepEqual(story.byline.correspondents, ['周永卫']);
});

// The same page (p002): its running head is the page's label and the date, with no editors beside them (they
// are printed at the foot); pdftotext's default mode writes each as a block of its own.
test('a page label with the date after it is the running head, not part of a headline', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'byline-bracket-across-rows.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  assert.ok(record.other.includes('第2版 区域 2021年10月22日 星期五'), JSON.stringify(record.other));
  for (const a of record.articles) assert.doesNotMatch(headline(a), /星期五|第2版/);
});

// Own seed 29 (-raw, page 000): a photo's credit under the stack (`张浩呈摄`), its caption, then the story's byline
// and dateline; the caption had become a story of its own with no headline.
test('a sentence between a photo\'s credit and the story\'s byline is the photo\'s caption', async () => {
  const { record } = await parseExcerpt('caption-between-credit-and-byline.txt');
  assert.equal(record.articles.length, 1, JSON.stringify(record.articles.map(headline)));
  assert.deepEqual(record.articles[0].captions, ['杭州市委副书记、代市长姚高员(左)与出征企业代表交流。']);
  assert.deepEqual(record.articles[0].byline.photographers, ['张浩呈']);
});

// Shared page p005-scrambled (-raw): its stream begins with a photo's caption, before any story's headline.
test('a sentence before anything of a story on the page, over a headline, is a caption, not a story\'s end', async () => {
  const { record } = await parseExcerpt('caption-before-first-stack.txt');
  const story = storyBeginning(record, '近日上午，趁着一天忙碌还未开始');
  assert.deepEqual(story.captions, ['宁波江北快递小哥正学习“时代楷模”钱海军事迹。']);
  assert.ok(!record.articles.some((a) => a.paragraphs.some((p) => p.includes('宁波江北快递小哥正学习'))));
});

// Shared page p000-scrambled (-raw): the photo's caption, printed across two columns, comes in the stream right
// after the story's last line; a line twice as wide as the column it follows is none of that column's.
test('after a story\'s text, a sentence set wider than its column by half again is a caption', async () => {
  const { record } = await parseExcerpt('wide-caption-after-story.txt');
  const story = storyBeginning(record, '小讲台有大磁场，微课堂有大能量。');
  assert.deepEqual(story.captions, ['昨日下午，“守好红色根脉·班前十分钟活动”全省职工思想政治工作优秀案例展评在杭举行。']);
  assert.equal(story.paragraphs.length, 2);
  assert.match(story.paragraphs[1], /位列前30名的优秀案例参与到昨日的集中展评。$/);
});

// Own seed 41 (-raw, page 8): a caption across columns, broken at its quote mark and wrapped mid-word over three
// lines (`昨日下午，` / `“守好红色根脉·班前十分钟活` / `动”全省职工…展评在` / `杭举行。`), had its first lines read into the
// subtitle above it.
test('a caption set wider than the column, wrapped mid-word over lines until its sentence ends, is one caption', async () => {
  const { record } = await parseExcerpt('wide-caption-wrapped-mid-word.txt');
  const story = storyBeginning(record, '小讲台有大磁场，微课堂有大能量。');
  assert.equal(scoredHeadline(story), '精神之光点亮奋进之路“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行');
  assert.deepEqual(story.captions, ['昨日下午，“守好红色根脉·班前十分钟活动”全省职工思想政治工作优秀案例展评在杭举行。']);
});

// Found on the shared generated page p001 (pdftotext's default mode, its lower half): the line that ends a column
// of the story above (`…确保全省医疗物资和防疫物资`) read on into the next story's dateline (`本报讯（记者 张浩呈）…`)
// seven blocks later, `资本` being a word; that story then began without its lead. A dateline opens a story.
test('in interleaved columns, no column goes on into a line that opens with a dateline', async () => {
  const { parsePage } = await import('../src/pipeline/run-pipeline.js');
  const name = 'dateline-in-interleaved-rows.txt';
  const { record } = parsePage(readFileSync(join(TEST_DIR, 'fixtures', 'default', name)), name);
  const story = storyBeginning(record, '记者昨日从杭州海关获悉，今年1~4月');
  assert.equal(story.dateline, '本报讯');
  assert.deepEqual(story.byline.reporters, ['张浩呈']);
  assert.match(headline(story), /^1~4月浙江出口突破万亿元/);
  const others = record.articles.filter((a) => a !== story).flatMap((a) => a.paragraphs);
  assert.ok(!others.some((p) => p.includes('记者昨日从杭州海关')), 'the lead stands in another story');
});

// Found on the shared generated page p006 (pdftotext's default mode): the editors' line stands at the top of the
// page, its label and date at the foot; written straight over the first headline, it was read as part of it.
test("the editors' line alone is the running head's, not a headline's", async () => {
  const { record } = await parseLines(
    ['责任编辑 陈思远 美术编辑 吕欣然', '中共浙江省委决定在全省广泛开展向钱海军同志学习活动', '本报讯 为深入学习贯彻习近平总书记关于劳模精神、劳动精神和工匠精神的重要论述，大力弘扬“奋斗之美”精神品质，树立新时代劳动者的良好形象。'],
    'editors-alone.txt',
  );
  assert.deepEqual(record.articles.map(headline), ['中共浙江省委决定在全省广泛开展向钱海军同志学习活动']);
  assert.ok(record.other.includes('责任编辑 陈思远 美术编辑 吕欣然'), JSON.stringify(record.other));
});

// Found on own generated pages (seeds 33, 37, 41) in pdftotext's -raw mode: a headline wrapped in a narrow box
// whose last character shares its baseline with the story's first line, written as one line with it
// (`年轻干部健康成` / `长本报讯 记者戴睿云通讯员郑静`).
test('a headline\'s last character run into the lead line is the headline\'s, and the lead begins at its dateline', async () => {
  const { record } = await parseExcerpt('headline-tail-in-lead.txt');
  const story = storyBeginning(record, '“过去我以为排查廉政风险都是领');
  assert.equal(headline(story), '鹿城廉政导师助年轻干部健康成长');
  assert.equal(story.dateline, '本报讯');
  assert.deepEqual(story.byline.reporters, ['戴睿云']);
});

// Own seed 49 (-raw, page 1): a title wrapped four characters a line, its last character alone (`超1831亿` / `元`),
// then the subtitle; the lone character had cut the stack in two, and the subtitle headed the story alone.
test('a headline\'s last character on a line of its own inside its stack is the headline\'s', async () => {
  const { record } = await parseExcerpt('headline-tail-inside-stack.txt');
  const story = storyBeginning(record, '昨日从义乌海关获悉');
  assert.equal(scoredHeadline(story), '1-5月义乌外贸进出口总值超1831亿元较去年同期增长43.7%');
  assert.ok(!record.articles.some((a) => a.paragraphs.includes('元')), JSON.stringify(record.articles.map(headline)));
});

// Own seed 51 (-raw, page 9): a paragraph cut off at a comma (`息工作摆到重要位置,`) over a title and subtitle wrapped
// every five to seven characters, nine lines before the dateline; the stack's first line had ended the cut paragraph.
test('a stack of up to twelve narrow lines under a paragraph cut mid-clause begins there', async () => {
  const { record } = await parseExcerpt('long-stack-after-cut.txt');
  const story = storyBeginning(record, '为深入学习贯彻习近平总书记');
  assert.equal(scoredHeadline(story), '中共浙江省委决定在全省广泛开展向钱海军同志学习活动中共浙江省委关于开展向钱海军同志学习活动的决定');
  assert.ok(!record.articles.some((a) => a.paragraphs.some((p) => p.endsWith('中共浙江省'))));
});

// Own TrueType seed 85 (-raw, page 9): a title wrapped over two lines, its second holding an enumeration mark
// (`会议研究共同富裕、数字化改革等议`), its last character run by the extractor into the byline's line
// (`题本报讯记者王婷报道`); the character had begun the lead, the byline unread.
test('a headline\'s last character run into the lead under a stack line with an enumeration mark is the headline\'s', async () => {
  const { record } = await parseExcerpt('enumerated-title-tail-glued.txt');
  const story = storyBeginning(record, '6月17日上午');
  assert.equal(scoredHeadline(story), '市委全面深化改革委员会举行第7次会议研究共同富裕、数字化改革等议题');
  assert.deepEqual(story.byline.reporters, ['王婷']);
});

// Own TrueType seed 85 (-raw, page 0): in a ten-character column, a paragraph's indented first line spread by
// letter-spacing (`钱 海 军 ， 男 ， 汉`) over another spread line that goes on with it (`族 ， 宁 波 慈 溪 人 ，`); the second
// had been taken for a paragraph's first line too, so the first was not seen as one.
test('an indented line spread by letter-spacing over a spread line that goes on with it begins a paragraph', async () => {
  await excerptBreaksAt('spread-line-under-indented.txt', '在全省广泛开展向钱海军同志学习活动。', '钱海军，男，汉族，宁波慈溪人，1970年2月生');
});

// Own TrueType seed 87 (-raw, page 2): a paragraph's short last line (`比赛。`) over the next paragraph's first line,
// which opens with a quote and is spread by letter-spacing (`“ 目 前 主 要 是 夯 实 传`); the two had been taken for
// pieces of one printed line broken at its quote mark.
test('a line spread by letter-spacing is no piece of the printed line of an unspaced sentence end before it', async () => {
  await excerptBreaksAt('spread-quote-after-sentence.txt', '这是省运会在义乌赛区的第一项比赛。', '“目前主要是夯实传球、接球等足球基本功');
});

// Own TrueType seed 83 (-raw, page 0): after a paragraph's last sentence, a title that asks (`如何应对疫情高峰？`), its
// subtitle and the dateline; the question, ending as a sentence does, had been read as the paragraph's.
test('a title ending in a question after a paragraph heads the stack over the next dateline', async () => {
  await headsStoryAfterParagraph('question-title-after-paragraph.txt', '根据专家研判', '如何应对疫情高峰？浙江将从5个方面发力', '来自河南省商城县的余师傅领到了浙江省电子居住证。');
});

// Own TrueType seed 83 (-raw, page 0): a lead's byline wrapped before its closing word, the next line spread by
// letter-spacing (`本报讯 记者胡翀` / `报 道 从 “ 卡 端 ” 到`); 报道 had begun the story's text, the byline unread.
test('a byline wrapped before its closing 报道 goes on into a line spread by letter-spacing', async () => {
  assert.deepEqual((await bylineOfStory('question-title-after-paragraph.txt', '从“卡端”到“指端”的迭代升级')).reporters, ['胡翀']);
});

// Own TrueType seed 85 (-raw, page 6): an indented first line holding a Latin letter (`鹿城区纪委监委还在“e鹿`) after a
// sentence's end; only figures had been let into an indented line's measure, so the paragraph ran on.
test('an indented line with a Latin letter in it, after a sentence\'s end, begins a paragraph', async () => {
  await excerptBreaksAt('indented-line-with-latin-letter.txt', '助力“青廉工程”。', '鹿城区纪委监委还在“e鹿清廉”平台上');
});

// Own TrueType seed 87 (-raw, page 7): a story's text cut off mid-clause over its jump (`年成立以来,` / `（下转第四版）`),
// then the next story's title; the cut text, headline-like, had become that story's kicker and title, jump and all.
test('text cut off mid-clause over its continued-on jump is text, not the next story\'s headline', async () => {
  const { record } = await parseExcerpt('cut-text-before-jump.txt');
  assert.ok(record.articles.every((a) => !headline(a).includes('下转')), JSON.stringify(record.articles.map(headline)));
  assert.ok(record.articles.some((a) => a.paragraphs.some((p) => p.endsWith('“潘超宇技能大师工作室”自2012年成立以来,'))));
});

// Own TrueType seed 95 (-raw, page 5): a lead's byline in brackets wrapped over two printed lines (`本报讯（记者 陆欣 通讯员`
// / `蔡君楠）近日，` + `“婺城护苗助学”`, the second broken at its quote mark); the two lines had been measured as one,
// so the second's quoted piece did not fit it and the paragraph broke there.
test('a lead whose bracketed byline wraps onto its second printed line is one paragraph', async () => {
  assert.deepEqual((await bylineOfStory('bracket-byline-wrapped.txt', '近日，“婺城护苗助学”“婺城暖心助残”基金在四川省甘孜州道孚县成立。')).correspondents, ['蔡君楠']);
});

// Own TrueType seed 91 (-raw, page 7): the lead's text begins on the byline's line (`通讯员周永卫报道 近日` /
// `上午，趁着一天忙碌还`); the byline line had been taken to stand alone, leaving `近日` a paragraph of its own.
test('a byline line whose story\'s text begins after its 报道 does not stand alone', async () => {
  const { record } = await parseExcerpt('lead-begins-after-byline.txt');
  storyBeginning(record, '近日上午，趁着一天忙碌还未开始');
});

// Own TrueType seed 93 (-raw, page 8): after a clause ended by a semicolon, a line spread by letter-spacing whose
// characters with an indent would fill the column (`一 般 贸 易 进 出 口 478.8 亿 元 ， 增 长`, sixteen and a half em
// wide): it shows spacing, so it is no indented first line but the paragraph's next line.
test('a spread line too full to hold an indent and its spacing goes on in its paragraph', async () => {
  await excerptBreaksAt('spread-line-too-full-for-indent.txt', '占义乌市出口总值的69.6%；一般贸易进出口478.8亿元，增长58.2%；', '保税物流进出口75.4亿元');
});

// Own TrueType seed 93 (-raw, page 6): the other side of that measure — a spread line whose characters and an indent
// leave a little room in an eight-em column (`11 月 2 日 ， 彭`, five and a half em) begins a paragraph after a
// sentence's end; a whole em of room asked for had made it the paragraph's next line.
test('a spread line whose characters and an indent leave room for its spacing may begin a paragraph', async () => {
  await excerptBreaksAt('spread-indented-line-with-figures.txt', '2023年第三季度“中国好人榜”。', '11月2日，彭清林落户杭州。');
});

// Own TrueType seed 91 (-raw, page 3): after a paragraph's last sentence, a story's title in as many characters as the
// column holds (`精神之光点亮奋进之路`) over its subtitle set across columns; the title had been read on into the paragraph.
test('a headline line over a subtitle set wider than the column, after a paragraph, is the next story\'s title', async () => {
  await headsStoryAfterParagraph('title-over-wide-subtitle.txt', '小讲台有大磁场', '精神之光点亮奋进之路“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行', '1000余名职工参与其中。');
});

// Own TrueType seed 89 (-raw, page 1): a title wrapped right after its enumeration mark at the page's top
// (`市委全面深化改革委员会举` / `行第7次会议研究共同富裕、` / `数字化改革等议题`, then the byline); the mark had ended the
// stack, the lines above it were taken for a paragraph cut off there and the last line for the title.
test('a title wrapped after its enumeration mark stays one stack', async () => {
  const { record } = await parseExcerpt('title-wrapped-after-enumeration-mark.txt');
  assert.deepEqual(record.articles.map(headline), ['市委全面深化改革委员会举行第7次会议研究共同富裕、数字化改革等议题']);
});

// Own TrueType seed 93 (-raw, page 3): a paragraph cut off at a comma over a kicker, a title ending in an exclamation
// and the photo's credit, then the dateline; with the credit between, the exclamation had ended no stack, and the
// kicker and title had been read on into the cut paragraph.
test('a stack ending in an exclamation over a photo credit, under a paragraph cut mid-clause, is the next story\'s', async () => {
  const { record } = await parseExcerpt('exclaimed-stack-over-credit-after-cut.txt');
  const story = storyBeginning(record, '为大力弘扬社会正气');
  assert.equal(headline(story), '浙江省政府给予18人记功奖励跳桥救人小哥彭清林等，一等功！');
});

// Own generated page (seed 7, page 9) as the PDF layout wrote it before the twelfth session: the title of a story
// in a band across the top, read next to another story's title, its subtitle over its columns further down; the
// link stage joins the title to the stack of the body it matches and says so.
test('a title printed away from its subtitle and body joins their stack, and the join is reported', async () => {
  const { record } = await parseExcerpt('stack-printed-apart.txt');
  const story = storyBeginning(record, '为深入学习贯彻习近平总书记');
  assert.equal(headline(story), '中共浙江省委决定在全省广泛开展向钱海军同志学习活动中共浙江省委 关于开展向钱海军同志学习活动的决定');
  assert.ok(record.messages.some((m) => m.code === 'link/headline-apart'), 'the join is reported');
});

// Own seed 37 (-raw, page 9): after a paragraph's full last line, a title broken inside its quote and its last
// character alone (`点燃“红色引` / `擎”激发强劲动` / `力`), then the subtitle, byline and dateline; the title had been read
// on into the paragraph above.
test('a title broken inside its quote under a paragraph\'s end heads its stack, not the paragraph\'s last sentence', async () => {
  const { record } = await parseExcerpt('quoted-title-after-paragraph.txt');
  const story = storyBeginning(record, '党的力量来自组织。');
  assert.equal(scoredHeadline(story), '点燃“红色引擎”激发强劲动力——我省锻造坚强有力的省直机关基层党组织');
  assert.ok(!record.articles.some((a) => a.paragraphs.some((p) => p.includes('激发强劲动力'))));
});

// Own seed 47 (-raw): the same narrow stack's last character on a line of its own over the byline, not the dateline.
test('a headline\'s last character on a line of its own over the byline is the headline\'s', async () => {
  const { record } = await parseExcerpt('headline-tail-over-byline.txt');
  const story = storyBeginning(record, '全省工会信息工作座谈会昨日在杭召开');
  // (the narrow stack's split into title and subtitle is another matter)
  assert.equal(scoredHeadline(story), '全省工会信息工作座谈会提出推动工会信息工作再上新台阶');
  assert.deepEqual(story.byline.reporters, ['胡翀']);
});

// Own seed 47 (-raw): a title ending in an exclamation, a comma in it, over the photo's credit and the lead — the
// story's title, not the photo's caption.
test('an exclaimed title over a credit and a lead heads the story; it is not a caption', async () => {
  const { record } = await parseExcerpt('exclaimed-title-over-credit.txt');
  const story = storyBeginning(record, '为大力弘扬社会正气，倡导见义勇为');
  assert.equal(headline(story), '浙江省政府给予18人记功奖励跳桥救人小哥彭清林等，一等功！');
  assert.deepEqual(story.captions, []);
});

// Own seed 43 (-raw): a title in a narrow box whose third line holds an enumeration comma (`究共同富裕、数字化`).
test('a narrow headline stack over the dateline may hold an enumeration comma past its first line', async () => {
  const { record } = await parseExcerpt('stack-with-enumeration-comma.txt');
  const story = storyBeginning(record, '6月17日上午，市委书记、义乌市委全面深化改革');
  assert.equal(scoredHeadline(story), '市委全面深化改革委员会举行第7次会议研究共同富裕、数字化改革等议题');
});

// Own seed 49 (-raw): a run of quoted questions opening a paragraph (`“现在项目推进到哪一步` / `了？”` /
// `“是否能如期竣工？”` / `“建设过程中有什么困难？”` / `带着这些问题，…`): someone's words, not another story's headline.
// (Until seed 83's case below, this test held each question a paragraph of its own; the page's truth has them all
// in the paragraph they open, as the real page 004 prints them.)
test('whole quotations that end their sentence inside the quote marks are paragraphs, not headlines', async () => {
  const { record } = await parseExcerpt('quoted-questions-apart.txt');
  assert.deepEqual(record.articles.map(headline), ['市领导督查重点项目建设情况']);
  const paragraphs = record.articles[0].paragraphs;
  assert.ok(paragraphs.some((p) => p.startsWith('“现在项目推进到哪一步了？”“是否能如期竣工？”“建设过程中有什么困难？”带着这些问题')), JSON.stringify(paragraphs));
});

// Own TrueType seed 83 (-raw, page 5): the same questions in one paragraph, its second printed line come as two
// pieces that together fill it (`能如期竣工？”` / `“建设过程中有什么困难？”`); the second piece, a whole question, had
// begun a paragraph, and the two lines above it had been read as a story's title.
test('a whole quotation that fills a printed line with the closed quotation before it goes on in its paragraph', async () => {
  const { record } = await parseExcerpt('quoted-questions-fill-line.txt');
  assert.deepEqual(record.articles.map(headline), ['市领导督查重点项目建设情况']);
  const paragraphs = record.articles[0].paragraphs;
  assert.ok(paragraphs.some((p) => p.startsWith('“现在项目推进到哪一步了？”“是否能如期竣工？”“建设过程中有什么困难？”带着这些问题')), JSON.stringify(paragraphs));
});

test('masthead dates are checked against each other', () => {
  assert.equal(lunarDateOf('2022-12-16'), '壬寅年十一月廿三');
  assert.equal(lunarDateOf('2023-01-22'), '癸卯年一月初一');
  assert.equal(weekdayOf('2022-06-22'), '星期三');
  assert.deepEqual(checkMastheadDates({ date: '2022-06-22', lunarDate: '壬寅年五月廿四', weekday: '星期三' } as never), []);
  const found = checkMastheadDates({ date: '2022-06-22', lunarDate: '壬寅年五月廿五', weekday: '星期四' } as never);
  assert.deepEqual(found.map((d) => d.code).sort(), ['masthead/lunar-mismatch', 'masthead/weekday-mismatch']);
  assert.deepEqual(checkMastheadDates({ date: '2023-01-22', lunarDate: '癸卯年正月初一', weekday: '星期日' } as never), []);
  // a day no calendar has (misread, misprinted) is said so, not checked as the day it would roll over into
  assert.deepEqual(checkMastheadDates({ date: '2022-02-30', weekday: '星期三' } as never).map((d) => d.code), ['masthead/impossible-date']);
  for (const day of ['2024-02-29', '2022-12-31', '2000-02-29']) assert.ok(isCalendarDate(day), day);
  for (const day of ['2023-02-29', '1900-02-29', '2022-13-01', '2022-04-31', '2022-00-10', '2022-1-1', '2022-01-01T00:00']) assert.ok(!isCalendarDate(day), day);
});

// Found on the generated PDF pages: a photo story (图片新闻) — a title, the
// photo's credit, a short text — was read as a caption of the article before it.
test('a marked headline over a photo credit and a text is a photo story, not a caption', async () => {
  const { parseText } = await import('../src/pipeline/run-pipeline.js');
  const { record } = parseText(
    '# 外贸增速居前\n\n本报讯 记者张三报道 今年前4个月，全省外贸增长明显，出口突破万亿元。\n\n# 致敬！可爱的“白衣天使”们\n\n通讯员胡江丰、巫慧英 摄\n\n昨日，在国际护士节到来前夕，卫生院的护士们前往村里开展义诊。\n',
    'photo-story.txt',
  );
  const story = record.articles.find((a) => a.title === '致敬！可爱的“白衣天使”们');
  assert.ok(story, record.articles.map((a) => a.title).join(' | '));
  assert.deepEqual(story.byline.photographers, ['胡江丰', '巫慧英']);
  assert.deepEqual(story.paragraphs, ['昨日，在国际护士节到来前夕，卫生院的护士们前往村里开展义诊。']);
  assert.deepEqual(record.articles[0].captions, []);
});

test('in unmarked text run together, a photo story keeps its title, and service boxes are no headlines', async () => {
  // as pdftotext -raw writes a page: no blank lines, no marks, narrow columns; the box labels set like small headlines
  const { record } = await parseLines([
    '外贸增速居东部沿海首位',
    '本报讯 记者张三报道 今年前4个月，全省',
    '外贸增长明显，出口突破万亿元，增速居东',
    '部沿海主要省市首位，民营企业贡献最大。',
    '扫码关注',
    '官方微信公众号',
    '致敬！可爱的“白衣',
    '天使”们',
    '通讯员胡江丰、巫慧英 摄',
    '昨日，在国际护士节到来前夕，卫生院的护',
    '士们前往村里开展义诊，为村民测量血压。',
    '新闻服务热线',
    '88851111',
    '乡村夜校开课了',
    '本报讯 记者李四报道 昨晚，村里的夜校迎',
    '来第一批学员，五十多位村民走进课堂，学',
    '习电商直播和农技知识，气氛十分热烈。',
  ], 'run-together.txt');
  const titles = record.articles.map((a) => a.title);
  assert.deepEqual(titles, ['外贸增速居东部沿海首位', '致敬！可爱的“白衣天使”们', '乡村夜校开课了'], titles.join(' | '));
  const story = record.articles[1];
  assert.deepEqual(story.byline.photographers, ['胡江丰', '巫慧英']);
  assert.deepEqual(story.paragraphs, ['昨日，在国际护士节到来前夕，卫生院的护士们前往村里开展义诊，为村民测量血压。']);
  assert.equal(record.articles[0].paragraphs.at(-1)?.endsWith('民营企业贡献最大。'), true);
  for (const label of ['扫码关注', '官方微信公众号', '新闻服务热线']) {
    assert.ok(record.other.some((o) => o.includes(label)), `${label} in other: ${JSON.stringify(record.other)}`);
  }
});

test('in unmarked text, a headline line under the title with a photo credit under it is the subtitle, not the caption', async () => {
  // as pdftotext -raw writes a story whose subtitle is set over its photo
  const { record } = await parseLines([
    '享两地风光获共富礼包',
    '2022年杭州市一线职工免费疗休养活动启动',
    '曾晨路摄',
    '本报讯 记者曾晨路报道 浅夏胜春烟，人间五',
    '月天。杭州市一线职工免费疗休养首发团欢迎',
    '仪式于昨日在淳安千岛湖夜游码头举行。',
  ], 'subtitle-over-photo.txt');
  assert.equal(record.articles.length, 1);
  const [a] = record.articles;
  assert.equal([a.kicker, a.title, a.subtitle].join(''), '享两地风光获共富礼包2022年杭州市一线职工免费疗休养活动启动');
  assert.deepEqual(a.captions, []);
});

test('in unmarked text, a headline line right after a paragraph is the next story’s, and a subtitle over an unindented first line stays a headline', async () => {
  // found on pdftotext -raw texts of generated pages (shared p001; held-out seed 23, pages 3 and 7; seed 21, page 9): the next story's
  // first headline line ended the paragraph above it, and a subtitle set off the column ran into the first paragraph
  const { record } = await parseLines([
    '07 经济 2022年5月12日 星期四 责编 方晴 美术编辑 许文博',
    '中共浙江省委决定在全省广泛开展向钱海军同',
    '志学习活动',
    '中共浙江省委 关于开展向钱海军同志学习活动的决定',
    '为深入学习贯彻习近平总书记关于劳模精',
    '神、劳动精神和工匠精神的重要论述，大力弘',
    '扬“奋斗之美”精神品质，树立新时代劳动者',
    '的良好形象，省委决定开展学习活动。',
    '目前，义乌已有一百五十余家企业的首席',
    '质量官完成线上报名，学员完成学习后将颁发',
    '证书。',
    '“学校里的足球',
    '氛围很好，每年都有班级足球联赛，我们还经',
    '常比赛。”队员说。',
    '婺城爱心基金',
    '情暖四川道孚',
    '记者陆欣通讯员蔡君楠',
    '本报讯近日，“婺城护苗助学”基金在四川省',
    '甘孜州道孚县成立，初期规模为一百万元。',
    // a headline line as wide as the column, over a dateline
    '号角嘹亮使命催征在高质量发展中走好新时代',
    '赶考路',
    '本报讯 记者金钩胤报道 描绘美好蓝图，凝聚',
    '奋进力量。昨日下午，第二场“党代表通道”',
    '集中采访活动准时举行。',
  ], 'headline-after-paragraph.txt');
  const heads = record.articles.map((a) => [a.kicker, a.title, a.subtitle].join('').replace(/\s/g, ''));
  assert.deepEqual(heads, ['中共浙江省委决定在全省广泛开展向钱海军同志学习活动中共浙江省委关于开展向钱海军同志学习活动的决定', '婺城爱心基金情暖四川道孚', '号角嘹亮使命催征在高质量发展中走好新时代赶考路'], heads.join(' | '));
  assert.ok(record.articles[0].paragraphs[0].startsWith('为深入学习贯彻'), record.articles[0].paragraphs[0]);
  // a paragraph that opens a quotation on a short line is no headline
  assert.ok(record.articles[0].paragraphs.includes('“学校里的足球氛围很好，每年都有班级足球联赛，我们还经常比赛。”队员说。'), JSON.stringify(record.articles[0].paragraphs));
  assert.ok(record.articles[0].paragraphs.every((p) => !p.includes('婺城')));
});

test('in unmarked text, a headline over a photo credit and the story’s dateline heads the story, not the photo', async () => {
  // found on a pdftotext -raw text of a generated page (held-out seed 23, page 1): the page's lead headline, set over
  // its story's photo, was taken for the photo's caption and the story left without a title
  const { record } = await parseLines([
    '第三版 要闻 2023年4月26日 星期三 责任编辑方晴',
    '点燃“红色引擎”激发强劲动力',
    '——我省锻造坚强有力的省直机关基层党组织',
    '万笑影摄',
    '本报讯（记者 万笑影 通讯员 谭狄枫）党的力',
    '量来自组织。基层党组织是党的肌体的“神经',
    '末梢”，是党执政大厦的地基。',
  ], 'headline-over-photo.txt');
  assert.equal(record.articles.length, 1);
  const [a] = record.articles;
  assert.equal([a.kicker, a.title, a.subtitle].join(''), '点燃“红色引擎”激发强劲动力——我省锻造坚强有力的省直机关基层党组织');
  assert.deepEqual(a.captions, []);
  assert.deepEqual(a.byline.photographers, ['万笑影']);
});

test('in unmarked text, a photo story after a quotation closed on a line of its own keeps its title, and a credit’s last word wrapped stays in the credit', async () => {
  // found on the pdftotext -raw text of a generated page (shared p007): the closing quote mark alone on its line hid the
  // paragraph's end, so the photo story's title ran into it; `摄影` wrapped under the names was taken for a headline
  const { record } = await parseExcerpt('photo-story-after-quote.txt');
  const story = record.articles.find((a) => a.title?.startsWith('致敬'));
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(headline(story), '致敬！可爱的“白衣天使”们');
  assert.deepEqual(story.byline.photographers, ['胡江丰', '巫慧英']);
  assert.ok(story.paragraphs[0].startsWith('昨日，在第111个'), story.paragraphs[0]);
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('致敬'))));
});

test('in unmarked text, a caption broken mid-word over its last line with the credit run on is one caption, not a headline line', async () => {
  // found on the pdftotext -raw text of a generated page (shared p006): the caption's first line went into the
  // headline stack above it; a subtitle over a whole caption line stays in its stack (shared p009)
  for (const [first, second] of [
    ['杭州市委副书记、代市长姚高员(左)与出征企业代', '表交流。 记者张浩呈 摄'],
    [null, '杭州市委副书记、代市长姚高员(左)与出征企业代表交流。 记者张浩呈 摄'],
  ] as const) {
    const { record } = await parseLines([
      '推动经济运行整体好转',
      '“希望每家企业都',
      '拿到大订单”',
      '126家杭州企业组团迪拜“抢”订单',
      ...(first ? [first] : []),
      second,
      '本报讯 全媒体',
      '记者 张浩呈 报道',
      '“千封邮件不如一次',
      '见面，希望大家能够',
      '借助此次机会结识新',
      '朋友，维护老朋友。”',
    ], 'caption-broken.txt');
    assert.equal(record.articles.length, 1);
    const [a] = record.articles;
    assert.equal([a.kicker, a.title, a.subtitle].join('').replace(/\s/g, ''), '推动经济运行整体好转“希望每家企业都拿到大订单”126家杭州企业组团迪拜“抢”订单');
    assert.deepEqual(a.captions, ['杭州市委副书记、代市长姚高员(左)与出征企业代表交流。']);
  }
});

test('in unmarked text written in content-stream order, a masthead between two stories is found, and the headline above it stays a headline', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated front page (shared p005-scrambled): the masthead's
  // lines came after a story's headline and before the next story, where only the top of a page was looked at
  const { record } = await parseExcerpt('masthead-down-the-page.txt');
  assert.equal(record.masthead?.paper, '浙江工人日报');
  assert.equal(record.masthead?.date, '2022-12-16');
  assert.equal(record.masthead?.cn, 'CN33-0016');
  assert.equal(record.masthead?.issueNumber, 12285);
  const text = JSON.stringify(record.articles);
  for (const field of ['CN33-0016', 'zjgrrb', '壬寅', '社址', '公众号']) assert.ok(!text.includes(field), `${field} is in no article`);
  assert.ok(record.articles.some((a) => a.title === '衢州市工会第八次代表大会召开毛胜田当选衢州市总工会主席'), JSON.stringify(record.articles.map((a) => a.title)));
  assert.ok(record.articles.some((a) => a.paragraphs[0]?.startsWith('从“卡端”到“指端”')), JSON.stringify(record.articles.map((a) => a.paragraphs[0])));
});

test('in unmarked text, the page label written apart from the rest of its running head is no headline', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p000-scrambled): `第七版 时事` came
  // under the date and editors, over the next story's headline, and was read as its title
  const { record } = await parseExcerpt('page-label-apart.txt');
  const story = storyBeginning(record, '小讲台有大磁场');
  assert.equal([story.kicker, story.title].join(''), '精神之光点亮奋进之路');
  assert.equal(story.subtitle, '“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行');
  assert.ok(record.other.some((o) => o.replace(/\s/g, '') === '第七版时事'), JSON.stringify(record.other));
});

test('in unmarked text, a photo story\'s title written under its credit and over its text heads the photo story', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p004-scrambled): the title came after
  // the credit, as the stream wrote them, and ran into the photo's text
  const { record } = await parseExcerpt('photo-title-under-credit.txt');
  const story = record.articles.find((a) => a.title === '致敬！可爱的“白衣天使”们');
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.ok(story.paragraphs[0].startsWith('昨日，在第111个'), story.paragraphs[0]);
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('致敬！'))));
});

test('in unmarked text, one run of headline lines holding the headlines of the story before it and the story after it is cut between them', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p003-scrambled): a story's text and its
  // jump, then its title and subtitle, then the next story's, then that story's text — all four lines were one stack
  // heading the second story, and the first had no headline
  const { record } = await parseExcerpt('stack-of-two-stories.txt');
  const first = storyBeginning(record, '从“卡端”到“指端”的迭代升级');
  assert.equal(first.title, '绍兴全域实现浙江省电子居住证互通互认');
  assert.equal(first.subtitle?.replace(/\s/g, ''), '累计居住满6个月就能申领');
  const second = storyBeginning(record, '记者昨日从杭州海关获悉');
  assert.equal(second.title, '1~4月浙江出口突破万亿元');
  assert.equal(second.subtitle, '外贸增速居东部沿海主要省市首位');
  // the subtitle matched neither story's text better: it went with the title above it, the runner-up cut recorded
  const split = record.messages.find((m) => m.code === 'link/stack-split');
  assert.ok(split, JSON.stringify(record.messages.map((m) => m.code)));
  assert.match(String(split.params.runnerUp), /^“绍兴全域实现浙江省电子居住证互通…” \| “累计居住满6个月/);
});

test('in unmarked text, a photo story written text first — its paragraph, its title, its credit — is a story of its own', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p003-scrambled): the photo's paragraph
  // ran on as the last of the story above it, the title was left over, and the credit, written over the page's service
  // box and masthead, was taken for one of the masthead's labels
  const { record } = await parseExcerpt('photo-story-text-first.txt');
  const photo = record.articles.find((a) => a.title === '致敬！可爱的“白衣天使”们');
  assert.ok(photo, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(photo.paragraphs.length, 1);
  assert.ok(photo.paragraphs[0].startsWith('昨日，在第111个“512”国际护士节到来前夕'), photo.paragraphs[0]);
  assert.deepEqual(photo.byline.photographers, ['胡江丰', '巫慧英']);
  const trade = storyBeginning(record, '记者昨日从杭州海关获悉');
  assert.ok(trade.paragraphs.every((p) => !p.includes('护士节')), trade.paragraphs.at(-1));
  // the story after the service box and masthead is not the photo's text
  const next = storyBeginning(record, '根据专家研判');
  assert.equal(next.title, '如何应对疫情高峰？');
  assert.deepEqual(next.byline.photographers, []);
  assert.equal(record.masthead?.paper, '浙江工人日报');
  assert.ok(record.messages.some((m) => m.code === 'link/photo-text-before'), JSON.stringify(record.messages.map((m) => m.code)));
});

test('in unmarked text, a photo story written title, text, credit keeps all its text; a byline alone over the next headline is that story\'s', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p008-scrambled): the text's last
  // paragraph, over the credit, was taken for the photo's caption and made the story, its first paragraph left headless;
  // and the next story's byline, written before its headline, stood as an article of its own
  const { record } = await parseExcerpt('photo-story-title-text-credit.txt');
  assert.equal(record.articles.length, 2, JSON.stringify(record.articles.map((a) => [a.title, a.paragraphs[0]?.slice(0, 10)])));
  const [photo, next] = record.articles;
  assert.equal(photo.title, '致敬！可爱的“白衣天使”们');
  assert.ok(photo.paragraphs[0].startsWith('昨日，在第111个“512”国际护士节'), photo.paragraphs[0]);
  assert.ok(photo.paragraphs.at(-1)!.endsWith('图为少先队员向医护人员敬队礼，致敬护士节。'), photo.paragraphs.at(-1));
  assert.deepEqual(photo.byline.photographers, ['胡江丰', '巫慧英']);
  assert.equal(next.title, '精神之光点亮奋进之路');
  assert.deepEqual(next.byline.reporters, ['阮向民']);
  assert.ok(next.paragraphs[0].startsWith('小讲台有大磁场'), next.paragraphs[0]);
});

test('in unmarked text, a dateline ending in the first part of a role word goes on into the byline wrapped under it', async () => {
  // found on the pdftotext -raw text of a generated page (shared p006): `本报讯 全媒体` / `记 者 张 浩 呈 报 道` in a narrow
  // column was a story of its own whose text was `全媒体`, the dateline lost to the story below
  const { record } = await parseExcerpt('dateline-role-wrapped.txt');
  const story = storyBeginning(record, '“千封邮件不如一次见面');
  assert.equal(story.dateline, '本报讯');
  assert.deepEqual(story.byline.reporters, ['张浩呈']);
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => p !== '全媒体')), JSON.stringify(record.articles.map((a) => a.paragraphs[0])));
});

test('in unmarked text, a photo\'s credit alone before a photo story\'s title is that story\'s', async () => {
  // found on the pdftotext -raw text of a shuffled-stream generated page (shared p004-scrambled): the credit, written
  // between another story's headline and the photo story's title, stood as an article with nothing but photographers
  const { record } = await parseExcerpt('credit-over-photo-title.txt');
  const photo = storyBeginning(record, '昨日，在第111个“512”国际护士节');
  assert.equal(photo.title, '致敬！可爱的“白衣天使”们');
  assert.deepEqual(photo.byline.photographers, ['胡江丰', '巫慧英']);
  assert.ok(record.articles.every((a) => a.paragraphs.length > 0), 'no article of a credit alone');
});

test('in unmarked text, a public-service advertisement\'s label and slogan are the page\'s, not the next story\'s headline', async () => {
  // found on the pdftotext -raw text of a generated page (shared p006): `公益广告` / `垃圾分类 从我` / `做起` over the next
  // story's title made that story's title `公益广告`
  const { record } = await parseExcerpt('public-service-ad.txt');
  const story = record.articles.find((a) => a.subtitle === '浙江将从5个方面发力');
  assert.ok(story, JSON.stringify(record.articles.map(headline)));
  assert.equal(story.title, '如何应对疫情高峰？');
  assert.ok(record.other.includes('公益广告'), JSON.stringify(record.other));
  assert.ok(record.articles.every((a) => !headline(a).includes('垃圾分类')));
});

// Own seed 99 (-raw, page 0): a story cut at its box's end (`…我是幸运的,遇上`), then the next story's stack, its photo's
// credit and caption, its byline and dateline; with the caption between, the stack was read as the cut text's end and,
// with the caption, as one long caption.
test('after text cut mid-clause, headline lines over a photo credit and its caption, then a byline, are the next story\'s stack', async () => {
  const { record } = await parseExcerpt('cut-story-over-photo-caption.txt');
  const story = storyBeginning(record, '近日上午，趁着一天忙碌还未开始');
  assert.equal(scoredHeadline(story), '追寻光成为光“时代楷模”钱海军成了这场早会的“主角”');
  assert.deepEqual(story.captions, ['宁波江北快递小哥正学习“时代楷模”钱海军事迹。']);
  assert.ok(record.articles.some((a) => a.paragraphs.some((p) => p.endsWith('我是幸运的,遇上'))), JSON.stringify(record.articles.map((a) => a.paragraphs.at(-1))));
});

// Own seed 99 (-raw, page 3): in a column of twelve, the question title is narrower than a one-line indented
// paragraph, and was read as the last paragraph of the story above.
test('in a narrow column, a question with no clause in it, over a stack line and a byline, heads the next story', async () => {
  const { record } = await parseExcerpt('question-title-narrow-column.txt');
  const story = storyBeginning(record, '根据专家研判');
  assert.equal(story.title, '如何应对疫情高峰？');
  assert.equal(story.subtitle, '浙江将从5个方面发力');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('如何应对疫情高峰'))));
});

// Own seed 67 (-raw, page 8): after a story's last sentence, a stack of kicker, title and subtitle, then the photo's
// caption set across columns, then the byline — the kicker and title were read as the story's last lines, the subtitle
// as the start of the caption.
test('after a paragraph, a stack over a photo caption set across columns and a byline is the next story\'s headline', async () => {
  const { record } = await parseExcerpt('stack-over-wide-caption.txt');
  const story = storyBeginning(record, '“千封邮件不如一次见面');
  // (which line is the kicker, unmarked text does not say; the whole headline is the scorer's `titles`)
  assert.equal(scoredHeadline(story), '推动经济运行整体好转“希望每家企业都拿到大订单”126家杭州企业组团迪拜“抢”订单');
  assert.deepEqual(story.captions, ['杭州市委副书记、代市长姚高员(左)与出征企业代表交流。']);
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('推动经济运行整体好转'))));
});

// Own seed 103 (-raw, page 4; drawn as held out, read at the end of the session): after a paragraph, a title set
// across columns wrapped right after its enumeration mark — its first line was read as the story above's last
// paragraph, and `数字化改革等议题` alone headed the wrong story.
test('a title wrapped right after its enumeration mark, over the rest of its stack and a byline, is one title', async () => {
  const { record } = await parseExcerpt('title-wrapped-after-enumeration-mark.txt');
  const story = storyBeginning(record, '6月17日上午');
  assert.equal(story.title, '市委全面深化改革委员会举行第7次会议研究共同富裕、数字化改革等议题');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('研究共同富裕、'))));
});

test('a byline right after a story\'s text is not moved to the headline that follows', async () => {
  // the other side of the rule above: papers that print the byline at the story's end
  const { record } = await parseLines(
    [
      '市领导督查重点项目',
      '本报讯 昨日，市领导带队督查全市重点项目建设情况，',
      '要求各地各部门加快推进项目建设，确保按期完成年度',
      '目标任务。',
      '记者 王小明',
      '城区新增三处口袋公园',
      '本报讯 近日，城区新建的三处口袋公园陆续开放，为周',
      '边居民提供了休闲健身的好去处。',
    ],
    'byline-at-end.txt',
  );
  const park = storyBeginning(record, '近日，城区新建的三处口袋公园');
  assert.deepEqual(park.byline.reporters, [], JSON.stringify(record.articles.map((a) => [a.title, a.byline.reporters])));
});

test('in unmarked text, a masthead at the top is read line by line up to its last field, and the first paragraph under the headline stays whole', async () => {
  // found on the pdftotext -raw text of a generated front page (shared p009): the first paragraph's first lines, in a
  // narrow column, carry no punctuation and were read as more masthead lines, then as headline lines
  const { record } = await parseExcerpt('masthead-then-narrow-column.txt');
  assert.equal(record.masthead?.paper, '浙江工人日报');
  const [a] = record.articles;
  assert.equal(a.title, '中共浙江省委决定在全省广泛开展向钱海军同志学习活动');
  assert.equal(a.subtitle?.replace(/\s/g, ''), '中共浙江省委关于开展向钱海军同志学习活动的决定');
  assert.ok(a.paragraphs[0].startsWith('为深入学习贯彻习近平总书记关于劳模精神'), a.paragraphs[0]);
});

test('in unmarked text, a headline stack set in a narrow column, four lines or more with no punctuation, is a headline', async () => {
  // found on the pdftotext -raw text of a generated page (shared p002): `衢州市工会第八` / `次代表大会召开` /
  // `毛胜田当选衢州` / `市总工会主席` over the byline was read as a paragraph of the photo story above
  const { record } = await parseExcerpt('narrow-headline-stack.txt');
  const story = storyBeginning(record, '12月14日~15日');
  assert.equal(headline(story), '衢州市工会第八次代表大会召开毛胜田当选衢州市总工会主席');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('第八次代表大会召开毛胜田'))));
});

// Own seed 47 (-raw): a narrow column's indented first line whose figures justification spread wider than half an
// em each (`“义乌从2019`, six ems as measured, seven as printed).
test('an indented first line with figures in a narrow column begins its paragraph', async () => {
  paragraphsBreakAt((await parseExcerpt('indent-with-figures-narrow.txt')).record, '展分组对抗等训练。', '“义乌从2019年开始组建0910年');
});

test('an indented first line may hold a half-width comma: `启动仪式后,由浙` in a column of nine', async () => {
  // found on the -raw text of a generated page (own seed 25), set with ASCII commas as the seed page 003 is; a line
  // with one was never taken for an indented first line, and two paragraphs ran together
  paragraphsBreakAt((await parseExcerpt('indent-with-ascii-comma.txt')).record, '培训职工1480余人。', '启动仪式后,由浙江大学党委委员');
  // … and with figures after a sentence's end (own seed 31): `伟出席会议并讲话。` / `2021年,省总工会信息`
  paragraphsBreakAt((await parseExcerpt('indent-figures-ascii-comma.txt')).record, '董建伟出席会议并讲话。', '2021年,省总工会信息得分');
});

test('in a stack over a byline or dateline, a line wider than the one above that reads on from no word in it is the next part: title, then subtitle', async () => {
  // found on the -raw text of a generated page (own seed 21): `夯实基本功提高技战术水平` / `义乌足球小将全力备战省运会` /
  // `本报记者左翠玉`, both lines about the column's width, were one title
  const { record } = await parseExcerpt('stack-line-wider.txt');
  const story = storyBeginning(record, '6月14日晚上7点');
  assert.equal(story.title, '夯实基本功提高技战术水平');
  assert.equal(story.subtitle, '义乌足球小将全力备战省运会');
  // … and so where the stack is the first thing under the masthead or the running head (own seed 23), no sentence before it
  const underMasthead = storyBeginning((await parseExcerpt('stack-under-masthead.txt')).record, '浅夏胜春烟');
  assert.deepEqual([underMasthead.title, underMasthead.subtitle], ['享两地风光获共富礼包', '2022年杭州市一线职工免费疗休养活动启动']);
  const underHead = storyBeginning((await parseExcerpt('stack-under-running-head.txt')).record, '党的力量来自组织');
  assert.deepEqual([underHead.title, underHead.subtitle], ['点燃“红色引擎”激发强劲动力', '——我省锻造坚强有力的省直机关基层党组织']);
});

/** The story of excerpt `name` whose text begins with `start` has the dateline 本报讯 and these reporters and correspondents. */
async function leadReads(name: string, start: string, reporters: string[], correspondents: string[]): Promise<void> {
  const story = storyBeginning((await parseExcerpt(name)).record, start);
  assert.equal(story.dateline, '本报讯');
  assert.deepEqual(story.byline.reporters, reporters);
  assert.deepEqual(story.byline.correspondents, correspondents);
}

test('a lead whose byline a narrow column wrapped over three lines is one lead: dateline, both roles, then the text', async () => {
  // found on the -raw text of a generated page (own seed 27): `本报讯 记者戴睿云` / `通讯员郑静静、赵一帆` /
  // `报道 “过去我以为排查` lost its dateline and reporter, and its text began with 报道
  await leadReads('lead-byline-wrapped.txt', '“过去我以为排查廉政风险', ['戴睿云'], ['郑静静', '赵一帆']);
});

test('a lead under a photo credit, short of the column for its spaces, goes on into its text: no photo story title', async () => {
  // found on the -raw text of a generated page (own seed 27): `胡江丰摄` / `本报讯 通讯员全锐报道 为满` / `足新市民等…`
  // was read as a photo story's title over its text, the lead's first words a paragraph of their own
  const { record } = await parseExcerpt('lead-under-credit.txt');
  const story = storyBeginning(record, '为满足新市民等人员的租房需求');
  assert.equal(headline(story), '淳安推进蓝领公寓安居工程');
  assert.deepEqual(story.byline.correspondents, ['全锐']);
});

test('in unmarked text, a line set to the column under a stack of short headline lines begins the text, not more of the stack', async () => {
  // found on the pdftotext -raw text of a generated page (shared p007): `追寻光 成为光` / `“时代楷模”钱` / … /
  // `会的“主角”` ran on into the photo's caption under it, and the whole went into the photo story above
  const { record } = await parseExcerpt('stack-then-caption.txt');
  const story = storyBeginning(record, '近日上午');
  assert.equal(scoredHeadline(story), '追寻光成为光“时代楷模”钱海军成了这场早会的“主角”');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('追寻光'))));
});

test('in unmarked text, a quoted question opened on the line where the one before it closed goes on in its paragraph, not as a headline', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 21, page 1): the printed line `一步了？”“是否能如期竣`
  // came as two pieces, and `“是否能如期竣` / `工？”` stood alone and was read as the story's title
  const { record } = await parseExcerpt('quoted-questions.txt');
  const story = record.articles.find((a) => a.title === '市领导督查重点项目建设情况');
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.ok(story.paragraphs.some((p) => p.includes('一步了？”“是否能如期竣工？”')), JSON.stringify(story.paragraphs.map((p) => p.slice(-30))));
  assert.ok(record.articles.every((a) => !a.title?.includes('竣工')));
});

test('in unmarked text, a caption set wider than the column under a headline stack is the photo\'s caption, not more of the headline', async () => {
  // found on the pdftotext -raw text of a generated page (shared p007): the caption `昨日下午，` / `“守好…全省职工思` /
  // `想政治工作…在杭举行。`, set across two columns and broken at its quote mark, ran into the stack's last line
  // and was split mid-word where its wide lines were taken for headlines across columns
  const { record } = await parseExcerpt('wide-caption-under-stack.txt');
  const story = record.articles.find((a) => a.title?.startsWith('精神之光'));
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(scoredHeadline(story), '精神之光点亮奋进之路“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行');
  assert.deepEqual(story.captions, ['昨日下午，“守好红色根脉·班前十分钟活动”全省职工思想政治工作优秀案例展评在杭举行。']);
});

test('in unmarked text, a headline stack right under a paragraph cut off mid-clause heads the next story, not the cut text\'s end', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 25, page 5): `…我是幸运的,遇上` (the story cut at its
  // box's end) / `淳安推进蓝领公寓安` / `居工程` / `胡江丰摄` / `本报讯 …` — the stack ran on from the cut sentence
  // and the whole was read as the photo's caption, leaving the next story without its title
  const { record } = await parseExcerpt('stack-after-cut.txt');
  const story = record.articles.find((a) => a.byline.correspondents.includes('全锐'));
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(story.title, '淳安推进蓝领公寓安居工程');
  const cut = record.articles.find((a) => a.paragraphs.some((p) => p.endsWith('我是幸运的,遇上')));
  assert.ok(cut, JSON.stringify(record.articles.map((a) => a.paragraphs.map((p) => p.slice(-12)))));
  assert.ok(record.articles.every((a) => a.captions.every((c) => !c.includes('淳安'))));
});

test('in unmarked text, a headline across columns whose last character wrapped onto a line of its own keeps it', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 21, page 7): `鹿城廉政导师助年轻干部健康成` / `长` /
  // `戴睿云摄` — the lone `长` was read as the photo's caption and the title lost its last character
  const { record } = await parseExcerpt('headline-tail-wrapped.txt');
  const story = record.articles.find((a) => a.title?.startsWith('鹿城廉政导师'));
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(story.title, '鹿城廉政导师助年轻干部健康成长');
  assert.deepEqual(story.captions, []);
});

test('in unmarked text, a headline stack whose last line ends in an exclamation, over a dateline, heads the next story', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 23, page 6): `…千岛湖之旅。` / `浙江省政府给予18人记功奖励`
  // / `跳桥救人小哥彭清林` / `等，一等功！` / `本报讯（记者 王逸群）` — the stack ran on at the end of the story above
  const { record } = await parseExcerpt('exclaimed-stack.txt');
  const story = storyBeginning(record, '为大力弘扬社会正气');
  assert.equal(headline(story), '浙江省政府给予18人记功奖励跳桥救人小哥彭清林等，一等功！');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('跳桥救人小哥彭清林等'))));
});

test('in unmarked text, a headline stack of ten narrow lines after a sentence\'s end heads the story under it', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 21, page 4, shuffled): kicker, title and subtitle
  // set four to seven characters a line (`推动经济运行整` / `体好转` / `“希望每` / … / `“抢”订单`) over `本报讯`; only
  // a stack of up to five lines over a dateline was looked for, and the kicker ran on at the end of the story above
  const { record } = await parseExcerpt('long-narrow-stack.txt');
  const story = record.articles.find((a) => a.byline.reporters.includes('张浩呈'));
  assert.ok(story, JSON.stringify(record.articles.map((a) => a.title)));
  assert.equal(scoredHeadline(story), '推动经济运行整体好转“希望每家企业都拿到大订单”126家杭州企业组团迪拜“抢”订单');
  assert.ok(record.articles.every((a) => a.paragraphs.every((p) => !p.includes('推动经济运行'))));
});

test('in unmarked text, subheads of two lines, one of them long, stay inside their article as a series', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 25, page 1): `打造高质量发展高地` / `在高质量发展中实现
  // 共同富裕先行` (read as one line of 24 characters) and `打造数字变革高地` / `在高质量发展中实现省域现代化先行` each split
  // the story in two; a subhead was taken only up to 18 characters, so the series had one member and counted for nothing
  const { record } = await parseExcerpt('two-line-subheads.txt');
  assert.deepEqual(
    record.articles.map((a) => a.title),
    ['号角嘹亮使命催征在高质量发展中走好新时代赶考路'],
  );
  const paragraphs = record.articles[0].paragraphs;
  assert.ok(paragraphs.includes('打造数字变革高地'), JSON.stringify(paragraphs.map((p) => p.slice(0, 12))));
  assert.ok(paragraphs.some((p) => p.startsWith('共同富裕不仅仅是一个口号')));
});

test('in unmarked text, a caption set wider than the column under a photo credit keeps its last line, however short of its first', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 29, page 1): `昨日下午，` / `“守好红色根脉·班前十分钟活动”
  // 全省职工思想政` / `治工作优秀案例展评在杭举行。` under `阮向民摄`: the last line, within four characters of the column,
  // was not taken for the rest of the wide text, and the caption's head was read as the story's title
  const { record } = await parseExcerpt('wide-caption-under-credit.txt');
  const story = storyBeginning(record, '小讲台有大磁场');
  assert.equal(scoredHeadline(story), '精神之光点亮奋进之路“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行');
});

test('in unmarked text, a quotation opened on the printed line where a sentence ended goes on in its paragraph', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 27, page 8): the printed line `了6000多人的就业。“以前是
  // 华侨带着` came as two pieces, and the quotation was read as a paragraph of its own
  const { record } = await parseExcerpt('quote-after-sentence.txt');
  const paragraphs = record.articles.flatMap((a) => a.paragraphs);
  assert.ok(
    paragraphs.some((p) => p.includes('带动了6000多人的就业。“以前是华侨带着侨乡百姓致富')),
    JSON.stringify(paragraphs.map((p) => p.slice(-16))),
  );
});

test('in unmarked text, a paragraph whose first line is one em short of its indent, by a comma set half-width, begins where it does', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 29, page 9): `75.4亿元，增长250.0%。` over `从贸易国别看，对欧`
  // (nine characters in a column of twelve, its comma compressed) ran on as one paragraph
  paragraphsBreakAt((await parseExcerpt('indent-short-by-a-comma.txt')).record, '保税物流进出口75.4亿元，增长250.0%。', '从贸易国别看，对欧盟、东盟及美国贸易');
});

test('in unmarked text, an indented first line broken at its quote marks into a whole sentence and a quote opened after it begins a paragraph', async () => {
  // own seed 65 (-raw, page 4), a column of seventeen: `…高质量发展。` / `“现在项目推进到哪一步了？”` / `“是` / `否能如期竣工？”` —
  // the first two pieces make an indented line with the closing and the opening quote set in one em together
  paragraphsBreakAt((await parseExcerpt('indent-in-quote-pieces.txt')).record, '以高质量项目建设推进经济社会高质量发展。', '“现在项目推进到哪一步了？”“是否能如期竣工？”“建设过程中');
});

test('in unmarked text, a quote opened after a sentence\'s end, wider than an indented line, is the rest of that printed line when the two fill it', async () => {
  // own seed 87 (-raw, page 3), a column of fourteen: `…跟党` / `走。` / `“我们以‘班前十分钟活动’` — thirteen, too wide for a
  // paragraph's first line; with `走。` it fills the line, the full stop and the quote set in one em together
  const { record } = await parseExcerpt('quote-after-sentence-fills-line.txt');
  const paragraphs = record.articles.flatMap((a) => a.paragraphs);
  assert.ok(paragraphs.some((p) => p.includes('听党话、跟党走。“我们以‘班前十分钟活动’为载体')), JSON.stringify(paragraphs.map((p) => p.slice(-16))));
  assert.ok(paragraphs.some((p) => p.startsWith('目前，江北区已有宁波凯福莱特')));
});

test('in unmarked text, an indented first line with a middle dot in it begins a paragraph: the dot prints narrower than an em', async () => {
  // shared p007 (-raw), a column of ten: `神之光点亮奋进之路。` / `“守好红色根脉·班` — nine as measured, the dot at an em
  paragraphsBreakAt((await parseExcerpt('indent-with-middle-dot.txt')).record, '激励广大职工以精神之光点亮奋进之路。', '“守好红色根脉·班前十分钟活动”是省委宣传部');
});

test('in unmarked text, a line spread by letter-spacing under a two-character paragraph end is a line of its own, not a piece of that one', async () => {
  // shared p006 (-raw), a column of nine: `织和为企业服务工` / `作。` / `“ 我 们 这 次 出` — the spaced line fills its column;
  // `作。` shows no spacing, so the two are no pieces of one printed line broken at the quote mark
  paragraphsBreakAt((await parseExcerpt('spaced-line-after-short-end.txt')).record, '打通政企对接渠道，切实做好展会组织和为企业服务工作。', '“我们这次出去，主要是把之前的客户联系起来');
});

test('in unmarked text, an indented first line over a printed line the extractor broke at its quotes begins a paragraph', async () => {
  // same page: `经济社会高质量发展。` / `“现在项目推进到哪一` / `步了？”` / `“是否能如期竣` — the line under the indented one
  // is `步了？”“是否能如期竣`, full, but came as two pieces; the questions had run on into the paragraph before
  paragraphsBreakAt((await parseExcerpt('indent-over-quote-pieces.txt')).record, '以高质量项目建设推进经济社会高质量发展。', '“现在项目推进到哪一步了？”“是否能如期竣工？”');
});

test('in unmarked text, an indented first line with figures in it begins a paragraph after a sentence’s end', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 6, scored once before): `出口2637.7亿元，增长
  // 9.5%。` over `从出口市场来看，1~4月，` — the indent short of the column, but with figures, whose width is less sure
  paragraphsBreakAt((await parseExcerpt('indent-with-figures.txt')).record, '出口2637.7亿元，增长9.5%。', '从出口市场来看，1~4月，浙江对前三大', '除了“量”上的突破，前4月，我省的外贸');
});

test('in unmarked text, an indented first line over a printed line broken before its closing quote begins a paragraph', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 7): `部属企事业先进操作法。` / `“大会报告让我备受鼓` /
  // `舞。` / `”作为代表在现场聆听的` — the line under the indented one is `舞。”作为代表在现场聆听的`, full, in two pieces
  paragraphsBreakAt((await parseExcerpt('indent-over-closing-quote.txt')).record, '命名为我省第三批省部属企事业先进操作法。', '“大会报告让我备受鼓舞。”作为代表');
});

test('in unmarked text, a closing quote the extractor set on a line of its own still ends the sentence: an indented line under it begins a paragraph', async () => {
  // found on the pdftotext -raw text of own seed 23, page 2: `致富,现在是家乡带` / `着华侨共富。` / `”` / `余姚市也在高`
  // — the sentence ends at the lone `”`, and the line under it is short by the indent
  paragraphsBreakAt((await parseExcerpt('indent-after-lone-closing-quote.txt')).record, '现在是家乡带着华侨共富。”', '余姚市也在高质量发展中找到了自己的创新发展目标');
});

test('in unmarked text, pieces of a printed line broken at its quote marks are measured from that line\'s start, not from a byline wrapped above', async () => {
  // found on the pdftotext -raw text of own seed 27, page 2: `本报讯（记者 陆欣 通` / `讯员蔡君楠）近日，` / `“婺城` /
  // `护苗助学”` / `“婺城暖心助` / `残”基金…` — the byline's wrap had counted the line above into the printed line the
  // quote pieces make, so `“婺城暖心助` no longer fitted beside `护苗助学”` and began a paragraph
  const { record } = await parseExcerpt('quote-pieces-under-wrapped-byline.txt');
  const story = storyBeginning(record, '近日，“婺城护苗助学”');
  assert.equal(story.paragraphs[0], '近日，“婺城护苗助学”“婺城暖心助残”基金在四川省甘孜州道孚县成立。');
});

test('a lead\'s byline whose closing 报道 is broken across two lines is read whole', async () => {
  // found on the pdftotext -raw text of own seed 47, page 2: `本报讯 记者许钟予` / `通讯员徐榛妍、吴龙报` / `道 “公共充电桩电价和`
  await leadReads('byline-closing-word-broken.txt', '“公共充电桩电价和民用的不一样', ['许钟予'], ['徐榛妍', '吴龙']);
});

test('in unmarked text, an indented line over a line whose figures print wider than measured begins a paragraph; a quoted piece of a line is no headline over one', async () => {
  // own seed 31 (-raw, page 2): `充电服务圈”正加速形成。` / `截至目前，全县已建成公` over `共充电站64座、充电桩638`, full in
  // print, measured 1.5 em short with its figures at half an em
  paragraphsBreakAt((await parseExcerpt('indent-over-figures-line.txt')).record, '“一分钟充电服务圈”正加速形成。', '截至目前，全县已建成公共充电站64座');
  // own seed 37 (-raw, page 8): `近日，` / `“婺城护苗助学”` / `“婺城暖心助残”` / `基金在四川省甘孜州道孚县成立。` over a line with
  // figures — the quoted piece above is part of a printed line, not a headline the next line would begin a paragraph under
  const story = storyBeginning((await parseExcerpt('quoted-pieces-over-line.txt')).record, '近日，“婺城护苗助学”');
  assert.equal(story.paragraphs[0], '近日，“婺城护苗助学”“婺城暖心助残”基金在四川省甘孜州道孚县成立。');
});

test('in unmarked text, a line justified print spread by letter-spacing fills its column: no headline, no paragraph end', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 4): `据 悉 ， 7 月 26` — a paragraph's first
  // line of five characters spread to the column — was read as the headline of a story of its own
  const { record } = await parseExcerpt('letter-spaced-first-line.txt');
  assert.ok(!record.articles.some((a) => a.title?.startsWith('据悉')), JSON.stringify(record.articles.map(headline)));
  const paragraphs = record.articles.flatMap((a) => a.paragraphs);
  assert.ok(paragraphs.some((p) => p.startsWith('据悉，7月26日，省运会足球比赛（女子丙组）将在梅湖体育中心开赛')), JSON.stringify(paragraphs.map((p) => p.slice(0, 12))));
});

test('in unmarked text, a headline stack ending in an exclamation, under a paragraph cut off mid-clause, is the next story’s', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 1): `…自2012年成立以来,` / `浙江省政府给予18人记功奖励`
  // / `跳桥救人小哥彭清林等，一等功！` / `本报讯 记者王逸群报` — the stack had run into the cut paragraph
  const { record } = await parseExcerpt('exclaimed-stack-after-cut.txt');
  const story = record.articles.find((a) => a.paragraphs.some((p) => p.includes('为大力弘扬社会正气')));
  assert.ok(story, 'the story is found');
  assert.equal(headline(story), '浙江省政府给予18人记功奖励跳桥救人小哥彭清林等，一等功！');
  assert.ok(record.articles.some((a) => a.paragraphs.some((p) => p.endsWith('“潘超宇技能大师工作室”自2012年成立以来,'))));
});

test('in unmarked text, a byline wrapped mid-name over its dateline is one byline', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 2): `本报记者曾晨路通讯员张晓` / `燕方俊勇` /
  // `本报讯 浅夏胜春烟，…` — the names' tail had stood as a story of its own, and 张晓 for a name
  const { record } = await parseExcerpt('byline-wrapped-mid-name.txt');
  const story = record.articles.find((a) => a.paragraphs.some((p) => p.startsWith('浅夏胜春烟')));
  assert.ok(story, 'the story is found');
  assert.deepEqual(story.byline.reporters, ['曾晨路']);
  assert.deepEqual(story.byline.correspondents, ['张晓燕', '方俊勇']);
  assert.ok(!record.articles.some((a) => a.paragraphs.length === 0 && a.byline.reporters.length > 0), 'no story of a byline alone');
});

test('in unmarked text, a paragraph of two lines, its first indented, its second short, stands apart', async () => {
  // found on the pdftotext -raw text of a generated page (own seed 31, page 2): `宁波市道德模范”等荣誉。` / `他们中，有直面山火的`
  // / `“逆行者”。` — the indent rule wanted a full line under the indented one, and the short paragraph ran into the one before
  const { record } = await parseExcerpt('two-line-paragraph.txt');
  const paragraphs = record.articles.flatMap((a) => a.paragraphs);
  assert.ok(paragraphs.includes('他们中，有直面山火的“逆行者”。'), JSON.stringify(paragraphs.map((p) => p.slice(-16))));
});

test('in unmarked text, a sentence set between a byline and its dateline is the photo’s caption, not a story', async () => {
  // found on the pdftotext -raw text of a shared generated page (p008): `见习记者阮向民` / `昨日下午，` / `“守好红色根脉·班前十分钟
  // 活动”全省职工思想政治工作优秀案例展评在杭举行。` / `本报讯 小讲台有大磁场…` — it had come out as a story without a headline
  const { record } = await parseExcerpt('caption-over-dateline.txt');
  assert.ok(!record.articles.some((a) => a.paragraphs.some((p) => p.startsWith('昨日下午，“守好红色根脉'))), JSON.stringify(record.articles.map((a) => a.paragraphs[0]?.slice(0, 12))));
  const story = record.articles.find((a) => a.paragraphs.some((p) => p.startsWith('小讲台有大磁场')));
  assert.ok(story, 'the story is found');
  assert.deepEqual(story.captions, ['昨日下午，“守好红色根脉·班前十分钟活动”全省职工思想政治工作优秀案例展评在杭举行。']);
});
