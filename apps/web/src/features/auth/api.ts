import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
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

/**
 * Ends the session and goes to /login. Local state is dropped even if the server call fails
 * (e.g. the session had already expired); the login page then empties the query cache.
 */
export function useLogout() {
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () =>
      api<{ ok: true }>('/auth/logout', { method: 'POST', sessionRedirect: false }).catch(() => ({ ok: true as const })),
  });
  const logout = () =>
    mutation.mutate(undefined, {
      onSettled: () => {
        setCsrfToken(null);
        void navigate('/login', { replace: true });
      },
    });
  return { logout, isPending: mutation.isPending };
}

/**
 * Drops every cached query once the signed-in pages are gone (call on the login page), so no
 * data of the previous session outlives it; doing it earlier would make mounted pages refetch.
 */
export function useForgetSession() {
  const qc = useQueryClient();
  useEffect(() => {
    qc.removeQueries();
  }, [qc]);
}
