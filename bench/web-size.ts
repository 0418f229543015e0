/**
 * First-load JavaScript of the built console (apps/web/dist), gzip-compressed: the entry
 * scripts of index.html with everything they import statically (what the login page loads),
 * and the same plus the lazy chunks of the console's first page (/ → /orgs: OrgsPage and
 * OrgsIndexPage) with their static imports. Dynamic imports are not followed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/cli.ts';

export interface WebSize {
  /** The public side for residents (public.html: wish wall, boards, notices). */
  publicPageGzipBytes: number;
  loginPageGzipBytes: number;
  consoleFirstPageGzipBytes: number;
  loginFiles: string[];
  consoleFiles: string[];
}

const DIST = path.join(REPO_ROOT, 'apps/web/dist');
/** The lazy page chunks the console's first page needs (router.tsx: index → /orgs). */
const FIRST_PAGE_CHUNKS = ['OrgsPage-', 'OrgsIndexPage-'];

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const out = new Set<string>();
  // import{a}from"./x.js" and import"./x.js", but not import("./x.js").
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) out.add(path.resolve(path.dirname(file), m[1]!));
  return [...out];
}

function closure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...files];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
}

const gz = (files: Set<string>) => [...files].reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);

/** The scripts an HTML page loads at once: module entries and modulepreloads. */
function entriesOf(html: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => path.join(DIST, m[1]!));
}

/** Null when the web app has not been built (`npm run build`). */
export function measureWebSize(): WebSize | null {
  const index = path.join(DIST, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const entries = entriesOf(html);
  const login = closure(entries);
  const assets = readdirSync(path.join(DIST, 'assets'));
  const pages = assets.filter((a) => FIRST_PAGE_CHUNKS.some((p) => a.startsWith(p)) && a.endsWith('.js')).map((a) => path.join(DIST, 'assets', a));
  const consoleFiles = closure([...login, ...pages]);
  const rel = (s: Set<string>) => [...s].map((f) => path.relative(DIST, f)).sort();
  const publicHtml = path.join(DIST, 'public.html');
  const publicEntries = existsSync(publicHtml) ? entriesOf(readFileSync(publicHtml, 'utf8')) : [];
  return { publicPageGzipBytes: gz(closure(publicEntries)), loginPageGzipBytes: gz(login), consoleFirstPageGzipBytes: gz(consoleFiles), loginFiles: rel(login), consoleFiles: rel(consoleFiles) };
}
