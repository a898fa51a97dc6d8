// The PostgreSQL server the tests use: BANMIAN_TEST_POSTGRES (CI starts
// Debian's postgresql and sets it). Each store gets a schema of its own,
// dropped (with its job queue's) when the store is closed.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../src/store/store.js';

export const PG_URL = process.env.BANMIAN_TEST_POSTGRES;
export const pgSkip = PG_URL ? false : 'no PostgreSQL to test against: set BANMIAN_TEST_POSTGRES=postgres://user:pass@host/db (.ci/run does)';

/** A URL naming a new, empty schema on the test server. */
export function freshPgUrl(): string {
  const url = new URL(PG_URL!);
  url.searchParams.set('schema', `t_${randomBytes(6).toString('hex')}`);
  return url.toString();
}

/** Drops a test schema and its queue's. */
export async function dropPgSchema(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  if (!schema?.startsWith('t_')) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`);
  } finally {
    await client.end();
  }
}

export async function openFreshPg(): Promise<Store> {
  const url = freshPgUrl();
  const store = await openStore(url);
  const close = store.close.bind(store);
  return Object.assign(store, { close: async () => (await close(), await dropPgSchema(url)) });
}
