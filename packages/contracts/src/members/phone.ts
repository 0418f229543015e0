/** Mobile number as people type it: '+86 138-1234-5678' → '13812345678'. */
export function normalizePhone(raw: string): string {
  const s = raw.replace(/[\s\-()（）]/g, '');
  if (s.startsWith('+86')) return s.slice(3);
  if (s.startsWith('0086')) return s.slice(4);
  if (s.length === 13 && s.startsWith('86')) return s.slice(2);
  return s;
}

/** A permissive check for a Chinese mobile number (DOMAIN.md §8), after normalizePhone. */
export const PHONE_RE = /^1[3-9]\d{9}$/;
