import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * The last SMS code the e2e server sent to `phone` (read from the log file global-setup keeps),
 * waiting up to 10 s for it to appear. `after` skips codes already seen.
 * @example const code = await smsCode(facts.smsLog, '13812345678');
 */
export async function smsCode(file: string, phone: string, after = 0): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const codes = () => readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith(`${masked} `)).map((l) => l.split(' ')[1]!);
  await expect.poll(() => codes().length, { timeout: 10_000 }).toBeGreaterThan(after);
  return codes().at(-1)!;
}

/** How many codes `phone` has had so far (pass it to smsCode as `after`). */
export function smsCount(file: string, phone: string): number {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith(`${masked} `)).length;
}
