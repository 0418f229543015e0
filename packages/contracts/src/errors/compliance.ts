/** Error codes of the compliance feature: code → { status, Chinese message }. Never rename a code. */
export const COMPLIANCE_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
