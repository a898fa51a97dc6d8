import { storeSuite } from './store-suite.js';
import { openFreshPg, pgSkip } from './postgres-helpers.js';

storeSuite('postgres', openFreshPg, { skip: pgSkip });
