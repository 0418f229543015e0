/** Limits shared by server and web. */
export const LIMITS = {
  usernameMax: 50,
  passwordMin: 8,
  passwordMax: 128,
  pageSizeDefault: 20,
  pageSizeMax: 200,
  sessionIdleMinutes: 30,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
} as const;
