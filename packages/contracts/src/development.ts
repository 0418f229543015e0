// Member development 发展党员 (D1). Split by concern under ./development/; this file is the entry.
export * from './development/steps.ts';
export * from './development/rules.ts';
export * from './development/api.ts';
export * from './development/views.ts';
