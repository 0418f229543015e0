import type { ErrorBody } from '@dangjian/contracts';

const BASE = '/api/v1';

/** Any non-2xx answer (or a network failure, status 0) as one error type; switch on `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown, ...codes: string[]): e is ApiError {
  return e instanceof ApiError && (codes.length === 0 || codes.includes(e.code));
}

export type SessionEvent = 'unauthenticated' | 'password-change-required';
type SessionHandler = (event: SessionEvent) => void;

/** Replaced by the router at start-up (so navigation stays client-side); full reload until then. */
let onSessionEvent: SessionHandler = (event) => {
  window.location.assign(event === 'unauthenticated' ? '/login' : '/change-password');
};
export function setSessionHandler(handler: SessionHandler): void {
  onSessionEvent = handler;
}

/** The session's CSRF token (from Me); sent on every non-GET request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** The CSRF header for requests that bypass `api()` (raw file uploads). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Whether a 401 / PASSWORD_CHANGE_REQUIRED answer should move the user to the login or
   * change-password page. Off for calls whose 401 is an expected form error (login).
   */
  sessionRedirect?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Calls the JSON API with the session cookie and CSRF header.
 * @example const me = await api<Me>('/auth/me');
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content-type without a body: Fastify rejects an empty JSON body.
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }

  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;

  const err = toApiError(res.status, data);
  if (opts.sessionRedirect !== false) {
    if (res.status === 401) onSessionEvent('unauthenticated');
    else if (err.code === 'PASSWORD_CHANGE_REQUIRED') onSessionEvent('password-change-required');
  }
  throw err;
}

function toApiError(status: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as Partial<ErrorBody>;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message = typeof body.message === 'string' ? body.message : `请求失败（${status}）`;
  return new ApiError(status, code, message, body.details, body.requestId);
}
