/** Error codes of the imports feature: code → { status, Chinese message }. Never rename a code. */
export const IMPORTS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
