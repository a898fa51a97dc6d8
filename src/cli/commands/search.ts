import { parseArgs } from 'node:util';
import { openStore, type SearchField } from '../../store/store.js';
import { parseQuery, QueryError } from '../../search/query.js';
import { markText } from '../../search/snippet.js';
import { UsageError, type Io } from '../io.js';
import { FILTER_OPTIONS, filterFrom, unknownPaper } from '../filter-options.js';

export const SEARCH_HELP = `banmian search <query> [--db URL] [--paper NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--page N]
               [--field title|body|byline|caption] [--reporter NAME] [--limit N] [--offset N] [--json]

Finds every article that contains the query: words of any length from one
character, "exact phrases" in quotes, AND / OR / NOT (or -word), parentheses.
Full- and half-width forms and traditional and simplified characters match each
other. Results are ranked by relevance (title hits weigh most), with the hits
marked 【like this】, and counted by paper, month and reporter.`;

const FIELDS: SearchField[] = ['title', 'body', 'byline', 'caption'];

export async function searchCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...FILTER_OPTIONS,
      field: { type: 'string' },
      limit: { type: 'string', default: '10' },
      offset: { type: 'string', default: '0' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(SEARCH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give a query');
  const field = values.field as SearchField | undefined;
  if (field && !FIELDS.includes(field)) throw new UsageError(`--field must be one of ${FIELDS.join(', ')}, not "${values.field}"`);
  const filter = filterFrom(values);
  const num = (name: string, v: string | undefined, max: number) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) > max) throw new UsageError(`--${name} must be a whole number up to ${max}`);
    return Number(v);
  };
  let query;
  try {
    query = parseQuery(positionals.join(' '));
  } catch (e) {
    if (e instanceof QueryError) throw new UsageError(`cannot search for that: ${e.message}`);
    throw e;
  }
  const store = await openStore(values.db, { mustExist: true });
  try {
    const result = await store.search({
      query,
      field,
      ...filter,
      limit: num('limit', values.limit, 200),
      offset: num('offset', values.offset, 1_000_000),
    });
    if (values.json) {
      io.out(JSON.stringify(result, null, 1));
      return 0;
    }
    if (result.total === 0) {
      const paper = await unknownPaper(store, filter);
      if (paper) {
        io.out(paper);
        return 0;
      }
      io.out(`no article contains ${positionals.join(' ')}${values.paper || values.from || values.to || values.page || values.reporter || field ? ' with these filters; try fewer filters' : ''}`);
      return 0;
    }
    const offset = Number(values.offset ?? 0);
    io.out(`${result.total} article${result.total === 1 ? '' : 's'}; showing ${offset + 1}–${offset + result.hits.length}`);
    result.hits.forEach((h, i) => {
      const a = h.article;
      const head = [a.kicker, a.title ?? '（无题）', a.subtitle].filter(Boolean).join(' ');
      io.out(`\n${offset + i + 1}. ${head}`);
      io.out(`   ${[a.paper, a.date, a.page !== null ? `第${a.page}版` : null].filter(Boolean).join(' ')}  ${a.id}`);
      io.out(`   ${markText(h.snippet)}`);
    });
    const facet = (name: string, list: Array<{ value: string; count: number }>) =>
      list.length ? io.out(`${name}: ${list.slice(0, 8).map((f) => `${f.value} (${f.count})`).join('  ')}`) : undefined;
    io.out('');
    facet('papers', result.facets.paper);
    facet('months', result.facets.month);
    facet('reporters', result.facets.reporter);
    return 0;
  } catch (e) {
    if (e instanceof QueryError) throw new UsageError(`cannot search for that: ${e.message}`);
    throw e;
  } finally {
    await store.close();
  }
}
