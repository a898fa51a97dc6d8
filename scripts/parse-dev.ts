import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePage } from '../src/pipeline/run-pipeline.js';
const [out, ...files] = process.argv.slice(2);
for (const f of files) {
  const { record } = parsePage(readFileSync(f), f, basename(f));
  writeFileSync(`${out}/${basename(f).replace(/\.txt$/, '')}.json`, JSON.stringify(record, null, 1));
}
