/** Error codes of the dues feature: code → { status, Chinese message }. Never rename a code. */
export const DUES_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
