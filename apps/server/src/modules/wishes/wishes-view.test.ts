import { describe, expect, it } from 'vitest';
import { codeHash, newCode, newToken, scrub } from './wishes-view.ts';

describe('wishes view helpers', () => {
  it('scrub masks mobiles and ID numbers in free text and leaves other digits', () => {
    expect(scrub('请拨打13812345678或 139 1234')).toBe('请拨打138****5678或 139 1234');
    expect(scrub('身份证11010119900307001X，门牌 12 号')).toBe('身份证1101**********001X，门牌 12 号');
    expect(scrub('身份证110101199003074514')).not.toMatch(/\d{17}[\dXx]/);
    expect(scrub('电话 0376-1234567')).toBe('电话 0376-1234567');
  });
  it('tokens and codes have the shapes the contract expects', () => {
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newCode()).toMatch(/^\d{6}$/);
    expect(codeHash('13812345678', '123456')).not.toBe(codeHash('13812345679', '123456'));
  });
});
