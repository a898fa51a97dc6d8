import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files named on the command line; folders are searched for page files (`.txt`). */
export function expandInputs(args: string[]): Array<{ path: string; problem?: string }> {
  const out: Array<{ path: string; problem?: string }> = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      out.push({ path: arg, problem: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(arg);
      if (found.length === 0) out.push({ path: arg, problem: 'folder holds no page files (.txt)' });
      out.push(...found.map((path) => ({ path })));
    } else out.push({ path: arg });
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (/\.txt$/i.test(entry.name)) out.push(p);
  }
  return out;
}
