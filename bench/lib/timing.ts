/** Small statistics for benchmarks: percentiles of samples, and time-bounded alternating runs. */

export interface Figures {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Times two functions alternately (a, b, a, b …) after warm-ups, so drift on a shared machine
 * hits both alike. Stops at `maxRuns` each or after `budgetMs`, but not before `minRuns`.
 */
export async function timePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  o: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {},
): Promise<[Figures, Figures]> {
  const { warmup = 2, minRuns = 5, maxRuns = 40, budgetMs = 4_000 } = o;
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const start = performance.now();
  while (ta.length < maxRuns && (ta.length < minRuns || performance.now() - start < budgetMs)) {
    let t = performance.now();
    await a();
    ta.push(performance.now() - t);
    t = performance.now();
    await b();
    tb.push(performance.now() - t);
  }
  const fig = (s: number[]): Figures => ({ medianMs: round(percentile(s, 50)), p95Ms: round(percentile(s, 95)), runs: s.length });
  return [fig(ta), fig(tb)];
}
