import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('cursor', () => {
  it('round-trips and rejects garbage', () => {
    expect(decodeCursor(encodeCursor(['zhangsan', '12']), 2)).toEqual(['zhangsan', '12']);
    expect(decodeCursor('not base64 json', 2)).toBeNull();
    expect(decodeCursor(encodeCursor(['a']), 2)).toBeNull();
    expect(decodeCursor(Buffer.from('[{"a":1},2]').toString('base64url'), 2)).toBeNull();
  });
});
