import type { Position } from '../tree/types.js';
import { SourceText } from '../tree/source-text.js';
import { renderMessage, type MessageCode } from './messages.js';

export type Severity = 'error' | 'warning' | 'info';

export interface PageMessage {
  code: MessageCode;
  severity: Severity;
  place?: Position;
  params: Record<string, string | number>;
  /** the wording in English; `renderMessage(m, 'zh')` gives Chinese */
  text: string;
}

/** One page being parsed: where it came from, its decoded text, and what the stages said of it. */
export class PageFile {
  readonly path: string;
  readonly source: SourceText;
  readonly encoding: string;
  readonly messages: PageMessage[] = [];

  constructor(path: string, text: string, encoding = 'utf-8') {
    this.path = path;
    this.source = new SourceText(text);
    this.encoding = encoding;
  }

  get text(): string {
    return this.source.text;
  }

  message(
    code: MessageCode,
    severity: Severity,
    opts: { place?: Position; params?: Record<string, string | number> } = {},
  ): PageMessage {
    const partial = { code, severity, place: opts.place, params: opts.params ?? {} };
    const m: PageMessage = { ...partial, text: renderMessage(partial, 'en') };
    this.messages.push(m);
    return m;
  }
}
