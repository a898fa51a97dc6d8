// Linking decisions on small pages made for the purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../src/index.js';

const heads = (text: string) => parseText(text).record.articles.map((a) => [a.title, a.paragraphs.length]);

test('a lone short headline between two articles heads the second, even without a dateline', () => {
  const page = [
    '港口吞吐量创新高',
    '',
    '本报讯 记者张三报道 今年前三季度，宁波舟山港货物吞吐量同比增长，集装箱航线持续加密，港口服务能力不断提升。',
    '',
    '港口相关负责人表示，下一步将继续优化营商环境，吸引更多航运企业落户。',
    '',
    '秋日乡村好风光',
    '',
    '金秋时节，桐庐县的稻田一片金黄，游客纷纷前来拍照打卡，感受丰收的喜悦。',
    '',
    '当地农民说，今年雨水充足，稻谷长势喜人，亩产有望再创新高。',
    '',
  ].join('\n');
  assert.deepEqual(heads(page), [
    ['港口吞吐量创新高', 2],
    ['秋日乡村好风光', 2],
  ]);
});

test('short subheads in a series stay inside their article', () => {
  const page = [
    '数字经济跑出加速度',
    '',
    '本报讯 记者李四报道 今年以来，全省数字经济核心产业增加值保持两位数增长，数字化改革持续深化。',
    '',
    '平台建设提速',
    '',
    '各地加快建设数字经济产业平台，数字经济企业数量稳步增加，平台集聚效应不断显现，一批龙头企业加速成长，带动上下游中小企业协同发展，产业链条日益完善。',
    '',
    '据统计，全省已建成各类数字经济产业园区数十个，入驻企业数量持续增加。',
    '',
    '应用场景扩面',
    '',
    '数字化应用场景不断拓展，企业数字化改造覆盖面持续扩大，智能工厂和数字化车间加快建设，数字经济为高质量发展注入强劲动力，群众获得感不断增强。',
    '',
  ].join('\n');
  const r = parseText(page).record;
  assert.equal(r.articles.length, 1);
  assert.deepEqual(r.articles[0].paragraphs.filter((p) => p.length < 10), ['平台建设提速', '应用场景扩面']);
});

test('an unmarked headline wrapped mid-word keeps its tail in the title; the line after it is the subtitle', async () => {
  // found on the -raw text of a generated page (own seed 21): `…开展向钱海军同` / `志学习活动` / `中共浙江省委关于…的决定`
  // gave the title one line and the subtitle the wrapped tail with the subtitle
  const { splitHeadline } = await import('../src/stages/link/split-headline.js');
  const line = (text: string) => ({ id: [text], heading: 0, text });
  const roles = (texts: string[]) => splitHeadline([texts.map(line)]).map(([role, [text]]) => `${role}:${text}`);
  assert.deepEqual(roles(['中共浙江省委决定在全省广泛开展向钱海军同', '志学习活动', '中共浙江省委关于开展向钱海军同志学习活动的决定']), [
    'title:中共浙江省委决定在全省广泛开展向钱海军同',
    'title:志学习活动',
    'subtitle:中共浙江省委关于开展向钱海军同志学习活动的决定',
  ]);
  // … and where the break splits a common word, however long the line under it (own seed 25: `…提出推` / `动工会…`)
  assert.deepEqual(roles(['全省工会信息工作座谈会提出推', '动工会信息工作再上新台阶']), ['title:全省工会信息工作座谈会提出推', 'title:动工会信息工作再上新台阶']);
  // a subtitle that opens a phrase of its own stays one, however short
  assert.deepEqual(roles(['衢州市工会第八次代表大会召开', '毛胜田当选衢州市总工会主席']), ['title:衢州市工会第八次代表大会召开', 'subtitle:毛胜田当选衢州市总工会主席']);
  assert.deepEqual(roles(['推动经济运行整体好转', '“希望每家企业都拿到大订单”']), ['title:推动经济运行整体好转', 'subtitle:“希望每家企业都拿到大订单”']);
});

test('a marked title with a space in it is not cut in two where its first half leads into the second with a dash, nor where it has more spaces', async () => {
  // found on generated PDF pages (own seed 31): `# 省党代表崔兆举希望—— 让更多优秀青年坚定走技能成才之路` gave the
  // title its first half and made the rest a subtitle
  const { subtitleStart } = await import('../src/stages/link/split-headline.js');
  const line = (text: string) => ({ id: [text], heading: 1, text });
  assert.equal(subtitleStart(line('省党代表崔兆举希望—— 让更多优秀青年坚定走技能成才之路'), true), -1);
  // … nor a title of three phrases or more set apart by spaces (own seeds 21, 27)
  assert.equal(subtitleStart(line('号角嘹亮 使命催征 在高质量发展中走好新时代赶考路'), true), -1);
  // a title and its subtitle on one line, set apart by a space, are still told apart
  const both = '“希望每家企业都拿到大订单” 126家杭州企业组团迪拜“抢”订单';
  assert.equal(both.slice(subtitleStart(line(both), true)), '126家杭州企业组团迪拜“抢”订单');
});
