/** Error codes of the meetings feature: code → { status, Chinese message }. Never rename a code. */
export const MEETINGS_ERRORS = {
  MEETING_LOCKED: { status: 409, message: '会议记录已锁定，不能直接修改；如需更正，请由上级党组织书记提交更正记录' },
  MEETING_NOT_LOCKED: { status: 409, message: '会议记录尚未锁定，请直接修改' },
  MEETING_AMEND_FORBIDDEN: { status: 403, message: '锁定后的会议记录只能由上级党组织书记或组织部门更正' },
  MEETING_KIND_UNKNOWN: { status: 400, message: '会议类型不存在或不适用于该组织' },
  MEETING_KIND_LABEL_TAKEN: { status: 409, message: '该组织已有同名会议类型' },
  MEETING_TEMPLATE_UNKNOWN: { status: 400, message: '会议模板不存在' },
  MEETING_ATTENDEE_INVALID: { status: 400, message: '参会人员不在该组织的党员名册中' },
  MEETING_REASON_REQUIRED: { status: 400, message: '缺席或请假须填写原因' },
  MEETING_TIME_INVALID: { status: 400, message: '会议时间不正确：已召开的会议不能晚于当前时间，结束时间不能早于开始时间' },
  MEETING_FILE_TYPE_INVALID: { status: 415, message: '只能上传 JPEG、PNG 图片或 PDF、Word（docx）文件' },
  MEETING_FILE_TOO_LARGE: { status: 413, message: '单个文件不能超过 10 MB' },
  MEETING_FILE_LIMIT: { status: 409, message: '每次会议最多上传 50 个照片和附件' },
} as const satisfies Record<string, { status: number; message: string }>;
