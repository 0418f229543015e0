/** Where to go after login: only same-origin paths, never `//host` or a full URL; by default `/` (members to 我的, others to the tree). */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return fallback;
  return next;
}

/** The login URL that brings the user back to `from` afterwards. */
export function loginPath(from?: string): string {
  const next = safeNext(from, '');
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
