/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StudyExamsTables {}
