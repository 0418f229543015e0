/**
 * The media type of an upload from its first bytes (magic numbers), never from the name or
 * the declared type: MP4/MOV (ISO base media 'ftyp'), WebM/Matroska, PDF, and ZIP-based
 * Office files (PPTX/DOCX). Anything else is refused.
 * @example sniffMediaType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffMediaType(b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') return ascii(8, 10) === 'qt' ? 'video/quicktime' : 'video/mp4';
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'video/webm';
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'application/zip';
  return null;
}
