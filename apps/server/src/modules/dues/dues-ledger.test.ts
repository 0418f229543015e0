import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { dueFor, ledger, type BaseRecord } from './dues-ledger.ts';
import { checkPayment } from './payment-rules.ts';
import { RULES_2008 } from './dues-rules.fixture.ts';

const bases: BaseRecord[] = [
  { month: '2026-01', category: 'salaried', baseFen: 450000, agreedFen: null },
  // A raise first received in June applies from June.
  { month: '2026-06', category: 'salaried', baseFen: 600000, agreedFen: null },
];

describe('ledger', () => {
  it('uses the base in force each month', () => {
    expect(dueFor(bases, RULES_2008, '2025-12')).toBeNull();
    expect(dueFor(bases, RULES_2008, '2026-05')).toBe(4500);
    expect(dueFor(bases, RULES_2008, '2026-06')).toBe(9000);
  });

  it('owes from the later of joining and the first base; 党费交至 is the end of the unbroken run', () => {
    const l = ledger({ joinedOn: '2026-03-15', bases, settled: new Set(['2026-03', '2026-04', '2026-06']), rules: RULES_2008, asOf: '2026-08' });
    expect(l.unpaidMonths).toEqual(['2026-05', '2026-07', '2026-08']);
    expect(l.owedFen).toBe(4500 + 9000 + 9000);
    expect(l.paidThrough).toBe('2026-04');
    expect(l.lastPaidMonth).toBe('2026-06');
    expect(l.trailingUnpaid).toBe(2);
  });

  it('counts the trailing run for 自行脱党 (6 months in a row)', () => {
    const l = ledger({ joinedOn: null, bases, settled: new Set(['2026-01']), rules: RULES_2008, asOf: '2026-07' });
    expect(l.trailingUnpaid).toBe(6);
    expect(ledger({ joinedOn: null, bases: [], settled: new Set(), rules: RULES_2008, asOf: '2026-07' }).unpaidMonths).toEqual([]);
  });
});

describe('checkPayment', () => {
  const base = { joinedOn: '2020-07-01', bases, rules: RULES_2008, today: '2026-11-20', paidMonths: new Set(['2026-09']) };
  const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as AppError).code; } return 'OK'; };
  const body = (over: object) => ({ memberId: '1', months: [{ month: '2026-10' }], mode: 'monthly' as const, paidOn: '2026-11-20', ...over });

  it('computes the lines and kinds', () => {
    expect(checkPayment({ ...base, body: body({ months: [{ month: '2026-10' }, { month: '2026-11' }] }) }))
      .toEqual([{ month: '2026-10', dueFen: 9000, paidFen: 9000, kind: 'full' }, { month: '2026-11', dueFen: 9000, paidFen: 9000, kind: 'full' }]);
    expect(checkPayment({ ...base, body: body({ months: [{ month: '2026-10', paidFen: 0 }], approvedBy: '镇党委', approvalDoc: '镇党发〔2026〕1号' }) })[0]!.kind).toBe('waived');
  });

  it('refuses each broken rule with its code', () => {
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2026-09' }] }) }))).toBe('DUES_ALREADY_PAID');
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2026-12' }] }) }))).toBe('DUES_MONTH_IN_FUTURE');
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2025-12' }], backPayNote: '经批准' }) }))).toBe('DUES_NO_BASE');
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2026-04' }] }) }))).toBe('DUES_BACK_PAY_NOTE_REQUIRED');
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2026-05' }] }) }))).toBe('OK'); // exactly 6 months back
    expect(code(() => checkPayment({ ...base, body: body({ months: [{ month: '2026-10', paidFen: 100 }] }) }))).toBe('DUES_APPROVAL_REQUIRED');
    expect(code(() => checkPayment({ ...base, body: body({ mode: 'quarterly', months: [{ month: '2026-10' }, { month: '2026-11' }, { month: '2026-12' }] }) }))).toBe('DUES_QUARTER_CONSENT_REQUIRED');
    expect(code(() => checkPayment({ ...base, body: body({ mode: 'quarterly', consentNote: '支委会同意', months: [{ month: '2026-10' }, { month: '2026-11' }, { month: '2026-12' }] }) }))).toBe('OK');
    expect(code(() => checkPayment({ ...base, joinedOn: '2026-11-01', body: body({}) }))).toBe('DUES_MONTH_BEFORE_JOINED');
    expect(code(() => checkPayment({ ...base, body: body({ paidOn: '2026-11-21' }) }))).toBe('VALIDATION_FAILED');
  });
});
