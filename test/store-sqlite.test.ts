import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openStore } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';

storeSuite('sqlite', () => openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'banmian-store-')), 'test.db')}`));
