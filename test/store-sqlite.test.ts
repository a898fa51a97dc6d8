import { join } from 'node:path';
import { openStore } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import { tempDir } from './helpers.js';

storeSuite('sqlite', () => openStore(`sqlite:${join(tempDir('store'), 'test.db')}`));
