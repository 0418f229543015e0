// Contracts of the study feature (C3, C4): lessons, selection, micro-lessons, study items, exams, trainings.
export * from './study/common.ts';
export * from './study/exams.ts';
export * from './study/lessons.ts';
export * from './study/items.ts';
export * from './study/micro.ts';
export * from './study/trainings.ts';
