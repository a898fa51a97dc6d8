import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeSuite } from './store-suite.js';
import pg from 'pg';
import { dropPgSchema, freshPgUrl, openFreshPg, PG_URL, pgSkip } from './postgres-helpers.js';
import { openStore } from '../src/store/store.js';

storeSuite('postgres', openFreshPg, { skip: pgSkip });

// Workers started together all open the same new schema: found by CI, where
// two of them raced on CREATE SCHEMA and one died with a unique violation.
test('postgres: processes opening one new schema at once all get the store', { skip: pgSkip }, async (t) => {
  const url = freshPgUrl();
  t.after(() => dropPgSchema(url));
  const opened = await Promise.allSettled(Array.from({ length: 6 }, () => openStore(url)));
  const errors = opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
  for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
  assert.deepEqual(errors, []);
});

// Search reads these of every match: out of line (the table's toast_tuple_target moves any value longer
// than a toast pointer there), each cost a TOAST lookup a match — a reporters array of one name included.
test('postgres: what search reads of every match is kept in the article row', { skip: pgSkip }, async (t) => {
  const url = freshPgUrl();
  t.after(() => dropPgSchema(url));
  await (await openStore(url)).close();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  t.after(() => client.end());
  const schema = new URL(url).searchParams.get('schema');
  const { rows } = await client.query<{ attname: string; attstorage: string }>(
    `SELECT attname, attstorage FROM pg_attribute WHERE attrelid = $1::regclass AND attname = ANY($2) ORDER BY attname`,
    [`${schema}.articles`, ['folded_title', 'folded_body', 'folded_byline', 'folded_caption', 'paper', 'date', 'reporters']],
  );
  assert.deepEqual(
    rows.map((r) => `${r.attname}:${r.attstorage}`),
    ['date:m', 'folded_body:m', 'folded_byline:m', 'folded_caption:m', 'folded_title:m', 'paper:m', 'reporters:m'],
  );
});
