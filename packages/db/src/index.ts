export * from './schema.ts';
export * from './connect.ts';
export * from './migrate.ts';
export * from './scope.ts';
export * from './open.ts';
export * from './testing/engines.ts';
export * from './pinyin.ts';
export * from './cli-support.ts';
