/**
 * Bulk load through COPY on both engines: PostgreSQL streams `COPY … FROM STDIN`
 * (pg-copy-streams); PGlite reads `COPY … FROM '/dev/blob'` from a Blob, sent in batches so
 * memory stays bounded at any size.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import type { Target } from './cli.ts';
import { progress } from './progress.ts';

export type Cell = string | number | boolean | null | readonly string[];

/** One value in COPY text format: \N for null, backslash escapes, arrays as '{a,b}'. */
function cell(v: Cell): string {
  if (v === null) return '\\N';
  if (Array.isArray(v)) return cell(`{${v.map((s) => `"${String(s).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
}

export interface CopySpec {
  table: string;
  columns: readonly string[];
  /** Expected row count, for the progress bar. */
  total: number;
  rows: Iterable<readonly Cell[]>;
}

export interface CopyResult {
  table: string;
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

const PGLITE_BATCH = 20_000;
const PG_CHUNK = 1_000;

/** Loads rows into one table with COPY, reporting rows per second. */
export async function copyRows(target: Target, conn: { pglite?: PGlite; url?: string }, spec: CopySpec): Promise<CopyResult> {
  const bar = progress(spec.table, spec.total);
  const statement = `COPY ${spec.table} (${spec.columns.join(', ')}) FROM`;
  if (target.kind === 'pglite') {
    const pglite = conn.pglite!;
    let lines: string[] = [];
    const flush = async () => {
      if (lines.length === 0) return;
      await pglite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([lines.join('')]) });
      bar.tick(lines.length);
      lines = [];
    };
    for (const row of spec.rows) {
      lines.push(`${row.map(cell).join('\t')}\n`);
      if (lines.length >= PGLITE_BATCH) await flush();
    }
    await flush();
  } else {
    const client = new pg.Client({ connectionString: conn.url });
    await client.connect();
    try {
      // Text chunks of ~1,000 rows: few enough writes to be fast, small enough to stream.
      const chunks = function* () {
        let buf = '';
        let n = 0;
        for (const row of spec.rows) {
          buf += `${row.map(cell).join('\t')}\n`;
          if (++n === PG_CHUNK) {
            yield buf;
            bar.tick(n);
            buf = '';
            n = 0;
          }
        }
        if (n > 0) {
          yield buf;
          bar.tick(n);
        }
      };
      await pipeline(Readable.from(chunks()), client.query(copyFrom(`${statement} STDIN`)));
    } finally {
      await client.end();
    }
  }
  const r = bar.done();
  return { table: spec.table, rows: r.rows, ms: Math.round(r.ms), rowsPerSecond: Math.round(r.rowsPerSecond) };
}
