/** Error codes of the meetings feature: code → { status, Chinese message }. Never rename a code. */
export const MEETINGS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
