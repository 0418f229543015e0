/**
 * The 5 stages and 25 steps of 《中国共产党发展党员工作细则》 (2014), in order. Numbers are
 * stable: they are stored in dev_steps.step_no and rule parameters refer to them.
 */
export const DEV_STAGES = [
  { no: 1, name: '入党申请' },
  { no: 2, name: '入党积极分子的确定和培养教育' },
  { no: 3, name: '发展对象的确定和考察' },
  { no: 4, name: '预备党员的接收' },
  { no: 5, name: '预备党员的教育考察和转正' },
] as const;

/** Facts a step may carry besides its date (see DevStepFacts). */
export type DevFactKey =
  | 'talker' | 'townshipFiledOn' | 'townshipReviewedOn' | 'candidates' | 'slots' | 'contactIds' | 'introducerIds'
  | 'politicalReviewPassed' | 'trainingDays' | 'trainingHours' | 'votes' | 'defenseOn' | 'extensionReason' | 'extensionMonths';

export interface DevStepDef {
  no: number;
  stage: 1 | 2 | 3 | 4 | 5;
  name: string;
  /** Who usually acts, shown beside the step. */
  actor: string;
  /** The facts the form asks for at this step. */
  facts: readonly DevFactKey[];
}

export const DEV_STEPS: readonly DevStepDef[] = [
  { no: 1, stage: 1, name: '递交入党申请书', actor: '申请人', facts: [] },
  { no: 2, stage: 1, name: '党组织派人谈话', actor: '党支部', facts: ['talker', 'townshipFiledOn', 'townshipReviewedOn'] },
  { no: 3, stage: 2, name: '推荐和确定入党积极分子', actor: '支部委员会', facts: ['candidates', 'slots'] },
  { no: 4, stage: 2, name: '上级党委备案', actor: '基层党委', facts: [] },
  { no: 5, stage: 2, name: '指定培养联系人', actor: '支部委员会', facts: ['contactIds'] },
  { no: 6, stage: 2, name: '培养教育考察', actor: '党支部', facts: [] },
  { no: 7, stage: 3, name: '确定发展对象', actor: '支部委员会', facts: ['candidates', 'slots'] },
  { no: 8, stage: 3, name: '报上级党委备案', actor: '基层党委', facts: [] },
  { no: 9, stage: 3, name: '确定入党介绍人', actor: '支部委员会', facts: ['introducerIds'] },
  { no: 10, stage: 3, name: '进行政治审查', actor: '基层党委', facts: ['politicalReviewPassed'] },
  { no: 11, stage: 3, name: '开展集中培训', actor: '基层党委', facts: ['trainingDays', 'trainingHours'] },
  { no: 12, stage: 4, name: '支部委员会审查', actor: '支部委员会', facts: [] },
  { no: 13, stage: 4, name: '上级党委预审', actor: '基层党委', facts: [] },
  { no: 14, stage: 4, name: '填写入党志愿书', actor: '发展对象', facts: [] },
  { no: 15, stage: 4, name: '支部大会讨论', actor: '支部党员大会', facts: ['votes', 'defenseOn'] },
  { no: 16, stage: 4, name: '上级党委派人谈话', actor: '党委委员或组织员', facts: ['talker'] },
  { no: 17, stage: 4, name: '上级党委审批', actor: '基层党委', facts: ['extensionReason'] },
  { no: 18, stage: 4, name: '再上一级党委组织部门备案', actor: '县级党委组织部', facts: [] },
  { no: 19, stage: 5, name: '编入党支部和党小组', actor: '党支部', facts: [] },
  { no: 20, stage: 5, name: '入党宣誓', actor: '基层党委或党支部', facts: [] },
  { no: 21, stage: 5, name: '继续教育考察', actor: '党支部', facts: [] },
  { no: 22, stage: 5, name: '提出转正申请', actor: '预备党员', facts: [] },
  { no: 23, stage: 5, name: '支部大会讨论转正', actor: '支部党员大会', facts: ['votes', 'extensionMonths'] },
  { no: 24, stage: 5, name: '上级党委审批转正', actor: '基层党委', facts: [] },
  { no: 25, stage: 5, name: '材料归档', actor: '党支部', facts: [] },
];

export const DEV_FACT_LABELS: Record<DevFactKey, string> = {
  talker: '谈话人', townshipFiledOn: '报乡镇党委备案日期', townshipReviewedOn: '乡镇党委审核日期',
  candidates: '推荐人选数', slots: '确定名额数', contactIds: '培养联系人', introducerIds: '入党介绍人',
  politicalReviewPassed: '政治审查结论', trainingDays: '培训天数', trainingHours: '培训学时', votes: '表决情况',
  defenseOn: '入党答辩日期', extensionReason: '延长审批期限的原因', extensionMonths: '延长预备期（月）',
};

/** Public notices (公示) and the step they must be finished before. */
export const DEV_NOTICE_KINDS = {
  activist: { name: '入党积极分子公示', afterStep: 3, beforeStep: 4 },
  object: { name: '发展对象公示', afterStep: 7, beforeStep: 8 },
  admission: { name: '拟接收预备党员公示', afterStep: 15, beforeStep: 17 },
  conversion: { name: '预备党员拟转正公示', afterStep: 23, beforeStep: 24 },
} as const;
export type DevNoticeKind = keyof typeof DEV_NOTICE_KINDS;
export const DEV_NOTICE_KIND_CODES = Object.keys(DEV_NOTICE_KINDS) as [DevNoticeKind, ...DevNoticeKind[]];

export const DEV_CASE_STATUSES = { active: '进行中', completed: '已完成', closed: '已终止' } as const;
export type DevCaseStatus = keyof typeof DEV_CASE_STATUSES;

/** The stage a step belongs to. */
export function stageOfStep(no: number): number {
  return DEV_STEPS[Math.min(Math.max(no, 1), 25) - 1]!.stage;
}
