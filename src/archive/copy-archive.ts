import type { PageInput, Store } from '../store/store.js';

export interface CopySummary {
  pages: number;
  added: number;
  replaced: number;
  unchanged: number;
  failed: Array<{ key: string; problem: string }>;
}

/** Every page of one store into another, 64 at a time, each page whole or not at all. */
export async function copyArchive(from: Store, to: Store, onProgress?: (done: number) => void): Promise<CopySummary> {
  const summary: CopySummary = { pages: 0, added: 0, replaced: 0, unchanged: 0, failed: [] };
  let batch: PageInput[] = [];
  const flush = async () => {
    const results = await to.putPages(batch);
    results.forEach((r, i) => {
      summary.pages++;
      if (r.status === 'failed') summary.failed.push({ key: batch[i].key ?? '?', problem: r.error.message });
      else summary[r.status]++;
    });
    batch = [];
    onProgress?.(summary.pages);
  };
  for await (const page of from.pages()) {
    batch.push(page);
    if (batch.length === 64) await flush();
  }
  if (batch.length) await flush();
  return summary;
}
