import { z } from 'zod';
import { ORG_TYPE_CODES, MEMBER_STATUS_CODES } from './enums.ts';
import { BUILDING_KINDS, ORG_STATUS_CODES, OrgWarning, type BuildingKind } from './org-admin.ts';

const BUILDING_KIND_CODES = Object.keys(BUILDING_KINDS) as [BuildingKind, ...BuildingKind[]];

export const IdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, '编号格式不正确') });

export const OrgNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  type: z.enum(ORG_TYPE_CODES),
  path: z.string(),
  depth: z.number().int(),
  childCount: z.number().int(),
});
export type OrgNode = z.infer<typeof OrgNode>;

/** The caller's scope as a flat list in tree order; the client builds the tree. */
export const OrgTreeResponse = z.object({
  roots: z.array(z.string()),
  nodes: z.array(OrgNode),
  /**
   * True when the scope was too large to send whole: nodes stop at a depth, and a node with
   * childCount > 0 but no children listed is loaded on demand with ?rootId=<id>&depth=1.
   */
  truncated: z.boolean().optional(),
});

/** GET /orgs/tree: the whole scope (when small enough), or one subtree to a depth. */
export const OrgTreeQuery = z.strictObject({
  rootId: z.string().regex(/^\d{1,18}$/, '组织编号格式不正确').optional(),
  depth: z.coerce.number().int().min(1).max(20).optional(),
});
export type OrgTreeQuery = z.infer<typeof OrgTreeQuery>;

/** A scope with more organizations than this is sent a few levels deep and loaded on demand. */
export const ORG_TREE_FULL_LIMIT = 3000;
/** Levels below each scope root sent when the scope is over the limit. */
export const ORG_TREE_DEFAULT_DEPTH = 3;
export type OrgTreeResponse = z.infer<typeof OrgTreeResponse>;

export const OrgDetail = z.object({
  org: OrgNode.extend({
    shortName: z.string().nullable(),
    code: z.string().nullable(),
    ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
    sortOrder: z.number().int(),
    status: z.enum(ORG_STATUS_CODES),
    tempReason: z.string().nullable(),
    validUntil: z.string().nullable(),
    buildingKind: z.enum(BUILDING_KIND_CODES).nullable(),
  }),
  stats: z.object({
    /** Organizations below this one (not counting itself), by type. */
    subOrgsByType: z.array(z.object({ type: z.enum(ORG_TYPE_CODES), count: z.number().int() })),
    subOrgTotal: z.number().int(),
    /** Members of this organization and everything below it, by status. */
    membersByStatus: z.array(z.object({ status: z.enum(MEMBER_STATUS_CODES), count: z.number().int() })),
    memberTotal: z.number().int(),
  }),
  /** Size and term rules of 《支部工作条例》 that this organization breaks, computed from the records. */
  warnings: z.array(OrgWarning),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

export const MoveOrgRequest = z.strictObject({
  newParentId: z.string().regex(/^\d{1,18}$/),
  reason: z.string().trim().min(1).max(200),
});
export type MoveOrgRequest = z.infer<typeof MoveOrgRequest>;
export const MoveOrgResponse = z.object({ id: z.string(), path: z.string(), movedCount: z.number().int() });
