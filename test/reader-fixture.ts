// An archive to read in tests: three seed pages in two papers, with the
// identity a user would give them, in a fresh SQLite file.
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/store.js';
import { pageInputOf } from '../src/archive/ingest.js';
import { createReaderApp, type ReaderOptions } from '../src/web/reader-app.js';
import { loadPages, tempDir } from './helpers.js';

export async function readerArchive(): Promise<Store> {
  const store = await openStore(`sqlite:${join(tempDir('reader'), 'a.db')}`);
  const pages = loadPages();
  const seed = (slug: string) => pages.find((p) => p.slug.startsWith(slug))!;
  await store.putPage(pageInputOf('002.txt', seed('002').source)); // 浙江工人日报 2022-12-16 from its masthead
  await store.putPage(pageInputOf('003.txt', seed('003').source)); // 浙江工人日报 2022-06-22
  await store.putPage(pageInputOf('000.txt', seed('000').source, { paper: '浙江工人日报', date: '2022-12-16', page: 3, pageName: '综合新闻' }));
  await store.putPage(pageInputOf('004.txt', seed('004').source, { paper: '义乌商报', date: '2022-06-18', page: 1 }));
  await store.putPage(pageInputOf('loose/001.txt', seed('001').source));
  return store;
}

export async function readerApp(options: Partial<ReaderOptions> = {}) {
  const store = await readerArchive();
  const errors: string[] = [];
  const app = createReaderApp({ store, version: 'test', logError: (e, path) => errors.push(`${path}: ${(e as Error).message}`), ...options });
  return { app, store, errors };
}
