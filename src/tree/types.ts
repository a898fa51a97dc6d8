// The page tree. Leaves tile the decoded source exactly once, in order; parents
// span their children. Articles are not subtrees: a headline printed at the foot
// of the page belongs to a body printed at its head, so articles are kept as
// ordered references to spans (standoff), and the tree itself stays in source order.

export interface Point {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
  /** 0-based UTF-16 offset into the decoded source */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Why characters of the source are not part of any output text. */
export type GapReason =
  | 'indent' // leading or trailing white space of a line
  | 'markup' // markdown heading marks (`#`, `##`) and the space after them
  | 'justify-space' // spaces that justified print put between characters
  | 'column-break' // blank lines inside a paragraph that a column or box break left
  | 'separator' // white space between two parts of one line (dateline and byline, etc.)
  | 'bom'; // a byte-order mark

export interface TextLeaf {
  type: 'text';
  value: string;
  position: Position;
}

/** A line feed. `joined` when reflow decided it only wrapped a paragraph. */
export interface BreakLeaf {
  type: 'break';
  value: string;
  joined: boolean;
  position: Position;
}

export interface GapLeaf {
  type: 'gap';
  value: string;
  reason: GapReason;
  position: Position;
}

export type Leaf = TextLeaf | BreakLeaf | GapLeaf;

export interface LineData {
  /** markdown heading level (`#` = 1), 0 when unmarked */
  heading: number;
  /** display width of the line's text in em (CJK = 1, ASCII = 0.5) */
  width: number;
  /** the line holds no text */
  blank: boolean;
  /** justified print spread the line to its measure by letter-spacing (`据 悉 ， 7 月 26`): it fills its column, however few its characters */
  spread: boolean;
}

export interface LineNode {
  type: 'line';
  id: string;
  children: Leaf[];
  data: LineData;
  position: Position;
}

/** What a span of text is on the page. */
export type Role =
  | 'masthead'
  | 'kicker'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'paragraph'
  | 'caption'
  | 'credit' // a photo credit such as `通讯员胡江丰、巫慧英 摄`
  | 'jump' // `（紧接第一版）`, `（详见第二版）`
  | 'other';

/** A run of one paragraph's text with one role. */
export interface SpanNode {
  type: 'span';
  id: string;
  role: Role;
  children: Leaf[];
  position: Position;
}

/** What segmentation found a block to be. */
export type BlockKind =
  | 'masthead'
  | 'headline' // a line of a headline stack (kicker, title or subtitle: link decides)
  | 'section' // a subhead inside an article's body
  | 'byline' // a line that is only a byline
  | 'lead' // a body paragraph that opens an article: dateline, byline or a jump from another page
  | 'body'
  | 'caption'
  | 'credit' // a photo credit line
  | 'jump' // a jump line alone: `（详见第二版）`
  | 'source' // a credited source line: `据《浙江在线》`
  | 'other';

export interface BlockData {
  kind?: BlockKind;
  /** markdown heading level of its first line, 0 when unmarked */
  heading: number;
  /** number of source lines */
  lines: number;
  /** widest line, in em */
  width: number;
  /** the column width of the run of lines it was wrapped in, in em (0 when unwrapped) */
  column: number;
  /** blank lines before and after it in the source */
  blankBefore: number;
  blankAfter: number;
  /** ends without sentence-final punctuation */
  open: boolean;
  /** id of the block that finishes this one's last sentence, past a caption printed between them */
  continuesIn?: string;
}

/**
 * A paragraph as reflow found it: lines joined, wraps and justified spaces turned
 * into leaves that say so. After segmentation its children are spans.
 */
export interface BlockNode {
  type: 'block';
  id: string;
  children: Array<Leaf | SpanNode>;
  data: BlockData;
  position: Position;
}

export type PageChild = LineNode | BlockNode;

export interface Byline {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
}

export interface Masthead {
  paper: string | null;
  date: string | null;
  lunarDate: string | null;
  weekday: string | null;
  issueNumber: number | null;
  cn: string | null;
  postalCode: string | null;
  website: string | null;
  email: string | null;
  address: string | null;
  zip: string | null;
}

/** An article as references into the tree: every id names a span. */
export interface ArticleRef {
  id: string;
  kicker: string[];
  title: string[];
  subtitle: string[];
  byline: string[];
  dateline: string[];
  /** each paragraph is one or more spans joined (a sentence split across the page) */
  paragraphs: string[][];
  captions: string[][];
  credits: string[];
  jumps: string[];
  /** 0..1, how sure the parser is of this article's assembly */
  confidence: number;
}

export interface PageData {
  masthead?: { spans: string[]; fields: Masthead };
  articles?: ArticleRef[];
  /** spans that belong to no article */
  other?: string[];
}

export interface PageRoot {
  type: 'page';
  children: PageChild[];
  data: PageData;
  position: Position;
}

export type Node = PageRoot | PageChild | SpanNode | Leaf;
