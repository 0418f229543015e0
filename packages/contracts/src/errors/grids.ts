/** Error codes of the grids feature: code → { status, Chinese message }. Never rename a code. */
export const GRIDS_ERRORS = {
} as const satisfies Record<string, { status: number; message: string }>;
