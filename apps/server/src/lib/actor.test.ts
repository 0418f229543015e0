import { describe, expect, it } from 'vitest';
import { can, isUnder, permissionsOf, scopeFor, type Actor } from './actor.ts';

const actor = (roles: Actor['roles']): Actor => ({ userId: '1', username: 'u', displayName: 'U', ip: '127.0.0.1', roles });

describe('scopeFor', () => {
  it('covers the subtree of each grant and drops nested roots', () => {
    const a = actor([
      { role: 'secretary', orgId: '5', orgPath: '1.5', orgName: 'A' },
      { role: 'member', orgId: '7', orgPath: '1.5.7', orgName: 'B' },
      { role: 'secretary', orgId: '9', orgPath: '1.9', orgName: 'C' },
    ]);
    expect(scopeFor(a, 'orgs:read')).toEqual(['1.5', '1.9']);
    expect(can(a, 'orgs:read', '1.5.7.12')).toBe(true);
    expect(can(a, 'orgs:read', '1.50')).toBe(false);
    expect(can(a, 'orgs:read', '1')).toBe(false);
  });

  it('gives residents no member roster and members no write', () => {
    const r = actor([{ role: 'resident', orgId: '5', orgPath: '1.5', orgName: 'A' }]);
    expect(scopeFor(r, 'members:read')).toEqual([]);
    expect(permissionsOf(r)).toEqual(['orgs:read', 'sites:read']);
    const m = actor([{ role: 'member', orgId: '5', orgPath: '1.5', orgName: 'A' }]);
    expect(scopeFor(m, 'orgs:write')).toEqual([]);
  });

  it('treats label boundaries, not string prefixes, as the subtree edge', () => {
    expect(isUnder('1.12', '1.1')).toBe(false);
    expect(isUnder('1.1.2', '1.1')).toBe(true);
    expect(isUnder('1.1', '1.1')).toBe(true);
  });
});
