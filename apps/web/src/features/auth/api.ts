import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me } from '@dangjian/contracts';
import { api, setCsrfToken } from '../../lib/api.ts';

export const authKeys = { me: ['auth', 'me'] as const };

async function fetchMe(): Promise<Me> {
  // 401 here is handled by the callers (RequireAuth), which also keep the return path.
  const me = await api<Me>('/auth/me', { sessionRedirect: false });
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user; `error` is an ApiError 401 when there is no session. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Signs in; on success the query cache starts fresh for the new user. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      api<Me>('/auth/login', { method: 'POST', body, sessionRedirect: false }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(authKeys.me, me);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) =>
      api<Me>('/auth/password', { method: 'POST', body, sessionRedirect: false }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(authKeys.me, me);
    },
  });
}

/** Ends the session. Local state is dropped even if the server call fails (e.g. already expired). */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ ok: true }>('/auth/logout', { method: 'POST', sessionRedirect: false }).catch(() => ({ ok: true as const })),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}
