const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * The GB 11643-1999 check character for the first 17 digits (ISO 7064 MOD 11-2).
 * @example idCheckChar('11010519491231002') // 'X'
 */
export function idCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[s % 11]!;
}

export interface IdNumberInfo {
  birthDate: string;
  gender: 'male' | 'female';
}

/**
 * Validates an 18-character resident ID number (format, real birth date not in the future,
 * checksum) and derives birth date and sex. Returns null when invalid.
 * @example parseIdNumber('11010519491231002X') // { birthDate: '1949-12-31', gender: 'female' }
 */
export function parseIdNumber(id: string, today: Date = new Date()): IdNumberInfo | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (date.getTime() > today.getTime()) return null;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return null;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
