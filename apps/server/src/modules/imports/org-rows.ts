import { ORG_IMPORT_COLUMNS, ORG_PARENT_RULES, ORG_TYPES, type ImportRowError, type OrgImportKey, type OrgType } from '@dangjian/contracts';
import type { SheetRow } from './workbook.ts';
import type { OrgIndex } from './org-index.ts';
import { readText } from './values.ts';

/** A checked organization row. `parentRow` is set when the parent is an earlier row of the file. */
export interface NewOrg {
  row: number;
  /** Temporary id ('row:5') until written; the real id is drawn from the sequence at write time. */
  tempId: string;
  parentId: string;
  name: string;
  type: OrgType;
  shortName: string | null;
  code: string | null;
}

const HEADER = Object.fromEntries(ORG_IMPORT_COLUMNS.map((c) => [c.key, c.header.replace('*', '')])) as Record<OrgImportKey, string>;
const TYPE_BY_LABEL = new Map<string, OrgType>(Object.entries(ORG_TYPES).map(([code, label]) => [label, code as OrgType]));

/**
 * Checks one organization row and, when valid, adds it to the index so later rows may name it
 * as their parent (files list parents before children). The parent must lie in the target
 * subtree and its type must be an allowed parent of the row's type (ORG_PARENT_RULES).
 * @example checkOrgRow(row, index) // { org: { name: '第三党支部', type: 'branch', parentId: '12', … }, errors: [] }
 */
export function checkOrgRow(r: SheetRow<OrgImportKey>, index: OrgIndex): { org: NewOrg | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (key: OrgImportKey, reason: string) => errors.push({ row: r.row, column: HEADER[key], reason });
  const c = r.cells;

  const name = readText(c.name, 100);
  if (!name.ok) fail('name', name.reason);
  else if (!name.value) fail('name', '必填');
  else if (name.value.length < 2) fail('name', '名称至少 2 个字');

  const typeText = readText(c.type, 20);
  const type = typeText.ok && typeText.value ? (TYPE_BY_LABEL.get(typeText.value) ?? (typeText.value in ORG_TYPES ? (typeText.value as OrgType) : undefined)) : undefined;
  if (!typeText.ok || !typeText.value) fail('type', '必填');
  else if (!type) fail('type', `未知的组织类型「${typeText.value}」，请从下拉列表中选择`);

  const parentRef = readText(c.parent, 200);
  let parent = null;
  if (!parentRef.ok) fail('parent', parentRef.reason);
  else if (!parentRef.value) fail('parent', '必填');
  else {
    const found = index.resolve(parentRef.value);
    if (!found.ok) fail('parent', found.reason);
    else parent = found.org;
  }
  if (parent && type && !ORG_PARENT_RULES[type].includes(parent.type as OrgType)) {
    const label = ORG_TYPES[parent.type as OrgType] ?? parent.type;
    fail('type', `${ORG_TYPES[type]}不能设在${label}之下`);
  }
  if (parent && name.ok && name.value && index.siblingNamed(parent.id, name.value)) {
    fail('name', `「${index.namePath(parent)}」下已有同名组织`);
  }

  const shortName = readText(c.shortName, 50);
  if (!shortName.ok) fail('shortName', shortName.reason);
  const code = readText(c.code, 50);
  if (!code.ok) fail('code', code.reason);
  else if (code.value && index.codeTaken(code.value)) fail('code', `组织代码「${code.value}」已被使用`);

  if (errors.length > 0 || !parent || !type || !name.ok || !name.value) return { org: null, errors };
  const org: NewOrg = {
    row: r.row, tempId: `row:${r.row}`, parentId: parent.id, name: name.value, type,
    shortName: shortName.ok ? shortName.value : null, code: code.ok ? code.value : null,
  };
  index.add({
    id: org.tempId, parentId: parent.id, path: `${parent.path}.${org.tempId}`, name: org.name,
    shortName: org.shortName, code: org.code, type, regionId: parent.regionId,
  });
  return { org, errors };
}
