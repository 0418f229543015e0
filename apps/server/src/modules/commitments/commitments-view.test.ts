import { describe, expect, it } from 'vitest';
import { maskPii, postOf } from './commitments-view.ts';

describe('public text masking', () => {
  it('masks mobile numbers and ID numbers typed into free text, and nothing else', () => {
    expect(maskPii('有事打 13912345678 找我')).toBe('有事打 139****5678 找我');
    expect(maskPii('身份证11010519491231002X，电话15800001111')).toBe('身份证110105********002X，电话158****1111');
    expect(maskPii('帮助 2 户困难群众，每月 1 次，2026 年')).toBe('帮助 2 户困难群众，每月 1 次，2026 年');
    expect(maskPii('编号 123456789012')).toBe('编号 123456789012'); // 12 digits: neither
    expect(maskPii('12345678901')).toBe('12345678901'); // starts 12: not a mobile
    const masked = maskPii('a13800138000b 410102198001011234');
    expect(masked).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(masked).not.toMatch(/(?<![\dXx])\d{17}[\dXx](?![\dXx])/);
  });

  it('shows posts from the member record, else 党员 / 预备党员', () => {
    expect(postOf(['村党支部书记', '村委会主任'], 'full')).toBe('村党支部书记、村委会主任');
    expect(postOf([], 'probationary')).toBe('预备党员');
    expect(postOf(null, 'full')).toBe('党员');
  });
});
