import type { PageRecord } from './to-records.js';

/** A readable outline of a parsed page, for a terminal. */
export function formatText(r: PageRecord, opts: { full?: boolean } = {}): string {
  const out: string[] = [];
  const clip = (s: string, n = 60) => (opts.full || s.length <= n ? s : `${s.slice(0, n)}…`);
  out.push(`# ${r.page}${r.paper ? `  ${r.paper}` : ''}`);
  if (r.masthead) {
    const m = r.masthead;
    const fields = Object.entries(m).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
    out.push(`报头 masthead: ${fields.join('  ')}`);
  }
  r.articles.forEach((a, i) => {
    out.push('');
    const head = [a.kicker && `〔${a.kicker}〕`, a.title ?? '（无题）', a.subtitle && `—— ${a.subtitle}`].filter(Boolean).join(' ');
    out.push(`${i + 1}. ${head}${a.complete ? '' : '  [不完整 incomplete]'}  (confidence ${a.confidence})`);
    const by = [
      a.byline.reporters.length ? `记者 ${a.byline.reporters.join('、')}` : '',
      a.byline.correspondents.length ? `通讯员 ${a.byline.correspondents.join('、')}` : '',
      a.byline.photographers.length ? `摄 ${a.byline.photographers.join('、')}` : '',
    ].filter(Boolean);
    if (a.dateline || by.length) out.push(`   ${[a.dateline, ...by].filter(Boolean).join('  ')}`);
    if (a.continuedFrom) out.push(`   （接${a.continuedFrom}）`);
    for (const p of a.paragraphs) out.push(`   ¶ ${clip(p)}`);
    for (const c of a.captions) out.push(`   图 ${clip(c)}`);
    if (a.continuedTo) out.push(`   （转${a.continuedTo}）`);
  });
  if (r.other.length) {
    out.push('');
    out.push(`其他 other: ${r.other.map((o) => clip(o, 30)).join(' | ')}`);
  }
  const doubts = r.messages.filter((m) => m.severity !== 'info');
  if (doubts.length) {
    out.push('');
    for (const m of doubts) out.push(`${m.severity} ${m.code}${m.place ? ` at ${m.place.start.line}:${m.place.start.column}` : ''}: ${m.text}`);
  }
  return out.join('\n');
}
