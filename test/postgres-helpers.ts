// The PostgreSQL server the tests use: BANMIAN_TEST_POSTGRES (CI starts
// Debian's postgresql and sets it). Each store gets a schema of its own.
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../src/store/store.js';

export const PG_URL = process.env.BANMIAN_TEST_POSTGRES;
export const pgSkip = PG_URL ? false : 'no PostgreSQL to test against: set BANMIAN_TEST_POSTGRES=postgres://user:pass@host/db (.ci/run does)';

/** A URL naming a new, empty schema on the test server. */
export function freshPgUrl(): string {
  const url = new URL(PG_URL!);
  url.searchParams.set('schema', `t_${randomBytes(6).toString('hex')}`);
  return url.toString();
}

export function openFreshPg(): Promise<Store> {
  return openStore(freshPgUrl());
}
