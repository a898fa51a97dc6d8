import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { openStore } from '../../store/store.js';
import { createReaderApp } from '../../web/reader-app.js';
import { UsageError, type Io } from '../io.js';

export const SERVE_HELP = `banmian serve [--db URL] [--port N] [--host H] [--public-url URL]

Serves the archive as a digital edition (电子版) in the browser — papers, a
calendar of issues, pages with their map, articles, search — and as a JSON API
under /api (its OpenAPI document: /api/openapi.json).

Listens on 127.0.0.1:8080 by default; --host 0.0.0.0 to serve other machines.
Read-only unless the environment gives a write token (BANMIAN_WRITE_TOKEN),
which POST /api/pages must then send as "Authorization: Bearer TOKEN".
--port 0 picks a free port. Stops on Ctrl-C.`;

export async function serveCommand(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number (0–65535), not "${values.port}"`);
  if (values['public-url'] && !/^https?:\/\/[^\s]+$/.test(values['public-url'])) throw new UsageError(`--public-url must be an http(s) address, not "${values['public-url']}"`);
  const writeToken = process.env.BANMIAN_WRITE_TOKEN || undefined;
  // with no token nothing can be stored through the server: an archive that is not there would only be served empty
  const store = await openStore(values.db, { mustExist: !writeToken });
  const version = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
  const app = createReaderApp({
    store,
    version,
    writeToken,
    publicUrl: values['public-url'],
    logError: (e, path) => io.err(`banmian serve: error on ${path}: ${(e as Error).message}`),
  });
  return new Promise<number>((resolve) => {
    const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      io.out(`banmian: serving ${store.url} at http://${host}:${info.port}/ ${process.env.BANMIAN_WRITE_TOKEN ? '(writes accepted with the token)' : '(read-only)'} — Ctrl-C stops`);
    });
    const onSignal = () => stop(0);
    const stop = (code: number) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      server.close(() => {
        store.close().then(() => resolve(code));
      });
    };
    server.on('error', (e: NodeJS.ErrnoException) => {
      io.err(
        e.code === 'EADDRINUSE'
          ? `banmian serve: port ${values.port} on ${values.host} is in use; pass another with --port N`
          : `banmian serve: cannot listen on ${values.host}:${values.port}: ${e.message}`,
      );
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      store.close().then(() => resolve(1));
    });
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    signal?.addEventListener('abort', onSignal);
  });
}
