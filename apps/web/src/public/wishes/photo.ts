/** Longest side of a photo sent from a phone. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * Shrinks a camera photo to at most 1600 px on its longest side as a JPEG (quality 0.82), so a
 * 6 MB picture becomes a few hundred KB before it crosses a weak village signal. Small photos,
 * and anything the browser cannot decode, are sent as they are (the server checks the bytes).
 * @example const blob = await compressPhoto(input.files[0]);
 */
export async function compressPhoto(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= 1024 * 1024 && /^image\/(jpeg|png|webp)$/.test(file.type)) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    bitmap.close();
    return file;
  }
  ctx.fillStyle = '#fff'; // a transparent PNG must not turn black as a JPEG
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
  if (!blob) return file;
  return blob.size < file.size || !/^image\/(jpeg|png|webp)$/.test(file.type) ? blob : file;
}
