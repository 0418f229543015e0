import { publicUpload } from '../api.ts';

/** Sends one photo of the resident's own wish, proved by the wish's token. */
export function uploadWishPhoto(id: string, token: string, photo: Blob): Promise<{ id: string }> {
  return publicUpload<{ id: string }>(`/wishes/${id}/photos`, photo, { 'x-wish-token': token });
}
