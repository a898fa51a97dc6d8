import type { ArticleRef, PageRoot, Role, SpanNode } from '../../tree/types.js';
import type { Stage } from '../../pipeline/stage.js';
import type { PageFile } from '../../file/page-file.js';
import { endsSentence } from '../../text/chars.js';
import { BigramIdf, bigramsOf } from './content-similarity.js';
import { collectUnits, unitsOf, type Atom, type Layout, type Photo, type Segment, type Unit } from './collect-units.js';
import { chooseHeadlines, styleAfter, type HeadlineGroup } from './choose-headlines.js';
import { splitHeadline } from './split-headline.js';

export interface LinkOptions {
  /** least score for a headline to be attached to a body (default 0.2) */
  headlineThreshold?: number;
  /** least similarity for a headline-like line between two runs of one article to count as a subhead (default 0.12) */
  sectionSimilarity?: number;
  /** least similarity for a run of text to be moved to the article whose sentence it finishes (default 0.15) */
  continuationSimilarity?: number;
}

interface Texts {
  idf: BigramIdf;
  grams: Map<Segment | Unit, Set<string>>;
}

/**
 * Assembles articles: attaches each headline to its body wherever the page
 * printed it (before, after, or gathered elsewhere), rejoins runs of text that
 * finish another article's sentence, tells subheads from headlines, and gives
 * captions to their articles. Every choice is scored first and chosen after;
 * runner-ups are recorded as messages.
 */
