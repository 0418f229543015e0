/**
 * Key HTTP endpoints under load, each with the account that calls it. To add one, append an
 * entry (see bench/README.md); the bare baseline is derived from the SQL it sends.
 */
import { provinceWide, type Named } from '../lib/named.ts';

export interface Endpoint {
  name: string;
  /** Generated account (password BENCH_PASSWORD); null for an anonymous public endpoint. */
  user: string | null;
  path(n: Named): string;
  skip?(n: Named): string | null;
}

export const ENDPOINTS: Endpoint[] = [
  { name: 'GET /orgs/tree (town secretary)', user: 'bench-town-001', path: () => '/api/v1/orgs/tree' },
  // Whole up to ORG_TREE_FULL_LIMIT organizations, beyond that the first levels (truncated: true).
  { name: 'GET /orgs/tree (admin, whole tree)', user: 'bench-admin', path: () => '/api/v1/orgs/tree' },
  { name: 'GET /orgs/:id (admin, root)', user: 'bench-admin', path: (n) => `/api/v1/orgs/${n.rootId}` },
  { name: 'GET /orgs/:id (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/orgs/${n.townId}` },
  { name: 'GET /members page 1 (admin, root)', user: 'bench-admin', path: (n) => `/api/v1/members?orgId=${n.rootId}&limit=20` },
  { name: 'GET /members page 1 (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/members?orgId=${n.townId}&limit=20` },
  { name: 'GET /members?q=zhang (admin, root)', skip: provinceWide, user: 'bench-admin', path: (n) => `/api/v1/members?orgId=${n.rootId}&limit=20&q=zhang` },
  { name: 'GET /members?q=zhang (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/members?orgId=${n.townId}&limit=20&q=zhang` },
  { name: 'GET /members/:id (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/members/${n.memberId}` },
  { name: 'GET /points/leaderboard 2026 (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/points/leaderboard?orgId=${n.townId}&period=year&key=2026` },
  { name: 'GET /points/leaderboard 2026 (admin, root)', skip: provinceWide, user: 'bench-admin', path: (n) => `/api/v1/points/leaderboard?orgId=${n.rootId}&period=year&key=2026` },
  { name: 'GET /compliance 2026 (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/compliance?orgId=${n.townId}&period=2026` },
  { name: 'GET /compliance 2026 (admin, root)', skip: provinceWide, user: 'bench-admin', path: (n) => `/api/v1/compliance?orgId=${n.rootId}&period=2026` },
  { name: 'GET /development-cases page 1 (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/development-cases?orgId=${n.townId}&status=active` },
  { name: 'GET /development-cases/pipeline (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/development-cases/pipeline?orgId=${n.townId}` },
  {
    name: 'GET /public/wishes wall of a grid (anonymous)',
    user: null,
    path: (n) => `/api/v1/public/wishes?gridId=${n.wishGridId}`,
    skip: (n) => (n.wishGridId ? null : 'no wishes here (table missing or not generated)'),
  },
];
