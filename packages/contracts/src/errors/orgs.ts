/** Error codes of the orgs feature: code → { status, Chinese message }. Never rename a code. */
export const ORGS_ERRORS = {
  ORG_PARENT_TYPE_INVALID: { status: 400, message: '该类型的组织不能设在所选上级组织之下' },
  ORG_TEMP_FIELDS_REQUIRED: { status: 400, message: '临时党支部须填写成立原因和有效期' },
  ORG_BUILDING_KIND_REQUIRED: { status: 400, message: '楼宇党支部须选择类型（枢纽型、物业型、托管型）' },
  ORG_REASON_REQUIRED: { status: 400, message: '组织更名须填写原因' },
  ORG_NOT_ACTIVE: { status: 409, message: '该组织已合并或撤销，不能再操作' },
  ORG_ROOT_LOCKED: { status: 403, message: '本级组织的更名、合并、撤销须由上级党组织办理' },
  ORG_MERGE_INTO_SELF: { status: 409, message: '不能把组织合并到它自己或它的下级组织' },
  ORG_HAS_CHILDREN: { status: 409, message: '该组织还有下级组织，请先移动或撤销下级组织' },
  ORG_NOT_EMPTY: { status: 409, message: '该组织还有党员，请指定党员转入的组织后再撤销' },
  ORG_NAME_TAKEN: { status: 409, message: '同一上级组织下已有同名组织' },
  TEAM_TERM_INVALID: { status: 400, message: '任期结束日期须晚于开始日期' },
  TEAM_MEMBER_NOT_IN_ORG: { status: 400, message: '班子成员须是本组织（含下级）的党员' },
  TEAM_MEMBER_NAME_REQUIRED: { status: 400, message: '非本组织党员须填写姓名' },
  TEAM_DUPLICATE_SECRETARY: { status: 400, message: '一个班子只能有一名书记' },
} as const satisfies Record<string, { status: number; message: string }>;
