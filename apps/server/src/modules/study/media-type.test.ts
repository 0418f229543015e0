import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './media-type.ts';

describe('sniffMediaType', () => {
  it('recognises videos and documents by their first bytes', () => {
    expect(sniffMediaType(Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom')]))).toBe('video/mp4');
    expect(sniffMediaType(Buffer.from([0, 0, 0, 0x14, ...Buffer.from('ftypqt  ')]))).toBe('video/quicktime');
    expect(sniffMediaType(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0]))).toBe('video/webm');
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('application/zip');
  });
  it('refuses anything else, whatever it is named', () => {
    expect(sniffMediaType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});
