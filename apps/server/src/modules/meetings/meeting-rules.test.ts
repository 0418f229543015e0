import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDayStart, diffFields, isLocked, lockMoment, quorumOf, sniffMeetingFile } from './meeting-rules.ts';

describe('meeting rules', () => {
  it('locks lockDays after the meeting, not before', () => {
    const held = new Date('2026-11-01T09:00:00+08:00');
    const lock = lockMoment(held, 7);
    expect(lock.toISOString()).toBe('2026-11-08T01:00:00.000Z');
    expect(isLocked(lock, new Date(lock.getTime() - 1))).toBe(false);
    expect(isLocked(lock, lock)).toBe(true);
    expect(isLocked(null, lock)).toBe(false);
  });

  it('counts 半数以上 as including half, on full members only', () => {
    const rows = (fullPresent: number, fullAbsent: number, probPresent = 0) => [
      { status: 'present', member_status: 'full', n: String(fullPresent) },
      { status: 'absent', member_status: 'full', n: String(fullAbsent) },
      { status: 'present', member_status: 'probationary', n: String(probPresent) },
    ];
    expect(quorumOf('branch_congress', rows(5, 5))).toEqual({ fullDue: 10, fullPresent: 5, required: 5, met: true });
    expect(quorumOf('branch_congress', rows(4, 5, 3))).toEqual({ fullDue: 9, fullPresent: 4, required: 5, met: false });
    expect(quorumOf('theme_day', rows(0, 9))).toBeNull();
  });

  it('tells file types by their bytes', () => {
    expect(sniffMeetingFile(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0]))).toBe('image/jpeg');
    expect(sniffMeetingFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMeetingFile(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMeetingFile(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from('word/document.xml')]))).toContain('wordprocessingml');
    expect(sniffMeetingFile(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from('xl/workbook.xml')]))).toBeNull();
    expect(sniffMeetingFile(Buffer.from('<script>'))).toBeNull();
  });

  it('works in China dates and diffs fields', () => {
    expect(chinaDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(diffFields({ a: 1, b: null }, { a: 1, b: 'x' })).toEqual({ b: { before: null, after: 'x' } });
  });
});
