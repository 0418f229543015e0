import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFen, parseYuan } from './money.ts';

describe('money', () => {
  it('formats and parses without floating point', () => {
    expect(formatFen(450000)).toBe('4,500.00');
    expect(formatFen(29)).toBe('0.29');
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('4500.5')).toBe(450050);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
  });
  it('property: parse(format(fen)) = fen', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => {
      expect(parseYuan(formatFen(fen).replace(/,/g, ''))).toBe(fen);
    }));
  });
});