export const linkArticles: Stage<LinkOptions> = (options = {}) => (tree: PageRoot, file: PageFile): PageRoot => {
  const threshold = options.headlineThreshold ?? 0.2;
  const units = unitsOf(tree);
  const layout = collectUnits(units);
  const texts = measure(layout);
  const roleOverride = new Map<string, Role>();
  const joinAfter = new Map<Segment, Segment>(); // moved runs: segment → its continuation

  markSections(layout, texts, options.sectionSimilarity ?? 0.12, roleOverride);
  joinContinuations(layout, texts, options.continuationSimilarity ?? 0.15, joinAfter, file);

  const segments = layout.segments.filter((s) => s.units.length > 0);
  const atoms = layout.atoms;
  const scores = atoms.map((a) => segments.map((s) => contentScore(a, s, texts)));
  const nextOf = (a: Atom) => segments.findIndex((s) => s.first > a.last);
  const prevOf = (a: Atom) => findLastIndex(segments, (s) => s.last < a.first);
  const best = scores.map((row) => row.indexOf(Math.max(...row)));
  const markdown = atoms.map((a) => a.units.some((u) => u.block.data.heading > 0));
  const after = styleAfter(atoms, atoms.map((a, i) => best[i] === nextOf(a)), atoms.map((a, i) => best[i] === prevOf(a)), markdown);
  const adjusted = atoms.map((a, i) =>
    segments.map((s, j) => {
      let score = scores[i][j];
      if (j === nextOf(a)) score += 0.3 * after;
      if (j === prevOf(a)) score += 0.3 * (1 - after);
      if (s.continuedFrom) score -= 0.4;
      return score;
    }),
  );
  const groups = chooseHeadlines(atoms, adjusted, segments, after, threshold);

  // headlines left over: a photo with its caption, a teaser, or a body beside them
  const photoOf = new Map<HeadlineGroup, Photo>();
  const usedPhotos = new Set<Photo>();
  for (const g of groups) {
    if (g.target) continue;
    const text = g.atoms.flatMap((a) => a.units);
    let bestPhoto: Photo | null = null;
    let bestScore = 0.1;
    for (const p of layout.photos) {
      if (usedPhotos.has(p)) continue;
      const grams = bigramsFromUnits(text);
      const score = texts.idf.containment(grams, texts.grams.get(p.caption)!);
      if (score > bestScore) {
        bestScore = score;
        bestPhoto = p;
      }
    }
    if (bestPhoto) {
      photoOf.set(g, bestPhoto);
      usedPhotos.add(bestPhoto);
      file.message('link/photo-story', 'info', {
        place: bestPhoto.caption.block.position,
        params: { caption: clip(bestPhoto.caption.text), headline: clip(text.map((u) => u.text).join('')) },
      });
    }
  }
  const headed = new Set(groups.map((g) => g.target).filter(Boolean));
  for (const g of groups) {
    if (g.target || photoOf.has(g) || g.atoms[g.atoms.length - 1].jump) continue;
    const first = g.atoms[0];
    const last = g.atoms[g.atoms.length - 1];
    const side = after >= 0.5 ? segments[nextOf(last)] : segments[prevOf(first)];
    if (side && !headed.has(side) && !side.continuedFrom && adjacentTo(g, side, layout)) {
      g.target = side;
      g.score = 0;
      headed.add(side);
    }
  }

  const captionTarget = attachCaptions(layout, segments, usedPhotos, texts, file);
  const articles: ArticleRef[] = [];
  const other: string[] = [];
  let n = 0;
  const groupOf = new Map<Segment, HeadlineGroup>();
  for (const g of groups) if (g.target) groupOf.set(g.target, g);
  const continuation = new Set(joinAfter.values());

  for (const s of segments) {
    if (continuation.has(s)) continue;
    const art = emptyArticle(`a${++n}`);
    const g = groupOf.get(s);
    if (g) {
      applyHeadline(art, g.atoms, roleOverride);
      if (g.score > 0) {
        file.message('link/headline-assigned', 'info', {
          place: g.atoms[0].units[0].block.position,
          params: {
            headline: clip(g.atoms.flatMap((a) => a.units).map((u) => u.text).join('')),
            body: clip(s.units[0].text),
            score: g.score.toFixed(2),
            runnerUp: g.runnerUp?.target ? clip(g.runnerUp.target.units[0].text) : '',
            runnerUpScore: g.runnerUp ? g.runnerUp.score.toFixed(2) : '',
          },
        });
      }
      art.confidence = g.score > 0 ? Math.min(1, 0.5 + g.score - (g.runnerUp?.score ?? 0) / 2) : 0.4;
    } else art.confidence = s.hasLead ? 0.6 : 0.4;
    let seg: Segment | undefined = s;
    let joinPrev = false;
    while (seg) {
      addBody(art, seg, joinPrev);
      for (const u of layout.trailing.get(seg) ?? []) addTrailing(art, u);
      const next = joinAfter.get(seg);
      joinPrev = !!next && isOpen(art);
      seg = next;
    }
    for (const [photo, target] of captionTarget) if (target === s) addPhoto(art, photo, 'caption');
    articles.push(art);
  }
  for (const g of groups) {
    if (g.target) continue;
    const photo = photoOf.get(g);
    const jump = g.atoms[g.atoms.length - 1].jump;
    if (photo) {
      const art = emptyArticle(`a${++n}`);
      applyHeadline(art, g.atoms, roleOverride);
      addPhoto(art, photo, 'paragraph', roleOverride);
      art.confidence = 0.5;
      articles.push(art);
    } else if (jump || g.atoms.some((a) => a.units.some((u) => u.block.data.heading > 0 && u.block.data.heading <= 2))) {
      const art = emptyArticle(`a${++n}`);
      applyHeadline(art, g.atoms, roleOverride);
      if (jump) art.jumps.push(...spanIds(jump));
      art.confidence = 0.5;
      articles.push(art);
    } else {
      for (const a of g.atoms) for (const u of a.units) other.push(...relabel(u, 'other', roleOverride));
      file.message('link/headline-unassigned', 'warning', {
        place: g.atoms[0].units[0].block.position,
        params: { headline: clip(g.atoms.flatMap((a) => a.units).map((u) => u.text).join('')) },
      });
    }
  }
  for (const p of layout.photos) {
    if (usedPhotos.has(p) || captionTarget.has(p)) continue;
    other.push(...spanIds(p.caption), ...(p.credit ? spanIds(p.credit) : []));
  }
  for (const u of layout.other) other.push(...spanIds(u));
  if (articles.length === 0) file.message('segment/no-articles', 'warning', {});

  articles.sort((a, b) => firstOffset(a, tree) - firstOffset(b, tree));
  const children = applyRoles(tree, roleOverride);
  return { ...tree, children, data: { ...tree.data, articles, other } };
};

function measure(layout: Layout): Texts {
  const idf = new BigramIdf();
  const grams = new Map<Segment | Unit, Set<string>>();
  for (const s of layout.segments) {
    const g = bigramsFromUnits(s.units);
    grams.set(s, g);
    idf.add(g);
  }
  for (const p of layout.photos) {
    const g = bigramsOf(p.caption.text);
    grams.set(p.caption, g);
    idf.add(g);
  }
  for (const u of layout.units) if (!grams.has(u)) grams.set(u, bigramsOf(u.text));
  return { idf, grams };
}

function bigramsFromUnits(units: Unit[]): Set<string> {
  return bigramsOf(units.map((u) => u.text).join('\n'));
}

function contentScore(a: Atom, s: Segment, texts: Texts): number {
  return texts.idf.containment(bigramsFromUnits(a.units), segmentGrams(s, texts));
}

function segmentGrams(s: Segment, texts: Texts): Set<string> {
  let g = texts.grams.get(s);
  if (!g) {
    g = bigramsFromUnits(s.units);
    texts.grams.set(s, g);
  }
  return g;
}

/**
 * A headline-like line between two runs of text, where the run after it has no
 * dateline or byline of its own and reads like the run before: a subhead of
 * one article, not the headline of another.
 */
