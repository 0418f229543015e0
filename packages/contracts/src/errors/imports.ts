/** Error codes of the imports feature: code → { status, Chinese message }. Never rename a code. */
export const IMPORTS_ERRORS = {
  IMPORT_FILE_INVALID: { status: 400, message: '文件不是有效的 Excel 工作簿（.xlsx），请使用下载的导入模板' },
  IMPORT_HEADER_MISSING: { status: 400, message: '表头不完整，请使用下载的导入模板' },
  IMPORT_EMPTY: { status: 400, message: '文件中没有数据行' },
  IMPORT_TOO_MANY_ROWS: { status: 400, message: '单次导入不能超过 50000 行，请拆分文件' },
  IMPORT_ROWS_INVALID: { status: 400, message: '文件中有错误，未导入任何数据，请下载错误报告修改后重新导入' },
  IMPORT_CONFLICT: { status: 409, message: '导入期间数据已被他人修改，未导入任何数据，请重新导入' },
  IMPORT_INTERRUPTED: { status: 409, message: '服务器在导入过程中重启，未导入任何数据，请重新上传' },
  IMPORT_NO_ERROR_REPORT: { status: 404, message: '该导入任务没有错误报告' },
  EXPORT_TOO_LARGE: { status: 400, message: '导出数据超过 10 万条，请缩小筛选范围' },
} as const satisfies Record<string, { status: number; message: string }>;
