/**
 * autocannon, with exact latency percentiles: every response time is kept (autocannon's own
 * histogram has no p95), and errors, timeouts and non-2xx answers are counted together.
 */
import autocannon from 'autocannon';
import { percentile } from '../lib/timing.ts';

export interface LoadFigures {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  /** Of the errors: requests that got no answer within the timeout (30 s). */
  timeouts: number;
  /** The fixed rate asked for, or null when running flat out. */
  rate: number | null;
}

export type CannonOptions = autocannon.Options;

export function cannon(opts: CannonOptions): Promise<LoadFigures> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon({ timeout: 30, ...opts }, (err, r) => {
      if (err) return reject(err);
      const errors = r.errors + r.timeouts + r.non2xx;
      resolve({
        requests: times.length,
        rps: Math.round((times.length / Math.max(r.duration, 1e-3)) * 10) / 10,
        p50Ms: Math.round(percentile(times, 50) * 10) / 10,
        p95Ms: Math.round(percentile(times, 95) * 10) / 10,
        p99Ms: Math.round(percentile(times, 99) * 10) / 10,
        errors,
        timeouts: r.timeouts,
        rate: opts.overallRate ?? null,
      });
    });
    inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
}
