import type { ArticleRef, Byline, Masthead, PageRoot, Position, SpanNode } from '../tree/types.js';
import type { PageFile, PageMessage } from '../file/page-file.js';
import { spansById, textOf } from '../tree/visit.js';
import { parseByline } from '../stages/segment/parse-byline.js';
import { endsSentence } from '../text/chars.js';

/** An article in the shape of GOLD-SCHEMA.md, with where each part came from. */
/** A byline's roles, in the order records and stores list them. */
export const BYLINE_ROLES = ['reporters', 'correspondents', 'photographers'] as const satisfies ReadonlyArray<keyof Byline>;

export interface ArticleRecord {
  id: string;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: Byline;
  dateline: string | null;
  paragraphs: string[];
  captions: string[];
  continuedFrom: string | null;
  continuedTo: string | null;
  complete: boolean;
  confidence: number;
  /** source positions of the article's parts, in reading order */
  sources: Array<{ role: string; position: Position }>;
}

export interface PageRecord {
  page: string;
  paper: string | null;
  masthead: Masthead | null;
  articles: ArticleRecord[];
  other: string[];
  encoding: string;
  messages: PageMessage[];
}

const JUMP_PAGE = /第\s*[一二三四五六七八九十\d]{1,3}\s*版/;

/** The finished tree → flat records for the store, the API and `parse --format json`. */
export function toRecords(tree: PageRoot, file: PageFile, pageName: string): PageRecord {
  const spans = spansById(tree);
  const get = (ids: string[]) => ids.map((id) => spans.get(id)).filter((s): s is SpanNode => !!s);
  const joinText = (ids: string[], sep: string) => {
    const parts = get(ids).map((s) => textOf(s).trim()).filter(Boolean);
    return parts.length ? parts.join(sep) : null;
  };
  const raw = (s: SpanNode) => file.text.slice(s.position.start.offset, s.position.end.offset);

  const articles = (tree.data.articles ?? []).map((a: ArticleRef): ArticleRecord => {
    const byline: Byline = { reporters: [], correspondents: [], photographers: [] };
    for (const s of [...get(a.byline), ...get(a.credits)]) {
      const parsed = parseByline(raw(s));
      if (s.role === 'credit' || /摄影?\s*$/.test(raw(s))) parsed.photographers.push(...parsed.reporters.splice(0), ...parsed.correspondents.splice(0));
      for (const k of BYLINE_ROLES) {
        for (const name of parsed[k]) if (!byline[k].includes(name)) byline[k].push(name);
      }
    }
    const jumps = get(a.jumps).map(textOf);
    const from = jumps.find((j) => /紧接|上接|^[（(]接/.test(j));
    const to = jumps.find((j) => j !== from);
    const paragraphs = a.paragraphs.map((ids) => get(ids).map((s) => textOf(s).trim()).join('')).filter(Boolean);
    const last = paragraphs[paragraphs.length - 1] ?? '';
    const continuedFrom = from ? (JUMP_PAGE.exec(from)?.[0].replace(/\s+/g, '') ?? null) : null;
    const continuedTo = to ? (JUMP_PAGE.exec(to)?.[0].replace(/\s+/g, '') ?? null) : null;
    const ordered = get([...a.kicker, ...a.title, ...a.subtitle, ...a.dateline, ...a.byline, ...a.paragraphs.flat(), ...a.captions.flat(), ...a.credits, ...a.jumps]);
    return {
      id: a.id,
      kicker: joinText(a.kicker, ''),
      title: joinText(a.title, ''),
      subtitle: joinText(a.subtitle, ' '),
      byline,
      dateline: joinText(a.dateline.slice(0, 1), ''),
      paragraphs,
      captions: a.captions.map((ids) => get(ids).map((s) => textOf(s).trim()).join('')).filter(Boolean),
      continuedFrom,
      continuedTo,
      complete: !continuedFrom && !continuedTo && paragraphs.length > 0 && endsSentence(last),
      confidence: Math.round(a.confidence * 100) / 100,
      sources: ordered.map((s) => ({ role: s.role, position: s.position })),
    };
  });
  const masthead = tree.data.masthead?.fields ?? null;
  return {
    page: pageName,
    paper: masthead?.paper ?? null,
    masthead,
    articles,
    other: get(tree.data.other ?? []).map((s) => textOf(s).trim()).filter(Boolean),
    encoding: file.encoding,
    messages: file.messages,
  };
}
