import type { BlockKind, BlockNode, PageRoot, SpanNode } from '../../tree/types.js';
import { textOf } from '../../tree/visit.js';

/** One block as the linker sees it. */
export interface Unit {
  /** position among the page's units, in source order */
  index: number;
  block: BlockNode;
  kind: BlockKind;
  spans: SpanNode[];
  text: string;
}

/** Body text in source order between headlines: one article's text, or a piece of one. */
export interface Segment {
  id: number;
  units: Unit[];
  hasLead: boolean;
  continuedFrom: boolean;
  /** units of captions printed inside or beside it, before linking moves them */
  first: number;
  last: number;
}

/** Consecutive headline lines with no blank line between them: one piece of a headline stack. */
export interface Atom {
  units: Unit[];
  first: number;
  last: number;
  /** a jump line right after it: a teaser for another page */
  jump?: Unit;
}

export interface Photo {
  caption: Unit;
  credit?: Unit;
  /** the segment being read when the caption was met */
  inside?: Segment;
}

export interface Layout {
  units: Unit[];
  segments: Segment[];
  atoms: Atom[];
  photos: Photo[];
  /** credits and source lines that follow a segment */
  trailing: Map<Segment, Unit[]>;
  other: Unit[];
}

export function unitsOf(tree: PageRoot): Unit[] {
  const units: Unit[] = [];
  for (const child of tree.children) {
    if (child.type !== 'block') continue;
    const kind = child.data.kind ?? 'other';
    if (kind === 'masthead') continue;
    const spans = child.children.filter((c): c is SpanNode => c.type === 'span');
    if (kind === 'other' && spans.some((s) => s.role === 'masthead')) continue;
    units.push({ index: units.length, block: child, kind, spans, text: textOf(child) });
  }
  return units;
}

/**
 * Walks the page in source order: headlines close the body being read;
 * a dateline or byline after body text starts a new one; captions and credits
 * are set aside without closing it.
 */
export function collectUnits(units: Unit[]): Layout {
  const segments: Segment[] = [];
  const atoms: Atom[] = [];
  const photos: Photo[] = [];
  const trailing = new Map<Segment, Unit[]>();
  const other: Unit[] = [];
  let current: Segment | null = null;
  let hasBody = false;
  let prev: Unit | null = null;

  const open = (u: Unit): Segment => {
    const s: Segment = { id: segments.length, units: [], hasLead: false, continuedFrom: false, first: u.index, last: u.index };
    segments.push(s);
    hasBody = false;
    return s;
  };
  const push = (s: Segment, u: Unit) => {
    s.units.push(u);
    s.last = u.index;
  };

  for (const u of units) {
    switch (u.kind) {
      case 'headline': {
        const last = atoms[atoms.length - 1];
        if (last && prev && prev === last.units[last.units.length - 1] && prev.block.data.blankAfter === 0) {
          last.units.push(u);
          last.last = u.index;
        } else atoms.push({ units: [u], first: u.index, last: u.index });
        current = null;
        break;
      }
      case 'byline':
        if (current && hasBody) current = null;
        current ??= open(u);
        push(current, u);
        break;
      case 'lead':
        // (a photo's credit under its headline opens the photo's text, but a dateline after other matter — a service
        // box, a masthead — begins a story of its own)
        if (current && (hasBody || (prev?.kind === 'other' && current.units.every((x) => x.kind === 'credit')))) current = null;
        current ??= open(u);
        push(current, u);
        current.hasLead = true;
        if (u.spans.some((s) => s.role === 'jump') && u.spans[0]?.role === 'jump') current.continuedFrom = true;
        hasBody = true;
        break;
      case 'body':
      case 'section':
        current ??= open(u);
        push(current, u);
        hasBody = true;
        break;
      case 'caption':
        photos.push({ caption: u, inside: current ?? undefined });
        break;
      case 'credit': {
        const photo = photos[photos.length - 1];
        if (photo && prev === photo.caption && !photo.credit) photo.credit = u;
        // right under a headline: a photo story's credit, the start of its text
        else if (prev?.kind === 'headline') push((current = open(u)), u);
        else if (segments.length) addTrailing(trailing, current ?? segments[segments.length - 1], u);
        else other.push(u);
        break;
      }
      case 'jump': {
        const atom = atoms[atoms.length - 1];
        if (atom && prev && atom.units.includes(prev)) atom.jump = u;
        else if (current) push(current, u);
        else other.push(u);
        break;
      }
      case 'source':
        if (current) push(current, u);
        else if (segments.length) addTrailing(trailing, segments[segments.length - 1], u);
        else other.push(u);
        break;
      default:
        other.push(u);
    }
    prev = u;
  }
  return { units, segments, atoms, photos, trailing, other };
}

function addTrailing(map: Map<Segment, Unit[]>, s: Segment, u: Unit): void {
  const list = map.get(s) ?? [];
  list.push(u);
  map.set(s, list);
}
