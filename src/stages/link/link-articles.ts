import type { ArticleRef, PageRoot, Role, SpanNode } from '../../tree/types.js';
import type { Stage } from '../../pipeline/stage.js';
import type { PageFile } from '../../file/page-file.js';
import { endsSentence } from '../../text/chars.js';
import { BigramIdf, bigramsOf, union, type Grams } from './content-similarity.js';
import { collectUnits, unitsOf, type Atom, type Layout, type Photo, type Segment, type Unit } from './collect-units.js';
import { chooseHeadlines, styleAfter, type HeadlineGroup } from './choose-headlines.js';
import { splitHeadline, subtitleStart } from './split-headline.js';
import { applyStackSplits, scoreStackSplits } from './split-stacks.js';
import { Defaults, ScoreRow } from './score-row.js';
import { splitSpan } from '../../tree/spans.js';

export interface LinkOptions {
  /** least score for a headline to be attached to a body (default 0.2) */
  headlineThreshold?: number;
  /** least similarity for a headline-like line between two runs of one article to count as a subhead (default 0.12) */
  sectionSimilarity?: number;
  /** how much more a run of text must read like an unfinished article than like anything else to be moved to it (default 0.01) */
  continuationMargin?: number;
}

/** How far apart (in runs of text) a continuation and its article may be looked for. */
const NEARBY_SEGMENTS = 40;

interface Texts {
  idf: BigramIdf;
  grams: Map<Segment | Unit, Grams>;
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
  const splits: Splits = new Map();
  const joinAfter = new Map<Segment, Segment>(); // moved runs: segment → its continuation

  markSections(layout, texts, options.sectionSimilarity ?? 0.12, roleOverride);
  joinContinuations(layout, texts, options.continuationMargin ?? 0.01, joinAfter, file);

  const segments = layout.segments.filter((s) => s.units.length > 0);
  const around = (a: Atom) => nearbyRange(segments, a.last);
  const stackSplits = scoreStackSplits(
    layout.atoms,
    (a) => {
      const { from, to } = around(a);
      return segments.slice(from, to);
    },
    (units) => gramsOfUnits(units, texts),
    (grams, s) => texts.idf.overlap(grams, segmentGrams(s, texts)),
    2 * threshold,
  );
  const atoms = applyStackSplits(layout.atoms, stackSplits);
  for (const split of stackSplits) {
    const lines = split.atom.units.map((u) => u.text);
    file.message('link/stack-split', 'info', {
      place: split.atom.units[split.at].block.position,
      params: {
        before: clip(lines.slice(0, split.at).join('')),
        after: clip(lines.slice(split.at).join('')),
        score: split.score.toFixed(2),
        runnerUp: split.runnerUp
          ? `“${clip(lines.slice(0, split.runnerUp.at).join(''))}” | “${clip(lines.slice(split.runnerUp.at).join(''))}” (${split.runnerUp.score.toFixed(2)})`
          : '—',
      },
    });
  }
  const unscored = new Defaults(segments.map(() => 0));
  const scores = atoms.map((a) => {
    const { from, to } = around(a);
    return ScoreRow.band(from, to, unscored, (j) => contentScore(a, segments[j], texts));
  });
  const nextOf = (a: Atom) => segments.findIndex((s) => s.first > a.last);
  const prevOf = (a: Atom) => findLastIndex(segments, (s) => s.last < a.first);
  const best = scores.map((row) => row.argmax());
  const markdown = atoms.map((a) => a.units.some((u) => u.block.data.heading > 0));
  const after = styleAfter(atoms, atoms.map((a, i) => best[i] === nextOf(a)), atoms.map((a, i) => best[i] === prevOf(a)), markdown);

  const nexts = atoms.map(nextOf);
  const prevs = atoms.map(prevOf);
  // (a run that goes on another's text is a body for no headline: it scores less for every piece)
  const continued = new Defaults(segments.map((s) => (s.continuedFrom ? -0.4 : 0)));
  const adjusted = scores.map((row, i) =>
    ScoreRow.band(Math.min(row.from, prevs[i] < 0 ? row.from : prevs[i]), Math.max(row.to, nexts[i] + 1), continued, (j) => {
      let score = row.get(j) + continued.values[j];
      if (j === nexts[i]) score += 0.3 * after;
      if (j === prevs[i]) score += 0.3 * (1 - after);
      return score;
    }),
  );
  const groups = chooseHeadlines(atoms, adjusted, segments, after, threshold, scores);

