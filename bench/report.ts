/**
 * The targets, applied to the figures of a run, and the Markdown table for RESULTS.md.
 * A target is reported as met or missed; it never fails the run.
 */
import type { QueryResult } from './queries.ts';
import type { HttpResult } from './http/run.ts';

export type Bench = QueryResult | HttpResult | { name: string; kind: 'figure'; value: number };
export interface Meta {
  command: string;
  date: string;
  machine: string;
  scale: string;
  database: 'pglite' | 'postgres';
}
export type Evaluated = Bench & { scale: string; database: string; target?: string; met?: boolean };

/** Which targets apply: province on PostgreSQL and county on PGlite are the issue's; others get them as a guide. */
export function evaluate(benches: Bench[], meta: Meta): Evaluated[] {
  const pg = meta.database === 'postgres';
  return benches.map((b): Evaluated => {
    const e = { ...b, scale: meta.scale, database: meta.database } as Evaluated;
    if ('skipped' in b && b.skipped) return e;
    if (b.kind === 'query') return { ...e, target: 'ratio ≤ 1.5', met: b.ratio <= 1.5 };
    if (b.kind === 'http') {
      const p95 = b.figures!.atRate.p95Ms;
      const limit = pg ? 100 : 300;
      return { ...e, target: `p95 < ${limit} ms at the fixed rate; rps ≥ 60 % of bare`, met: p95 < limit && b.rpsRatio! >= 0.6 && b.figures!.atRate.errors === 0 };
    }
    if (b.name.startsWith('server RSS')) return { ...e, target: '< 1024 MB', met: b.value < 1024 };
    if (b.name.startsWith('start-up')) return { ...e, target: '< 5000 ms', met: b.value < 5000 };
    // The target is for the public side residents open on a phone (public.html).
    if (b.name.startsWith('public page')) return { ...e, target: '< 150 KB', met: b.value < 150 };
    if (b.name.startsWith('console first')) return { ...e, target: '< 800 KB', met: b.value < 800 };
    return e;
  });
}

const mark = (e: Evaluated) => (e.met === undefined ? '' : e.met ? '✓' : '✗ missed');

export function toMarkdown(meta: Meta, rows: Evaluated[]): string {
  const lines = [
    `### ${meta.scale} on ${meta.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
    '',
    `Command: \`${meta.command}\`  `,
    `Date: ${meta.date.slice(0, 16).replace('T', ' ')} UTC. Machine: ${meta.machine}.`,
    '',
    '| key query | product (withScope) median | bare SQL median | ratio | target |',
    '|---|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (r.kind !== 'query') continue;
    if (r.skipped) lines.push(`| ${r.name} | — | — | — | skipped: ${r.skipped} |`);
    else lines.push(`| ${r.name} | ${r.figures.medianMs.toFixed(2)} ms | ${r.baseline.medianMs.toFixed(2)} ms | ${r.ratio.toFixed(2)}× | ${mark(r)} |`);
  }
  lines.push('', '| endpoint | app rps | bare rps | app/bare | app p50/p95/p99 at fixed rate | bare p95 at rate | errors | target |', '|---|---:|---:|---:|---|---:|---:|---|');
  for (const r of rows) {
    if (r.kind !== 'http') continue;
    if (r.skipped) {
      lines.push(`| ${r.name} | — | — | — | — | — | — | skipped: ${r.skipped} |`);
      continue;
    }
    const a = r.figures!.atRate;
    // No response finished inside the run (each took longer than --duration): no percentile, no ratio.
    const ms = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : String(x));
    const ratio = r.baseline!.max.rps > 0 && r.figures!.max.rps > 0 ? `${Math.round(r.rpsRatio! * 100)} %` : '—';
    lines.push(`| ${r.name} | ${r.figures!.max.rps} | ${r.baseline!.max.rps} | ${ratio} | ${ms(a.p50Ms)} / ${ms(a.p95Ms)} / ${ms(a.p99Ms)} ms (${a.rps}/s of ${a.rate}) | ${ms(r.baseline!.atRate.p95Ms)} ms | ${r.figures!.max.errors + a.errors} | ${mark(r)} |`);
  }
  lines.push('', '| figure | value | target |', '|---|---:|---|');
  for (const r of rows) if (r.kind === 'figure') lines.push(`| ${r.name} | ${r.value} | ${r.target ?? ''} ${mark(r)} |`);
  return `${lines.join('\n')}\n`;
}
