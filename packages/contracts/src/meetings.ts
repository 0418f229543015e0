// Contracts of this feature (see orgs.ts for the pattern).
export {};
