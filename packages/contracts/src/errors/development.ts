/** Error codes of the development feature: code → { status, Chinese message }. Never rename a code. */
export const DEVELOPMENT_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
