import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCheckChar, parseIdNumber } from './idnumber.ts';
import { maskIdNumber, maskPhone } from './mask.ts';
import { isStrongPassword } from './auth.ts';

describe('parseIdNumber (GB 11643)', () => {
  it('accepts the published test vectors and derives birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(parseIdNumber('440524188001010014')).toEqual({ birthDate: '1880-01-01', gender: 'male' });
    expect(parseIdNumber('513101198201130014')).toEqual({ birthDate: '1982-01-13', gender: 'male' });
  });

  it('rejects a wrong check character, an impossible date and a future date', () => {
    expect(parseIdNumber('110105194912310021')).toBeNull();
    expect(parseIdNumber('110105194902300020')).toBeNull();
    const future = '11010520991231002';
    expect(parseIdNumber(future + idCheckChar(future), new Date('2026-11-26'))).toBeNull();
    expect(parseIdNumber('11010519491231002x')).toBeNull();
  });

  it('accepts exactly one check character for any valid prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }), (seq, d) => {
        const ymd = d.toISOString().slice(0, 10).replaceAll('-', '');
        const first17 = `320802${ymd}${String(seq).padStart(3, '0')}`;
        const valid = [...'0123456789X'].filter((c) => parseIdNumber(first17 + c) !== null);
        expect(valid).toEqual([idCheckChar(first17)]);
      }),
    );
  });
});

describe('masking', () => {
  it('keeps only the first 6 and last 4 of an ID number, 3 and 4 of a phone', () => {
    expect(maskIdNumber('320802199001011234')).toBe('320802********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('isStrongPassword', () => {
  it('needs 8 characters and 3 of 4 character classes', () => {
    expect(isStrongPassword('Demo#2026')).toBe(true);
    expect(isStrongPassword('abcdefg1')).toBe(false);
    expect(isStrongPassword('Abcdefg1')).toBe(true);
    expect(isStrongPassword('Ab1#')).toBe(false);
    expect(isStrongPassword('abcd#123')).toBe(true);
  });
});
