/** Reads a public (anonymous) API path; throws with the server's Chinese message on failure. */
export async function publicGet<T>(path: string): Promise<T> {
  const res = await fetch(`/api/v1/public${path}`, { headers: { accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { message?: string } | null)?.message ?? `加载失败（${res.status}）`;
    throw new Error(message);
  }
  return body as T;
}
