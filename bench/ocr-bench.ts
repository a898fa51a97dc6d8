// npm run bench (last part): a scanned page read by tesseract as banmian runs it (one OpenMP
// thread) beside tesseract with its OpenMP default (a thread per core), in the same run, each
// twice, alternating. Needs tesseract with chi_sim and pdftoppm; says so and stops without them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ocrUnavailable, tesseractArgs, tesseractEnv } from '../dist/ocr/ocr-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const missing = ocrUnavailable();
if (missing) {
  console.log(`ocr bench: skipped, ${missing}`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'banmian-ocr-bench-'));
try {
  // a generated page (the test fixture p005) printed at 300 dpi: a clean scan
  execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', join(root, 'test', 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'scan')]);
  const image = join(dir, 'scan.png');
  const withoutLimit = { ...process.env };
  delete withoutLimit.OMP_THREAD_LIMIT;
  const time = (env: NodeJS.ProcessEnv) => {
    const start = process.hrtime.bigint();
    execFileSync('tesseract', tesseractArgs(image, 300), { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 });
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const ours: number[] = [];
  const openmp: number[] = [];
  for (let i = 0; i < 2; i++) {
    ours.push(time(tesseractEnv(withoutLimit)));
    openmp.push(time(withoutLimit));
  }
  const best = (xs: number[]) => Math.min(...xs);
  console.log(`ocr bench: one 300 dpi page, ${cpus().length} cores; tesseract as banmian runs it ${best(ours).toFixed(1)} s, with OpenMP's default threads ${best(openmp).toFixed(1)} s (faster of two runs each): ${(best(openmp) / best(ours)).toFixed(1)}× faster`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
