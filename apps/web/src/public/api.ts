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

/** The server's error body, kept whole so a form can mark the field named in `details`. */
export class PublicError extends Error {
  constructor(message: string, readonly code: string, readonly field?: string) {
    super(message);
    this.name = 'PublicError';
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const b = (body ?? {}) as { message?: string; code?: string; details?: { field?: unknown; fields?: { field?: string; message?: string }[] } };
    const first = b.details?.fields?.[0];
    if (first?.field) throw new PublicError(first.message || b.message || '填写有误', b.code ?? 'VALIDATION_FAILED', first.field.replace(/^(body|query|params)\./, ''));
    const field = typeof b.details?.field === 'string' ? b.details.field : undefined;
    throw new PublicError(b.message ?? `提交失败（${res.status}）`, b.code ?? `HTTP_${res.status}`, field);
  }
  return body as T;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`/api/v1/public${path}`, init);
  } catch {
    throw new PublicError('网络连接失败，请检查网络后重试', 'NETWORK_ERROR');
  }
}

/** Posts JSON to a public (anonymous) API path; throws PublicError with the server's message and field. */
export async function publicPost<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await send(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** Uploads raw bytes (a photo) to a public API path; the server checks the bytes, not the name. */
export async function publicUpload<T>(path: string, data: Blob, headers: Record<string, string> = {}): Promise<T> {
  return answer<T>(await send(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': data.type || 'application/octet-stream', ...headers }, body: data }));
}
