/** Error codes of the study feature: code → { status, Chinese message }. Never rename a code. */
export const STUDY_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
