/** Error codes of the members feature: code → { status, Chinese message }. Never rename a code. */
export const MEMBERS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
