import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DUES_CATEGORY_CODES } from '@dangjian/contracts';
import { agreedInRange, amountFen, rulesInForce } from './dues-rules.ts';
import { rate, RULES_2008 } from './dues-rules.fixture.ts';


describe('amountFen (中组发〔2008〕3号 table)', () => {
  it.each([
    ['salaried', 0, 0],
    ['salaried', 250000, 1250], // 2500 元 × 0.5% = 12.50 元
    ['salaried', 300000, 1500], // at the threshold: still 0.5%
    ['salaried', 300001, 3000], // one fen more: the whole base at 1% (a cliff, not marginal)
    ['salaried', 450000, 4500],
    ['salaried', 500000, 5000],
    ['salaried', 800000, 12000], // 8000 元 × 1.5% = 120 元
    ['salaried', 1000000, 15000],
    ['salaried', 1200000, 24000], // 12000 元 × 2% = 240 元
    ['salaried', 333333, 3333], // 3333.33 × 1% = 33.3333 → 33.33 元
    ['salaried', 100, 1], // 1 元 × 0.5% = 0.5 分 → rounds half up to 1 分
    ['retired', 400000, 2000],
    ['retired', 500000, 2500],
    ['retired', 600000, 6000],
    ['student', 999999, 20],
    ['unemployed', 0, 20],
    ['relief', 0, 20],
    ['farmer', 0, 20],
  ] as const)('%s base %d fen → %d fen', (category, base, expected) => {
    expect(amountFen(category, base, RULES_2008)).toBe(expected);
  });

  it('farmers pay the agreed amount within 0.2–1 元, else the minimum', () => {
    expect(amountFen('farmer', 0, RULES_2008, 50)).toBe(50);
    expect(amountFen('farmer', 0, RULES_2008, 100)).toBe(100);
    expect(amountFen('farmer', 0, RULES_2008, 101)).toBe(20);
    expect(agreedInRange('farmer', 100, RULES_2008)).toBe(true);
    expect(agreedInRange('farmer', 10, RULES_2008)).toBe(false);
    expect(agreedInRange('salaried', 50, RULES_2008)).toBe(false);
  });

  it('refuses a negative or fractional base rather than guessing', () => {
    expect(() => amountFen('salaried', -1, RULES_2008)).toThrow(RangeError);
    expect(() => amountFen('salaried', 10.5, RULES_2008)).toThrow(RangeError);
  });

  const category = fc.constantFrom(...DUES_CATEGORY_CODES);
  const base = fc.integer({ min: 0, max: 10_000_000_000 });

  it('property: integer fen, never negative, never above 2% of the base (fixed categories aside)', () => {
    fc.assert(fc.property(category, base, (c, b) => {
      const a = amountFen(c, b, RULES_2008);
      expect(Number.isSafeInteger(a)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      if (['salaried', 'retired'].includes(c)) expect(a).toBeLessThanOrEqual(Math.ceil(b * 0.02) + 1);
    }));
  });

  it('property: monotone in the base within a category', () => {
    fc.assert(fc.property(category, base, base, (c, x, y) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      expect(amountFen(c, lo, RULES_2008)).toBeLessThanOrEqual(amountFen(c, hi, RULES_2008));
    }));
  });

  it('property: equals the whole base at its bracket rate, rounded half up to the fen', () => {
    fc.assert(fc.property(base, (b) => {
      const pct = b <= 300000 ? 0.5 : b <= 500000 ? 1 : b <= 1000000 ? 1.5 : 2;
      // Cross-check with BigInt arithmetic, independent of the implementation's Number path.
      const exact = (BigInt(b) * BigInt(pct * 100) + 5000n) / 10000n;
      expect(amountFen('salaried', b, RULES_2008)).toBe(Number(exact));
    }));
  });
});

describe('rulesInForce', () => {
  it('takes the latest document in force on the day, per category', () => {
    const revised = { ...rate('salaried', 0, null, 100), document: '某地2030年调整', effectiveFrom: '2030-01-01' };
    const all = [...RULES_2008, revised];
    expect(rulesInForce(all, '2029-12-01').filter((r) => r.category === 'salaried')).toHaveLength(4);
    const later = rulesInForce(all, '2030-01-01');
    expect(later.filter((r) => r.category === 'salaried')).toEqual([revised]);
    expect(later.filter((r) => r.category === 'retired')).toHaveLength(2);
    expect(amountFen('salaried', 200000, later)).toBe(2000);
  });
});
