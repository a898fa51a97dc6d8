import { parseArgs } from 'node:util';
import { openStore } from '../../store/store.js';
import { counted, type Io } from '../io.js';

export const STATS_HELP = `banmian stats [--db URL] [--json]

Papers, issues, pages and articles in the archive, its date range, pages whose
identity is unknown, and gaps: dates with no issue in a paper's run, and issues
missing 版.`;

export async function statsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(STATS_HELP);
    return 0;
  }
  const store = await openStore(values.db, { mustExist: true });
  try {
    const s = await store.stats();
    if (values.json) {
      io.out(JSON.stringify(s, null, 1));
      return 0;
    }
    io.out(`${store.url}: ${counted(s.papers.length, 'paper')}, ${counted(s.issues, 'issue')}, ${counted(s.pages, 'page')}, ${counted(s.articles, 'article')}${s.from ? `, ${s.from} – ${s.to}` : ''}`);
    if (s.unidentifiedPages) io.out(`${counted(s.unidentifiedPages, 'page')} ${s.unidentifiedPages === 1 ? 'has' : 'have'} no known paper and date (list them with banmian export)`);
    for (const p of s.papers) {
      io.out(`\n${p.name}: ${counted(p.issues, 'issue')}, ${counted(p.pages, 'page')}, ${counted(p.articles, 'article')}, ${p.from} – ${p.to}`);
      const g = s.gaps.find((x) => x.paper === p.name);
      if (g?.missingDates.length) io.out(`  no issue on ${g.missingDates.length} dates: ${g.missingDates.slice(0, 10).join(' ')}${g.missingDates.length > 10 ? ' …' : ''}`);
      for (const m of g?.missingPages ?? []) io.out(`  ${m.date}: 版 ${m.pages.join(', ')} missing`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
