#!/usr/bin/env node
import { createRequire } from 'node:module';
import { parseCommand, PARSE_HELP } from './commands/parse.js';
import { inspectCommand, INSPECT_HELP } from './commands/inspect.js';
import { ingestCommand, INGEST_HELP } from './commands/ingest.js';
import { searchCommand, SEARCH_HELP } from './commands/search.js';
import { exportCommand, EXPORT_HELP } from './commands/export.js';
import { statsCommand, STATS_HELP } from './commands/stats.js';
import { removeCommand, REMOVE_HELP } from './commands/remove.js';
import { serveCommand, SERVE_HELP } from './commands/serve.js';
import { workerCommand, WORKER_HELP } from './commands/worker.js';
import { jobsCommand, JOBS_HELP } from './commands/jobs.js';
import { migrateCommand, MIGRATE_HELP } from './commands/migrate.js';
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

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  parse: { run: parseCommand, help: PARSE_HELP },
  inspect: { run: inspectCommand, help: INSPECT_HELP },
  ingest: { run: ingestCommand, help: INGEST_HELP },
  search: { run: searchCommand, help: SEARCH_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  stats: { run: statsCommand, help: STATS_HELP },
  remove: { run: removeCommand, help: REMOVE_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
  jobs: { run: jobsCommand, help: JOBS_HELP },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
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