  // headlines left over: a photo with its caption, a teaser, or a body beside them
  const photoOf = new Map<HeadlineGroup, Photo>();
  const photoText = new Map<Segment, Photo>();
  const usedPhotos = new Set<Photo>();
  for (const g of groups) {
    if (g.target) continue;
    const text = g.atoms.flatMap((a) => a.units);
    let bestPhoto: Photo | null = null;
    let bestScore = 0.1;
    for (const p of layout.photos) {
      if (usedPhotos.has(p)) continue;
      const score = texts.idf.containment(gramsOfUnits(text, texts), texts.grams.get(p.caption)!);
      if (score > bestScore) {
        bestScore = score;
        bestPhoto = p;
      }
    }
    if (bestPhoto) {
      usedPhotos.add(bestPhoto);
      // a photo story printed title, text, photo: the text right under the headline, with no dateline, that the photo's
      // caption follows is the story's, the caption its last paragraph
      const story = bestPhoto.inside;
      if (story && !story.hasLead && !story.continuedFrom && story.first > g.atoms[g.atoms.length - 1].last && !groups.some((o) => o.target === story) && adjacentTo(g, story, layout)) {
        g.target = story;
        photoText.set(story, bestPhoto);
      } else photoOf.set(g, bestPhoto);
      file.message('link/photo-story', 'info', {
        place: bestPhoto.caption.block.position,
        params: { caption: clip(bestPhoto.caption.text), headline: clip(text.map((u) => u.text).join('')) },
      });
    }
  }
  const headed = new Set(groups.map((g) => g.target).filter(Boolean));
  for (const g of groups) {
    if (g.target || photoOf.has(g) || g.atoms[g.atoms.length - 1].jump) continue;
    const story = photoTextBefore(g, segments, texts, options.sectionSimilarity ?? 0.12);
    if (story) {
      g.target = story.credit;
      headed.add(story.credit);
      file.message('link/photo-text-before', 'info', {
        place: story.text.block.position,
        params: {
          text: clip(story.text.text),
          headline: clip(g.atoms.flatMap((a) => a.units).map((u) => u.text).join('')),
          article: clip(story.from.units[0].text),
          similarity: story.similarity.toFixed(2),
        },
      });
      continue;
    }
    const first = g.atoms[0];
    const last = g.atoms[g.atoms.length - 1];
    const side = after >= 0.5 ? segments[nextOf(last)] : segments[prevOf(first)];
    if (side && !headed.has(side) && !side.continuedFrom && adjacentTo(g, side, layout)) {
      g.target = side;
      g.score = 0;
      headed.add(side);
    }
  }

  const bylineMoved = moveLoneBylines(segments, groups, layout.units);
  const captionTarget = attachCaptions(layout, segments, usedPhotos, texts, file);
  const articles: ArticleRef[] = [];
  const other: string[] = [];
  let n = 0;
  const groupOf = new Map<Segment, HeadlineGroup>();
  for (const g of groups) if (g.target) groupOf.set(g.target, g);
  const continuation = new Set(joinAfter.values());

