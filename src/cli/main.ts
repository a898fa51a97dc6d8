#!/usr/bin/env node
import { createRequire } from 'node:module';
import { StoreError } from '../store/store.js';
import { ManifestError } from '../archive/identity.js';
import { DecodeError } from '../parse/decode.js';
import { processIo, UsageError, type Io } from './io.js';

const HELP = `banmian — structured archives from Chinese newspaper page text

usage:
  banmian parse <files or folders…> [--out DIR] [--format json|text]
  banmian inspect <file> [--until STAGE] [--leaves] [--json]
  banmian ingest <files, folders or globs…> [--db URL] [--paper] [--date] [--page] [--manifest FILE]
  banmian search <query> [--db URL] [--paper] [--from] [--to] [--page] [--field] [--reporter] [--json]
  banmian export [--db URL] [--format jsonl|csv|jsonld] [filters] [--out FILE]
  banmian stats [--db URL]
  banmian remove <page keys…> [--db URL]
  banmian serve [--db URL] [--port N] [--host H]
  banmian ingest --queue postgres://… <paths…>      put pages on the job queue
  banmian worker --db postgres://… [--concurrency N] [--exit-when-idle]
  banmian jobs --db postgres://…
  banmian migrate --from URL --to URL
  banmian --version

Run \`banmian <command> --help\` for a command's options.`;

interface Command {
  run: (argv: string[], io: Io) => Promise<number>;
  help: string;
}

/**
 * Each command's module, loaded when it is run: loading them all (the parser's
 * stages, the PDF reader, the web server) took about 300 ms of every command's
 * start, `stats` and `search` included.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => import('./commands/parse.js').then((m) => ({ run: m.parseCommand, help: m.PARSE_HELP })),
  inspect: async () => import('./commands/inspect.js').then((m) => ({ run: m.inspectCommand, help: m.INSPECT_HELP })),
  ingest: async () => import('./commands/ingest.js').then((m) => ({ run: m.ingestCommand, help: m.INGEST_HELP })),
  search: async () => import('./commands/search.js').then((m) => ({ run: m.searchCommand, help: m.SEARCH_HELP })),
  export: async () => import('./commands/export.js').then((m) => ({ run: m.exportCommand, help: m.EXPORT_HELP })),
  stats: async () => import('./commands/stats.js').then((m) => ({ run: m.statsCommand, help: m.STATS_HELP })),
  remove: async () => import('./commands/remove.js').then((m) => ({ run: m.removeCommand, help: m.REMOVE_HELP })),
  serve: async () => import('./commands/serve.js').then((m) => ({ run: m.serveCommand, help: m.SERVE_HELP })),
  worker: async () => import('./commands/worker.js').then((m) => ({ run: m.workerCommand, help: m.WORKER_HELP })),
  jobs: async () => import('./commands/jobs.js').then((m) => ({ run: m.jobsCommand, help: m.JOBS_HELP })),
  migrate: async () => import('./commands/migrate.js').then((m) => ({ run: m.migrateCommand, help: m.MIGRATE_HELP })),
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
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`banmian: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  let command: Command | undefined;
  try {
    command = await load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`banmian ${name}: ${(e as Error).message}\n\n${command?.help ?? ''}`);
      return 2;
    }
    if (e instanceof DecodeError) {
      io.err(`banmian: ${e.path}: ${e.problem}`);
      return 1;
    }
    if (e instanceof StoreError || e instanceof ManifestError) {
      io.err(`banmian ${name}: ${(e as Error).message}`);
      return 1;
    }
    // the file system said no (a full disk, no permission, a read-only folder): the machine's, not a bug
    const sys = e as NodeJS.ErrnoException;
    if (typeof sys.syscall === 'string' && /^E[A-Z]+$/.test(sys.code ?? '')) {
      io.err(`banmian ${name}: ${sys.message}`);
      return 1;
    }
    io.err(`banmian: internal error: ${(e as Error).message}. This is a bug; please report it with the page that caused it.`);
    if (process.env.BANMIAN_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}

// run when executed as the `banmian` binary, not when imported by tests
if (process.argv[1] && /banmian$|main\.[jt]s$/.test(process.argv[1])) {
  // a reader that stops early (`banmian search … | head`) is not an error
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
