// Real pages are the tests: every page folder is parsed as a user parses it,
// scored against its human gold where it has one, and checked for coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parsePage, checkTree, leavesOf } from '../src/index.js';
import type { PageRoot, SpanNode } from '../src/index.js';
import { loadPages, headlineOf, norm, ROOT, tempDir } from './helpers.js';

const SCORER = join(ROOT, '..', 'shared', 'eval', 'score.py');
const pages = loadPages();

/** Every span id a finished page hands to an owner: masthead, an article part, or other. */
function owners(tree: PageRoot): Map<string, number> {
  const count = new Map<string, number>();
  const add = (id: string) => count.set(id, (count.get(id) ?? 0) + 1);
  tree.data.masthead?.spans.forEach(add);
  for (const a of tree.data.articles ?? []) {
    [...a.kicker, ...a.title, ...a.subtitle, ...a.byline, ...a.dateline, ...a.credits, ...a.jumps].forEach(add);
    a.paragraphs.flat().forEach(add);
    a.captions.flat().forEach(add);
  }
  tree.data.other?.forEach(add);
  return count;
}

for (const page of pages) {
  test(`page ${page.slug}: the leaves tile the source`, () => {
    const { tree, file } = parsePage(page.source, page.slug);
    assert.deepEqual(checkTree(tree, file.text), []);
    assert.equal(leavesOf(tree).map((l) => l.value).join(''), file.text);
  });

  test(`page ${page.slug}: every non-blank character has exactly one owner or a reason to be dropped`, () => {
    const { tree } = parsePage(page.source, page.slug);
    const count = owners(tree);
    for (const child of tree.children) {
      if (child.type === 'line') {
        for (const leaf of child.children) if (leaf.type === 'text') assert.fail(`text outside any block at ${leaf.position.start.line}`);
        continue;
      }
      for (const c of child.children) {
        if (c.type === 'text' && c.value.trim()) assert.fail(`text outside any span at ${c.position.start.line}:${c.position.start.column}: ${c.value}`);
        if (c.type === 'gap' && c.value.trim()) assert.ok(c.reason, 'a dropped character has a reason');
        if (c.type !== 'span') continue;
        const span = c as SpanNode;
        const text = span.children.map((l) => (l.type === 'text' ? l.value : '')).join('');
        if (!text.trim()) continue;
        assert.equal(count.get(span.id) ?? 0, 1, `span ${span.id} (${span.role}) "${text.slice(0, 20)}" has ${count.get(span.id) ?? 0} owners`);
      }
    }
  });

  if (page.gold) {
    const gold = page.gold;
    test(`page ${page.slug}: matches its human gold (official scorer)`, { skip: !existsScorer() && 'python3 or ../shared/eval/score.py not available' }, () => {
      const { record } = parsePage(page.source, page.slug);
      const dir = tempDir('score');
      mkdirSync(join(dir, 'gold'));
      mkdirSync(join(dir, 'pred'));
      writeFileSync(join(dir, 'gold', `${page.slug}.gold.json`), JSON.stringify(gold));
      writeFileSync(join(dir, 'pred', `${page.slug}.json`), JSON.stringify(record));
      const r = spawnSync('python3', [SCORER, join(dir, 'gold'), join(dir, 'pred'), '--json'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const mean = JSON.parse(r.stdout).mean as Record<string, number>;
      assert.ok(mean.score >= 0.9, `score ${mean.score}`);
      assert.ok(mean.titles >= 0.85, `titles ${mean.titles}`);
      assert.ok(mean.paragraphs >= 0.8, `paragraphs ${mean.paragraphs}`);
      if (gold.masthead) assert.ok(mean.masthead >= 0.9, `masthead ${mean.masthead}`);
    });

    test(`page ${page.slug}: headlines, bylines and masthead as the gold has them`, () => {
      const { record } = parsePage(page.source, page.slug);
      const predHeads = record.articles.map(headlineOf);
      for (const a of gold.articles) assert.ok(predHeads.includes(headlineOf(a)), `headline ${headlineOf(a)}`);
      const names = (arts: typeof gold.articles) => arts.flatMap((a) => [...a.byline.reporters.map((n) => `r:${n}`), ...a.byline.correspondents.map((n) => `c:${n}`), ...a.byline.photographers.map((n) => `p:${n}`)]).sort();
      assert.deepEqual(names(record.articles), names(gold.articles));
      if (gold.masthead) {
        for (const [k, v] of Object.entries(gold.masthead)) if (v !== null) assert.equal(norm(String(record.masthead?.[k as keyof typeof record.masthead])), norm(String(v)), k);
      } else assert.equal(record.masthead, null);
    });
  }

  if (page.expect) {
    const expect = page.expect;
    test(`page ${page.slug}: ${expect.note}`, () => {
      const { record } = parsePage(page.source, page.slug);
      assert.equal(record.articles.length, expect.articles, 'article count');
      const heads = record.articles.map(headlineOf);
      for (const h of expect.headlines) assert.ok(heads.includes(norm(h)), `headline ${h} in ${heads.join(' | ')}`);
      const reporters = record.articles.flatMap((a) => a.byline.reporters);
      for (const r of expect.reporters ?? []) assert.ok(reporters.includes(r), `reporter ${r}`);
      const paragraphs = record.articles.flatMap((a) => a.paragraphs.map(norm));
      for (const p of expect.paragraphs ?? []) assert.ok(paragraphs.includes(norm(p)), `paragraph ${p.slice(0, 30)}…`);
      for (const [k, v] of Object.entries(expect.masthead ?? {})) assert.equal(record.masthead?.[k as keyof typeof record.masthead], v, k);
      assert.deepEqual(record.articles.map((a) => a.continuedTo).filter(Boolean).sort(), [...(expect.continuedTo ?? [])].sort());
      assert.deepEqual(record.articles.map((a) => a.continuedFrom).filter(Boolean).sort(), [...(expect.continuedFrom ?? [])].sort());
    });
  }
}

function existsScorer(): boolean {
  return spawnSync('python3', ['--version']).status === 0 && spawnSync('test', ['-f', SCORER]).status === 0;
}
