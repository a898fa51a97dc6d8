import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeSuite } from './store-suite.js';
import { dropPgSchema, freshPgUrl, openFreshPg, pgSkip } from './postgres-helpers.js';
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
