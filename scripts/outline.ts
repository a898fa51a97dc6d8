import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePage } from '../src/pipeline/run-pipeline.js';
import { formatText } from '../src/project/format-text.js';
for (const f of process.argv.slice(2)) console.log(formatText(parsePage(readFileSync(f), f, basename(f)).record, { full: process.env.FULL === '1' }));