function markSections(layout: Layout, texts: Texts, minSimilarity: number, roles: Map<string, Role>): void {
  const { atoms, segments } = layout;
  for (let i = 0; i < atoms.length; i++) {
    // the run of atoms with nothing but headlines between them
    let j = i;
    while (j + 1 < atoms.length && atoms[j + 1].first === atoms[j].last + 1) j++;
    const run = atoms.slice(i, j + 1);
    const before = findLast(segments, (s) => s.last === run[0].first - 1 && s.units.length > 0);
    const after = segments.find((s) => s.first === run[run.length - 1].last + 1 && s.units.length > 0);
    i = j;
    if (!before || !after || after.hasLead || after.continuedFrom || run.some((a) => a.jump)) continue;
    if (!atoms.some((a) => a.last < run[0].first)) continue; // the article before needs a headline of its own
    if (run.some((a) => a.units.some((u) => u.text.length > 24 || u.block.data.heading > 0))) continue;
    const sim = texts.idf.cosine(segmentGrams(after, texts), segmentGrams(before, texts));
    if (sim < minSimilarity) continue;
    for (const a of run) {
      for (const u of a.units) {
        u.kind = 'section';
        for (const sp of u.spans) roles.set(sp.id, 'paragraph');
        before.units.push(u);
      }
    }
    for (const u of after.units) before.units.push(u);
    before.last = after.last;
    after.units = [];
    for (const a of run) atoms.splice(atoms.indexOf(a), 1);
    i -= run.length;
  }
}

/**
 * An article whose last sentence stops short, and a run of text elsewhere that
 * reads like it and opens mid-sentence: the run is moved to finish it.
 */
function joinContinuations(layout: Layout, texts: Texts, minSimilarity: number, joinAfter: Map<Segment, Segment>, file: PageFile): void {
  const segments = layout.segments;
  for (const s of [...segments]) {
    if (s.units.length === 0) continue;
    const last = s.units[s.units.length - 1];
    if (last.kind !== 'body' && last.kind !== 'lead' && last.kind !== 'section') continue;
    if (endsSentence(last.text) || last.spans.some((sp) => sp.role === 'jump')) continue;
    const target = segmentGrams(s, texts);
    let best: { host: Segment; at: number; score: number; sim: number } | null = null;
    let second = 0;
    for (const host of segments) {
      if (host === s || host.units.length === 0 || joinAfter.has(host) || [...joinAfter.values()].includes(host)) continue;
      for (let k = 0; k < host.units.length; k++) {
        const u = host.units[k];
        if (u.kind !== 'body') continue;
        if (k > 0 && !endsSentence(host.units[k - 1].text)) continue;
        if (k === 0 && (host.hasLead || host.continuedFrom)) continue;
        const run = bigramsFromUnits(host.units.slice(k));
        const sim = texts.idf.cosine(run, target);
        const stay = k > 0 ? texts.idf.cosine(run, bigramsFromUnits(host.units.slice(0, k))) : 0;
        const fragment = /^[^，。！？、,]{1,6}[。，！？]/.test(u.text) ? 0.1 : 0;
        const score = sim - stay + fragment;
        if (sim < minSimilarity || score <= 0.05) continue;
        if (!best || score > best.score) {
          second = best?.score ?? second;
          best = { host, at: k, score, sim };
        } else second = Math.max(second, score);
      }
    }
    if (!best) continue;
    const moved: Segment = {
      id: segments.length,
      units: best.host.units.slice(best.at),
      hasLead: false,
      continuedFrom: false,
      first: best.host.units[best.at].index,
      last: best.host.last,
    };
    best.host.units = best.host.units.slice(0, best.at);
    if (best.host.units.length) best.host.last = best.host.units[best.host.units.length - 1].index;
    segments.push(moved);
    joinAfter.set(s, moved);
    layout.trailing.set(moved, layout.trailing.get(best.host) ?? []);
    if (best.at > 0) layout.trailing.delete(best.host);
    file.message('link/continuation-joined', 'info', {
      place: moved.units[0].block.position,
      params: { fragment: clip(moved.units[0].text), body: clip(s.units[0].text), score: best.score.toFixed(2), runnerUpScore: second.toFixed(2) },
    });
  }
}

