import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { decode } from '../../parse/decode.js';
import { PageFile } from '../../file/page-file.js';
import { runPipeline, STAGE_NAMES, type StageName } from '../../pipeline/run-pipeline.js';
import { formatTree } from '../../tree/format-tree.js';
import { readPage } from '../../parse/read-page.js';
import { UsageError, type Io } from '../io.js';

export const INSPECT_HELP = `banmian inspect <file> [--until lines|reflow|masthead|segment|link] [--leaves] [--json]

Prints the page tree after a stage: blocks with their kinds, spans with their
roles, and with --leaves every leaf (text, joined breaks, dropped gaps and why).
Messages (the parser's doubts) follow the tree.`;

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      until: { type: 'string', short: 'u', default: 'link' },
      leaves: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(INSPECT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one page file to inspect');
  const until = values.until as StageName;
  if (!STAGE_NAMES.includes(until)) throw new UsageError(`--until must be one of ${STAGE_NAMES.join(', ')}, not "${values.until}"`);
  const path = positionals[0];
  const decoded = decode(readPage(path), path);
  const file = new PageFile(basename(path), decoded.text, decoded.encoding);
  const tree = runPipeline(file, until);
  if (values.json) io.out(JSON.stringify({ tree, messages: file.messages }, null, 1));
  else {
    io.out(formatTree(tree, { leaves: values.leaves }));
    for (const m of file.messages) io.out(`${m.severity} ${m.code}${m.place ? ` ${m.place.start.line}:${m.place.start.column}` : ''}: ${m.text}`);
  }
  return 0;
}
