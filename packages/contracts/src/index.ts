export * from './errors.ts';
export * from './enums.ts';
export * from './limits.ts';
export * from './auth.ts';
export * from './orgs.ts';
export * from './members.ts';
export * from './mask.ts';
export * from './idnumber.ts';
