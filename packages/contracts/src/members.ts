// The member registry (A3). Split by concern under ./members/; this file is the feature's entry.
export * from './members/vocab.ts';
export * from './members/phone.ts';
export * from './members/rules.ts';
export * from './members/record.ts';
export * from './members/views.ts';
export * from './members/list.ts';
