#!/usr/bin/env node
import { createRequire } from 'node:module';
import { parseCommand, PARSE_HELP } from './commands/parse.js';
import { inspectCommand, INSPECT_HELP } from './commands/inspect.js';
import { DecodeError } from '../parse/decode.js';
import { processIo, UsageError, type Io } from './io.js';

const HELP = `banmian — structured archives from Chinese newspaper page text

usage:
  banmian parse <files or folders…> [--out DIR] [--format json|text]
  banmian inspect <file> [--until STAGE] [--leaves] [--json]
  banmian --version

Run \`banmian <command> --help\` for a command's options.`;

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  parse: { run: parseCommand, help: PARSE_HELP },
  inspect: { run: inspectCommand, help: INSPECT_HELP },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
    io.out(pkg.version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`banmian: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`banmian ${name}: ${(e as Error).message}\n\n${command.help}`);
      return 2;
    }
    if (e instanceof DecodeError) {
      io.err(`banmian: ${e.path}: ${e.problem}`);
      return 1;
    }
    io.err(`banmian: internal error: ${(e as Error).message}. This is a bug; please report it with the page that caused it.`);
    if (process.env.BANMIAN_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}

// run when executed as the `banmian` binary, not when imported by tests
if (process.argv[1] && /banmian$|main\.[jt]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
