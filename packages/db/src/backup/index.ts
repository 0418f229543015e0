export * from './paths.ts';
export * from './lock.ts';
export * from './backup.ts';
export * from './restore.ts';
export * from './scheduler.ts';
export * from './scheduled-jobs.repo.ts';