function attachCaptions(layout: Layout, segments: Segment[], used: Set<Photo>, texts: Texts, file: PageFile): Map<Photo, Segment> {
  const out = new Map<Photo, Segment>();
  for (const p of layout.photos) {
    if (used.has(p)) continue;
    const grams = texts.grams.get(p.caption)!;
    const next = segments.find((s) => s.first > p.caption.index);
    const scored = segments
      .filter((s) => s.units.length > 0)
      .map((s) => {
        let score = texts.idf.containment(grams, segmentGrams(s, texts));
        if (s === p.inside) score += 0.3;
        if (s === next) score += 0.15;
        return { s, score };
      })
      .sort((a, b) => b.score - a.score);
    if (!scored.length || scored[0].score < 0.15) continue;
    out.set(p, scored[0].s);
    file.message('link/caption-assigned', 'info', {
      place: p.caption.block.position,
      params: {
        caption: clip(p.caption.text),
        article: clip(scored[0].s.units[0].text),
        score: scored[0].score.toFixed(2),
        runnerUpScore: scored[1] ? scored[1].score.toFixed(2) : '',
      },
    });
  }
  return out;
}

function emptyArticle(id: string): ArticleRef {
  return { id, kicker: [], title: [], subtitle: [], byline: [], dateline: [], paragraphs: [], captions: [], credits: [], jumps: [], confidence: 1 };
}

function spanIds(u: Unit): string[] {
  return u.spans.map((s) => s.id);
}

function relabel(u: Unit, role: Role, roles: Map<string, Role>): string[] {
  for (const s of u.spans) roles.set(s.id, role);
  return spanIds(u);
}

function applyHeadline(art: ArticleRef, atoms: Atom[], roles: Map<string, Role>): void {
  const parts = splitHeadline(atoms.map((a) => a.units.map((u) => ({ id: u.spans.map((s) => s.id), heading: u.block.data.heading, text: u.text }))));
  for (const [role, ids] of parts) {
    for (const id of ids) roles.set(id, role);
    art[role].push(...ids);
  }
}

function addBody(art: ArticleRef, s: Segment, joinFirst: boolean): void {
  let joinNext = joinFirst;
  for (const u of s.units) {
    for (const span of u.spans) {
      if (span.role === 'paragraph' || span.role === 'title') {
        if (joinNext && art.paragraphs.length) art.paragraphs[art.paragraphs.length - 1].push(span.id);
        else art.paragraphs.push([span.id]);
        joinNext = false;
      } else if (span.role === 'byline') art.byline.push(span.id);
      else if (span.role === 'dateline') art.dateline.push(span.id);
      else if (span.role === 'jump') art.jumps.push(span.id);
      else if (span.role === 'credit') art.credits.push(span.id);
      else if (span.role === 'caption') art.captions.push([span.id]);
    }
    if (u.block.data.continuesIn) joinNext = true;
  }
}

function addTrailing(art: ArticleRef, u: Unit): void {
  for (const span of u.spans) {
    if (span.role === 'credit') art.credits.push(span.id);
    else if (span.role === 'dateline') art.dateline.push(span.id);
  }
}

function addPhoto(art: ArticleRef, p: Photo, as: 'caption' | 'paragraph', roles?: Map<string, Role>): void {
  for (const span of p.caption.spans) {
    if (span.role === 'credit') art.credits.push(span.id);
    else if (as === 'caption') art.captions.push([span.id]);
    else {
      roles?.set(span.id, 'paragraph');
      art.paragraphs.push([span.id]);
    }
  }
  if (p.credit) art.credits.push(...spanIds(p.credit));
}

function isOpen(art: ArticleRef): boolean {
  return art.paragraphs.length > 0;
}

function adjacentTo(g: HeadlineGroup, s: Segment, layout: Layout): boolean {
  const first = g.atoms[0].first;
  const last = g.atoms[g.atoms.length - 1].last;
  const between = (a: number, b: number) => layout.units.slice(a + 1, b).every((u) => u.kind === 'caption' || u.kind === 'credit' || u.kind === 'headline' || u.kind === 'byline' || u.kind === 'other');
  return s.first > last ? between(last, s.first) : between(s.last, first);
}

function firstOffset(a: ArticleRef, tree: PageRoot): number {
  const ids = [...a.dateline, ...a.byline, ...a.paragraphs.flat(), ...a.title, ...a.kicker, ...a.captions.flat()];
  let min = Infinity;
  for (const c of tree.children) {
    if (c.type !== 'block') continue;
    for (const s of c.children) if (s.type === 'span' && ids.includes(s.id)) min = Math.min(min, s.position.start.offset);
  }
  return min;
}

function applyRoles(tree: PageRoot, roles: Map<string, Role>): PageRoot['children'] {
  if (roles.size === 0) return tree.children;
  return tree.children.map((c) => {
    if (c.type !== 'block' || !c.children.some((s) => s.type === 'span' && roles.has(s.id))) return c;
    return {
      ...c,
      children: c.children.map((s) => (s.type === 'span' && roles.has(s.id) ? ({ ...s, role: roles.get(s.id)! } as SpanNode) : s)),
    };
  });
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, '');
  return t.length > 16 ? `${t.slice(0, 16)}…` : t;
}

function findLast<T>(xs: T[], f: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return xs[i];
  return undefined;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}
