/**
 * A one-line progress bar on stderr with rows per second, redrawn at most 5 times a second;
 * on a non-terminal (CI logs) it prints a line every 10 %, so logs stay short.
 */
export interface Progress {
  tick(n: number): void;
  done(): { rows: number; ms: number; rowsPerSecond: number };
}

export function progress(label: string, total: number): Progress {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let rows = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const rate = () => rows / Math.max((performance.now() - started) / 1000, 1e-3);
  const draw = (final: boolean) => {
    const pct = total > 0 ? Math.min(rows / total, 1) : 1;
    const bar = '█'.repeat(Math.round(pct * 24)).padEnd(24, '░');
    const line = `${label.padEnd(12)} ${bar} ${(pct * 100).toFixed(0).padStart(3)}% ${rows.toLocaleString('en')}/${total.toLocaleString('en')} rows, ${Math.round(rate()).toLocaleString('en')} rows/s`;
    if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final || (pct < 1 && Math.floor(pct * 10) > lastDecile)) {
      lastDecile = Math.floor(pct * 10);
      process.stderr.write(`${line}\n`);
    }
  };
  return {
    tick(n) {
      rows += n;
      const now = performance.now();
      if (now - lastDraw > 200) {
        lastDraw = now;
        draw(false);
      }
    },
    done() {
      draw(true);
      const ms = performance.now() - started;
      return { rows, ms, rowsPerSecond: rows / Math.max(ms / 1000, 1e-3) };
    },
  };
}
