/**
 * Opaque keyset cursors: base64url of a JSON array of the sort key of the last row.
 * @example decodeCursor(encodeCursor(['zhangsan', '12'])) // ['zhangsan', '12']
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== length) return null;
    if (!v.every((x) => typeof x === 'string' || typeof x === 'number')) return null;
    return v as (string | number)[];
  } catch {
    return null;
  }
}
