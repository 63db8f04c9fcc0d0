// The audit trail (操作日志): what an admin or staff member changed, as append-only records.
import { z } from 'zod'
import { ROLES } from './enums'

/** What kind of object a change touched. Features add their kinds here. */
export const AUDIT_OBJECT_TYPES = [
  'region',
  'station',
  'deputy',
  'unit',
  'routing',
  'account',
  'invitation',
  'goal',
  'export',
  'livelihood_round',
  'livelihood_proposal',
  'livelihood_project',
  'apiKey',
  'case',
  'performance_record',
] as const
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number]
export const AUDIT_OBJECT_LABELS: Record<AuditObjectType, string> = {
  region: '街道/乡镇',
  station: '家站点',
  deputy: '代表',
  unit: '承办单位',
  routing: '分办规则',
  account: '账号',
  invitation: '邀请码',
  goal: '年度工作目标',
  export: '数据导出',
  livelihood_round: '民生实事票决轮次',
  livelihood_proposal: '民生实事项目建议',
  livelihood_project: '民生实事项目',
  apiKey: '接口密钥',
  case: '民意（代录）',
  performance_record: '履职档案',
}

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.enum(ROLES),
  actorRoleLabel: z.string(),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectTypeLabel: z.string(),
  objectId: z.string(),
  objectLabel: z.string(),
  /** What was done, e.g. `create`, `update`, `retire`, `revoke`. */
  action: z.string(),
  /** The same in Chinese, e.g. "新建家站点". */
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntryView = z.infer<typeof auditEntrySchema>
