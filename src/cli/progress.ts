/** Progress on a terminal: one line redrawn with count, pages/s and time left; plain lines elsewhere. */
export class Progress {
  private readonly start = Date.now();
  private lastPlain = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown },
    private readonly label: string,
  ) {}

  update(done: number, total: number, note = ''): void {
    const elapsed = (Date.now() - this.start) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const line = `${this.label} ${done}/${total}  ${rate.toFixed(1)} pages/s  ETA ${formatSeconds(eta)}${note ? `  ${note}` : ''}`;
    if (this.stream.isTTY) {
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${line}\x1b[K`);
      if (done === total) this.stream.write('\n');
    } else if (Date.now() - this.lastPlain > 2000 || done === total) {
      this.lastPlain = Date.now();
      this.stream.write(`${line}\n`);
    }
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
