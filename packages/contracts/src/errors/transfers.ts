/** Error codes of the transfers feature: code → { status, Chinese message }. Never rename a code. */
export const TRANSFERS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