  for (const s of segments) {
    if (continuation.has(s) || bylineMoved.has(s)) continue;
    const art = emptyArticle(`a${++n}`);
    const g = groupOf.get(s);
    if (g) {
      applyHeadline(art, g.atoms, roleOverride, splits);
      if (g.apart) {
        file.message('link/headline-apart', 'info', {
          place: g.apart[0].units[0].block.position,
          params: { piece: clip(g.apart.flatMap((a) => a.units).map((u) => u.text).join('')), body: clip(s.units[0].text) },
        });
      }
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
      joinPrev = !!next && art.paragraphs.length > 0;
      seg = next;
    }
    const photo = photoText.get(s);
    if (photo) addPhoto(art, photo, 'paragraph', roleOverride);
    for (const [photo, target] of captionTarget) if (target === s) addPhoto(art, photo, 'caption');
    articles.push(art);
  }
  for (const g of groups) {
    if (g.target) continue;
    const photo = photoOf.get(g);
    const jump = g.atoms[g.atoms.length - 1].jump;
    if (photo) {
      const art = emptyArticle(`a${++n}`);
      applyHeadline(art, g.atoms, roleOverride, splits);
      addPhoto(art, photo, 'paragraph', roleOverride);
      art.confidence = 0.5;
      articles.push(art);
    } else if (jump || g.atoms.some((a) => a.units.some((u) => u.block.data.heading > 0 && u.block.data.heading <= 2))) {
      const art = emptyArticle(`a${++n}`);
      applyHeadline(art, g.atoms, roleOverride, splits);
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

  const offsets = spanOffsets(tree);
  articles.sort((a, b) => firstOffset(a, offsets) - firstOffset(b, offsets));
  const children = applyRoles(tree, roleOverride, splits, file);
  return { ...tree, children, data: { ...tree.data, articles, other } };
};

function measure(layout: Layout): Texts {
  const idf = new BigramIdf();
  const grams = new Map<Segment | Unit, Grams>();
  for (const u of layout.units) grams.set(u, bigramsOf(u.text));
  for (const s of layout.segments) {
    const g = union(s.units.map((u) => grams.get(u)!));
    grams.set(s, g);
    idf.add(g);
  }
  for (const p of layout.photos) idf.add(grams.get(p.caption)!);
  return { idf, grams };
}

function gramsOfUnits(units: Unit[], texts: Texts): Grams {
  return union(units.map((u) => texts.grams.get(u) ?? bigramsOf(u.text)));
}

const atomGrams = new WeakMap<Atom, Grams>();

function contentScore(a: Atom, s: Segment, texts: Texts): number {
  let g = atomGrams.get(a);
  if (!g) {
    g = gramsOfUnits(a.units, texts);
    atomGrams.set(a, g);
  }
  return texts.idf.containment(g, segmentGrams(s, texts));
}

/** A segment's bigrams, recomputed when linking has changed its units. */
function segmentGrams(s: Segment, texts: Texts): Grams {
  const cached = texts.grams.get(s) as (Grams & { units?: number }) | undefined;
  if (cached && cached.units === s.units.length) return cached;
  const g = union([new Set<number>(), ...s.units.map((u) => texts.grams.get(u)!)]) as Grams & { units?: number };
  g.units = s.units.length;
  texts.grams.set(s, g);
  return g;
}

/**
 * A headline-like line between two runs of text, where the run after it has no
 * dateline or byline of its own and reads like the run before: a subhead of
 * one article, not the headline of another.
 */
function markSections(layout: Layout, texts: Texts, minSimilarity: number, roles: Map<string, Role>): void {
  const { atoms, segments } = layout;
  // candidates first: runs of headline pieces between two runs of text
  const candidates: Array<{ run: Atom[]; before: Segment; after: Segment; strong: boolean }> = [];
  for (let i = 0; i < atoms.length; i++) {
    let j = i;
    while (j + 1 < atoms.length && atoms[j + 1].first === atoms[j].last + 1) j++;
    const run = atoms.slice(i, j + 1);
    i = j;
    const before = findLast(segments, (s) => s.last === run[0].first - 1 && s.units.length > 0);
    const after = segments.find((s) => s.first === run[run.length - 1].last + 1 && s.units.length > 0);
    if (!before || !after || after.hasLead || after.continuedFrom || run.some((a) => a.jump)) continue;
    if (!atoms.some((a) => a.last < run[0].first)) continue; // the article before needs a headline of its own
    const lines = run.flatMap((a) => a.units);
    if (lines.some((u) => u.text.length > 24 || u.block.data.heading > 0)) continue;
    const sim = texts.idf.cosine(segmentGrams(after, texts), segmentGrams(before, texts));
    // a subhead is short (as above) and printed close to its text; a headline often has a picture under it
    const subheadShape = lines[lines.length - 1].block.data.blankAfter <= 1;
    if (sim >= minSimilarity) candidates.push({ run, before, after, strong: true });
    else if (subheadShape && sim > 0.01) candidates.push({ run, before, after, strong: false });
  }
  // a weak candidate counts only in a series: articles that have subheads have several — or where the page marks its
  // headlines (a PDF's type sizes), and this line, set as the text is, is not marked
  const chained = (c: (typeof candidates)[number]) => candidates.some((d) => d !== c && (d.after === c.before || d.before === c.after));
  const marked = atoms.some((a) => a.units.some((u) => u.block.data.heading > 0));
  for (const c of candidates.filter((c) => c.strong || chained(c) || marked)) {
    const before = c.before;
    for (const a of c.run) {
      for (const u of a.units) {
        u.kind = 'section';
        for (const sp of u.spans) roles.set(sp.id, 'paragraph');
        before.units.push(u);
      }
      atoms.splice(atoms.indexOf(a), 1);
    }
    for (const u of c.after.units) before.units.push(u);
    before.last = c.after.last;
    c.after.units = [];
    // a later candidate that starts after this one now continues the merged run
    for (const d of candidates) if (d.before === c.after) d.before = before;
  }
}

/**
 * An article whose last sentence stops short, and a run of text elsewhere that
 * opens mid-sentence and reads more like that article than like anything else
 * on the page: the run is moved to finish it.
 */
function joinContinuations(layout: Layout, texts: Texts, margin: number, joinAfter: Map<Segment, Segment>, file: PageFile): void {
  const segments = layout.segments;
  // runs and their best rival similarity, kept while their host is unchanged
  const memo = new Map<string, { run: Grams; before: Grams | null }>();
  const slices = (host: Segment, k: number) => {
    const key = `${host.id}:${k}:${host.units.length}`;
    let m = memo.get(key);
    if (!m) {
      m = { run: gramsOfUnits(host.units.slice(k), texts), before: k > 0 ? gramsOfUnits(host.units.slice(0, k), texts) : null };
      memo.set(key, m);
    }
    return m;
  };
  const headed = new Set(layout.atoms.map((a) => a.last + 1));
  const moved = new Set<Segment>();
  // a page has a few dozen runs of text; on text far longer than a page, look only nearby
  const order = new Map(segments.map((seg, i) => [seg, i]));
  const near = (a: Segment, b: Segment) => Math.abs((order.get(a) ?? segments.indexOf(a)) - (order.get(b) ?? segments.indexOf(b))) <= NEARBY_SEGMENTS;
  // the two runs of text nearest in content to a run (other than its host): the same for every article it might finish,
  // so found once, and again after a join changes the runs
  const rivals = new Map<string, Array<{ t: Segment; sim: number }>>();
  const rivalOf = (host: Segment, k: number, run: Grams, s: Segment) => {
    const key = `${host.id}:${k}:${host.units.length}`;
    let top = rivals.get(key);
    if (!top) {
      top = [];
      for (const t of segments) {
        if (t === host || !t.units.length || !near(t, host)) continue;
        top.push({ t, sim: texts.idf.cosine(run, segmentGrams(t, texts)) });
        top.sort((a, b) => b.sim - a.sim);
        top.length = Math.min(top.length, 2);
      }
      rivals.set(key, top);
    }
    return top.find((x) => x.t !== s)?.sim ?? 0;
  };
  for (const s of [...segments]) {
    if (s.units.length === 0 || moved.has(s)) continue;
    const last = s.units[s.units.length - 1];
    if (last.kind !== 'body' && last.kind !== 'lead' && last.kind !== 'section') continue;
    if (endsSentence(last.text) || last.spans.some((sp) => sp.role === 'jump')) continue;
    const target = segmentGrams(s, texts);
    const candidates: Array<{ host: Segment; at: number; score: number }> = [];
    for (const host of segments) {
      if (host === s || host.units.length === 0 || joinAfter.has(host) || !near(host, s)) continue;
      for (let k = 0; k < host.units.length; k++) {
        const u = host.units[k];
        if (u.kind !== 'body') continue;
        const fragment = /^[^，。！？、,；;：:“”]{1,6}[。，！？,]/.test(u.text);
        if (k > 0 && (!endsSentence(host.units[k - 1].text) || !fragment)) continue;
        if (k === 0 && (host.hasLead || host.continuedFrom || headed.has(u.index))) continue;
        const { run, before } = slices(host, k);
        const sim = texts.idf.cosine(run, target);
        let rival = before ? texts.idf.cosine(run, before) : 0;
        if (sim <= rival * 1.25) continue;
        rival = Math.max(rival, rivalOf(host, k, run, s));
        const score = sim - rival + (fragment ? 0.02 : 0);
        if (sim > rival * 1.25 && score >= margin) candidates.push({ host, at: k, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (!best) continue;
    const run: Segment = {
      id: segments.length,
      units: best.host.units.slice(best.at),
      hasLead: false,
      continuedFrom: false,
      first: best.host.units[best.at].index,
      last: best.host.last,
    };
    best.host.units = best.host.units.slice(0, best.at);
    if (best.host.units.length) best.host.last = best.host.units[best.host.units.length - 1].index;
    segments.push(run);
    moved.add(run);
    joinAfter.set(s, run);
    rivals.clear();
    if (layout.trailing.has(best.host)) {
      layout.trailing.set(run, layout.trailing.get(best.host)!);
      layout.trailing.delete(best.host);
    }
    file.message('link/continuation-joined', 'info', {
      place: run.units[0].block.position,
      params: {
        fragment: clip(run.units[0].text),
        body: clip(s.units[0].text),
        score: best.score.toFixed(3),
        runnerUpScore: candidates[1] ? candidates[1].score.toFixed(3) : '',
      },
    });
  }
}

/**
 * The runs of text a headline or caption at unit `index` may belong to: those around it. A text of many pages run
 * together is then linked in time that grows with its length, not its square; a page has far fewer runs than this.
 */
function nearbyRange(segments: Segment[], index: number): { from: number; to: number } {
  const next = segments.findIndex((s) => s.first > index);
  const at = next < 0 ? segments.length : next;
  return { from: Math.max(0, at - NEARBY_SEGMENTS), to: at + NEARBY_SEGMENTS };
}

function attachCaptions(layout: Layout, segments: Segment[], used: Set<Photo>, texts: Texts, file: PageFile): Map<Photo, Segment> {
  const out = new Map<Photo, Segment>();
  for (const p of layout.photos) {
    if (used.has(p)) continue;
    const grams = texts.grams.get(p.caption)!;
    const next = segments.find((s) => s.first > p.caption.index);
    const { from, to } = nearbyRange(segments, p.caption.index);
    const scored = segments
      .slice(from, to)
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

/** Spans to cut in two: span id → the source offset of the cut and the new span's id. */
type Splits = Map<string, { offset: number; id: string }>;

function applyHeadline(art: ArticleRef, atoms: Atom[], roles: Map<string, Role>, splits?: Splits): void {
  const lines = atoms.flatMap((a) => a.units.map((u) => ({ id: u.spans.map((s) => s.id), heading: u.block.data.heading, text: u.text, unit: u })));
  const parts = splitHeadline(atoms.map((a) => a.units.map((u) => ({ id: u.spans.map((s) => s.id), heading: u.block.data.heading, text: u.text }))));
  let hasSubtitle = parts.some(([role]) => role === 'subtitle');
  parts.forEach(([role, ids], i) => {
    for (const id of ids) roles.set(id, role);
    art[role].push(...ids);
    const line = lines[i];
    const cut = role === 'title' && !hasSubtitle && splits && line.unit.spans.length === 1 ? subtitleStart(line, true) : -1;
    if (cut > 0) {
      const span = line.unit.spans[0];
      const offset = offsetInSpan(span, cut);
      if (offset !== null) {
        const id = `${span.id}.sub`;
        splits!.set(span.id, { offset, id });
        roles.set(id, 'subtitle');
        art.subtitle.push(id);
        hasSubtitle = true;
      }
    }
  });
}

/** The source offset of the character at `index` in a span's kept text. */
function offsetInSpan(span: SpanNode, index: number): number | null {
  let seen = 0;
  for (const leaf of span.children) {
    if (leaf.type !== 'text') continue;
    if (index < seen + leaf.value.length) return leaf.position.start.offset + index - seen;
    seen += leaf.value.length;
  }
  return null;
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

/**
 * A photo story that a content stream wrote text first: its paragraph, its headline, its photo's credit
 * (`昨日，在第111个“512”国际护士节…致敬护士节。` / `致敬！可爱的“白衣天使”们` / `记者胡江丰、巫慧英摄`). The paragraph was
 * read as the last of the story before; it is moved to the credit's run of text, which the headline then heads, when
 * the headline matched no body, the credit stands alone right under it, and the paragraph reads unlike the rest of
 * that story (weighted cosine below `unlike`) and more like the headline than the rest does.
 */
function photoTextBefore(g: HeadlineGroup, segments: Segment[], texts: Texts, unlike: number): { text: Unit; credit: Segment; from: Segment; similarity: number } | null {
  const first = g.atoms[0].first;
  const last = g.atoms[g.atoms.length - 1].last;
  const credit = segments.find((s) => s.first === last + 1);
  const from = segments.find((s) => s.last === first - 1);
  if (!credit || !from || !credit.units.every((u) => u.kind === 'credit') || from.units.length < 2) return null;
  const text = from.units[from.units.length - 1];
  if (text.kind !== 'body') return null;
  const rest = gramsOfUnits(from.units.slice(0, -1), texts);
  const similarity = texts.idf.cosine(texts.grams.get(text)!, rest);
  if (similarity >= unlike) return null;
  const headline = gramsOfUnits(g.atoms.flatMap((a) => a.units), texts);
  if (texts.idf.containment(headline, texts.grams.get(text)!) <= texts.idf.containment(headline, rest)) return null;
  from.units = from.units.slice(0, -1);
  from.last = from.units[from.units.length - 1].index;
  credit.units = [text, ...credit.units];
  credit.first = text.index;
  return { text, credit, from, similarity };
}

/**
 * A byline alone, with no text of its own, right before a headline whose story has none (`见习记者阮向民` /
 * `精神之光点亮奋进之路` / … / `本报讯 小讲台有大磁场…`: a stream that wrote the byline over the headline) is that
 * story's — unless it follows a story's text, which it may end; so is a photo's credit alone before a headline whose
 * story has none (`胡江丰、巫慧英 摄` / `致敬！可爱的“白衣天使”们` / `昨日，…`). Returns the runs of text emptied so.
 */
function moveLoneBylines(segments: Segment[], groups: HeadlineGroup[], units: Unit[]): Set<Segment> {
  const moved = new Set<Segment>();
  for (const s of segments) {
    const kind = s.units[0]?.kind;
    if ((kind !== 'byline' && kind !== 'credit') || !s.units.every((u) => u.kind === kind) || groups.some((o) => o.target === s)) continue;
    // (a byline right after a story's text may be that story's, printed at its end)
    const before = units[s.first - 1]?.kind;
    if (before === 'body' || before === 'lead' || before === 'section') continue;
    const g = groups.find((o) => o.atoms[0].first === s.last + 1);
    const story = g?.target;
    if (!story || story === s || story.units.some((u) => u.kind === kind || u.spans.some((sp) => sp.role === kind))) continue;
    story.units = [...s.units, ...story.units];
    story.first = s.first;
    moved.add(s);
  }
  return moved;
}

function adjacentTo(g: HeadlineGroup, s: Segment, layout: Layout): boolean {
  const first = g.atoms[0].first;
  const last = g.atoms[g.atoms.length - 1].last;
  const between = (a: number, b: number) => layout.units.slice(a + 1, b).every((u) => u.kind === 'caption' || u.kind === 'credit' || u.kind === 'headline' || u.kind === 'byline' || u.kind === 'other');
  return s.first > last ? between(last, s.first) : between(s.last, first);
}

function spanOffsets(tree: PageRoot): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of tree.children) {
    if (c.type !== 'block') continue;
    for (const s of c.children) if (s.type === 'span') out.set(s.id, s.position.start.offset);
  }
  return out;
}

/** Where an article starts in the source: its first body part, else its headline. */
function firstOffset(a: ArticleRef, offsets: Map<string, number>): number {
  let min = Infinity;
  for (const id of [...a.dateline, ...a.byline, ...a.paragraphs.flat(), ...a.title, ...a.kicker, ...a.captions.flat()]) {
    min = Math.min(min, offsets.get(id) ?? Infinity);
  }
  return min;
}

function applyRoles(tree: PageRoot, roles: Map<string, Role>, splits: Splits, file: PageFile): PageRoot['children'] {
  if (roles.size === 0 && splits.size === 0) return tree.children;
  return tree.children.map((c) => {
    if (c.type !== 'block' || !c.children.some((s) => s.type === 'span' && (roles.has(s.id) || splits.has(s.id)))) return c;
    return {
      ...c,
      children: c.children.flatMap((s) => {
        if (s.type !== 'span') return [s];
        const role = roles.get(s.id) ?? s.role;
        const split = splits.get(s.id);
        if (split) return splitSpan(s, split.offset, [role, roles.get(split.id) ?? 'subtitle'], split.id, file.source);
        return [role === s.role ? s : ({ ...s, role } as SpanNode)];
      }),
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
