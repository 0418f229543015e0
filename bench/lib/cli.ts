/**
 * Command-line options shared by gen, bench and bench:load: the scale (or a custom size), the
 * seed, and the target database. One place, so `--scale county --db postgres` means the same
 * database to all three commands.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The sizes named in the issue; a custom size sets --orgs and --members. */
export const SCALES = {
  town: { orgs: 40, members: 1_500 },
  county: { orgs: 2_000, members: 50_000 },
  province: { orgs: 400_000, members: 6_600_000 },
} as const;
export type ScaleName = keyof typeof SCALES | 'custom';

export interface Target {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL URL (kind postgres). */
  url?: string;
  /** Data directory in the server's layout (kind pglite): the database lives in `<dataDir>/db`. */
  dataDir?: string;
}

export interface Options {
  scale: ScaleName;
  /** Label used in file names and results: 'county', 'province-10pct', 'custom-300x9000'. */
  label: string;
  seed: number;
  orgs: number;
  members: number;
  target: Target;
  out?: string;
  /** Seconds per HTTP load run. */
  duration: number;
  connections: number;
  /** Fixed request rate for the latency target (requests per second). */
  rate: number;
  /** Users driven by bench:load. */
  users: number;
  /** gen: keep an existing database instead of rebuilding it. */
  keep: boolean;
  /** gen on PostgreSQL: steps loaded at once (COPY streams). */
  streams: number;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Parses process.argv; throws a readable message on a bad value. */
export function parseOptions(argv = process.argv.slice(2)): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'town' },
      seed: { type: 'string', default: '1' },
      orgs: { type: 'string' },
      members: { type: 'string' },
      fraction: { type: 'string' },
      db: { type: 'string', default: 'pglite' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rate: { type: 'string', default: '200' },
      users: { type: 'string', default: '200' },
      keep: { type: 'boolean', default: false },
      streams: { type: 'string', default: '2' },
    },
    allowPositionals: false,
  });
  const scale = values.scale as ScaleName;
  if (!(scale in SCALES) && scale !== 'custom') throw new Error(`--scale must be town, county, province or custom, not ${scale}`);
  const base = scale === 'custom' ? { orgs: 100, members: 3_000 } : SCALES[scale];
  const fraction = values.fraction ? Number(values.fraction) : 1;
  if (!(fraction > 0 && fraction <= 1)) throw new Error('--fraction must be in (0, 1]');
  const orgs = Math.round(Number(values.orgs ?? base.orgs) * fraction);
  const members = Math.round(Number(values.members ?? base.members) * fraction);
  if (!(orgs >= 5) || !(members >= 1)) throw new Error('--orgs must be ≥ 5 and --members ≥ 1');
  let label: string = scale;
  if (scale === 'custom' || values.orgs || values.members) label = `${scale}-${orgs}x${members}`;
  else if (fraction < 1) label = `${scale}-${Math.round(fraction * 100)}pct`;

  const kind = values.db;
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
  const seed = Number(values.seed);
  const target: Target = kind === 'postgres'
    ? { kind, url: values.url ?? process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/bench_${label.replace(/\W/g, '_')}` }
    : { kind, dataDir: path.resolve(values['data-dir'] ?? path.join(ROOT, 'tmp', 'bench', `${label}-s${seed}`)) };
  return {
    scale, label, seed, orgs, members, target, out: values.out,
    duration: Number(values.duration), connections: Number(values.connections), rate: Number(values.rate),
    users: Number(values.users), keep: values.keep, streams: Number(values.streams),
  };
}

/** Where a target is, for reports ('PGlite tmp/bench/county-s1', 'PostgreSQL bench_county'). */
export function describeTarget(t: Target): string {
  return t.kind === 'pglite' ? `PGlite ${path.relative(ROOT, t.dataDir!)}` : `PostgreSQL ${new URL(t.url!).pathname.slice(1)}`;
}

export const REPO_ROOT = ROOT;
