/**
 * Bulk load through COPY on both engines: PostgreSQL streams `COPY … FROM STDIN`
 * (pg-copy-streams); PGlite reads `COPY … FROM '/dev/blob'` from a Blob, sent in batches so
 * memory stays bounded at any size.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import type { Target } from './cli.ts';
import { progress } from './progress.ts';
import { LOAD_SESSION_OPTIONS } from './bulk.ts';

export type Cell = string | number | boolean | null | readonly string[];

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY text format: \N for null, backslash escapes, arrays as '{a,b}'. */
function cell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return `${v}`;
  if (Array.isArray(v)) return cell(`{${v.map((s) => `"${String(s).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  const s = String(v);
  // Most values need no escape: test once instead of running the replacement on every value.
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
}

/** One row as a COPY text line. */
function line(row: readonly Cell[]): string {
  let out = cell(row[0] ?? null);
  for (let i = 1; i < row.length; i++) out += `\t${cell(row[i] ?? null)}`;
  return `${out}\n`;
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
const PG_CHUNK_CHARS = 256 * 1024;

export interface CopyConn {
  pglite?: PGlite;
  url?: string;
  /** PostgreSQL: the schema is deferred (bench/lib/bulk.ts), load empty tables with COPY FREEZE. */
  bulk?: boolean;
}

/** Loads rows into one table with COPY, reporting rows per second. */
export async function copyRows(target: Target, conn: CopyConn, spec: CopySpec): Promise<CopyResult> {
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
      lines.push(line(row));
      if (lines.length >= PGLITE_BATCH) await flush();
    }
    await flush();
  } else {
    const client = new pg.Client({ connectionString: conn.url, options: LOAD_SESSION_OPTIONS });
    await client.connect();
    try {
      // Chunks of ~256 kB of text: few writes, bounded memory.
      const chunks = function* () {
        let buf = '';
        let n = 0;
        for (const row of spec.rows) {
          buf += line(row);
          n++;
          if (buf.length >= PG_CHUNK_CHARS) {
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
      // Bulk mode on an empty table: TRUNCATE and COPY … FREEZE in one transaction write the rows
      // frozen and all-visible, so neither the index builds nor a later VACUUM rewrite the pages.
      await client.query('BEGIN');
      const empty = conn.bulk === true && (await client.query(`SELECT NOT EXISTS (SELECT 1 FROM ${spec.table}) AS empty`)).rows[0]?.empty === true;
      if (empty) await client.query(`TRUNCATE ${spec.table}`);
      const copy = client.query(copyFrom(`${statement} STDIN${empty ? ' (FREEZE)' : ''}`));
      const failed = new Promise<never>((_, reject) => copy.once('error', reject));
      failed.catch(() => {});
      for (const chunk of chunks()) {
        // Wait when the socket is full, and let other work in (another COPY stream) after every
        // chunk either way: a generator that never waits would starve a concurrent stream.
        if (!copy.write(chunk)) await Promise.race([once(copy, 'drain'), failed]);
        else await Promise.race([new Promise((r) => setImmediate(r)), failed]);
      }
      copy.end();
      await finished(copy);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }
  const r = bar.done();
  return { table: spec.table, rows: r.rows, ms: Math.round(r.ms), rowsPerSecond: Math.round(r.rowsPerSecond) };
}
