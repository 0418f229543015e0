/** Error codes of the orgs feature: code → { status, Chinese message }. Never rename a code. */
export const ORGS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
