/**
 * Key HTTP endpoints under load, each with the account that calls it. To add one, append an
 * entry (see bench/README.md); the bare baseline is derived from the SQL it sends.
 */
import type { Named } from '../lib/named.ts';

export interface Endpoint {
  name: string;
  /** Generated account (password BENCH_PASSWORD). */
  user: string;
  path(n: Named): string;
  skip?(n: Named): string | null;
}

export const ENDPOINTS: Endpoint[] = [
  { name: 'GET /orgs/tree (town secretary)', user: 'bench-town-001', path: () => '/api/v1/orgs/tree' },
  {
    name: 'GET /orgs/tree (admin, whole tree)',
    user: 'bench-admin',
    path: () => '/api/v1/orgs/tree',
    skip: (n) => (n.orgCount > 50_000 ? `${n.orgCount} orgs in one response: the endpoint has no lazy mode yet (see RESULTS.md)` : null),
  },
  { name: 'GET /orgs/:id (admin, root)', user: 'bench-admin', path: (n) => `/api/v1/orgs/${n.rootId}` },
  { name: 'GET /orgs/:id (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/orgs/${n.townId}` },
  { name: 'GET /members page 1 (admin, root)', user: 'bench-admin', path: (n) => `/api/v1/members?orgId=${n.rootId}&limit=20` },
  { name: 'GET /members page 1 (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/members?orgId=${n.townId}&limit=20` },
  { name: 'GET /members?q=zhang (admin, root)', user: 'bench-admin', path: (n) => `/api/v1/members?orgId=${n.rootId}&limit=20&q=zhang` },
  { name: 'GET /members?q=zhang (town secretary)', user: 'bench-town-001', path: (n) => `/api/v1/members?orgId=${n.townId}&limit=20&q=zhang` },
];
