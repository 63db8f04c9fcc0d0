// Partner systems and open data (issue 12): API keys of partner systems (e.g. a 12345 platform)
// filing cases through Open311 `POST requests.json`, and the nightly archive export.
import { z } from 'zod'
import { id, text } from '../fields'
import { defineAction } from './define'

export const API_KEY_STATUSES = ['active', 'revoked'] as const
export const API_KEY_STATUS_LABELS: Record<(typeof API_KEY_STATUSES)[number], string> = { active: '有效', revoked: '已吊销' }

export const apiKeyViewSchema = z.object({
  id: z.string(),
  /** What the office recognises the key by (the key's non-secret start), e.g. `myt_ak3f9c2a1b0d_…`. */
  prefix: z.string(),
  name: z.string(),
  /** Where cases filed with this key land unless the partner names another station of the district. */
  stationId: z.string(),
  stationName: z.string(),
  status: z.enum(API_KEY_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  casesFiled: z.number(),
})
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>

export const exportFileSchema = z.object({
  format: z.enum(['jsonl', 'csv']),
  name: z.string(),
  size: z.number(),
  /** A short-lived address to download it (null when it cannot be issued now). */
  downloadUrl: z.string().nullable(),
})

export const exportViewSchema = z.object({
  /** The Shanghai calendar day the file covers, `YYYY-MM-DD`. */
  date: z.string(),
  status: z.enum(['running', 'done']),
  count: z.number(),
  files: z.array(exportFileSchema),
  finishedAt: z.string().nullable(),
})
export type ExportView = z.infer<typeof exportViewSchema>

export const partnerActions = {
  'admin.apiKey.create': defineAction({
    summary: '新建合作平台接口密钥（Open311 写入），密钥只显示这一次，库中只存其哈希',
    roles: ['admin'],
    input: z.object({
      name: text('合作平台名称', { min: 2, max: 40 }),
      stationId: id('默认接收的家站点'),
    }),
    output: z.object({
      key: apiKeyViewSchema,
      /** The full key, only in the answer of the request that created it; null on any later read. */
      shownOnce: z.object({ apiKey: z.string() }).nullable(),
    }),
    mutates: true,
  }),
  'admin.apiKey.list': defineAction({
    summary: '本区的合作平台接口密钥（不含密钥本身）',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({ keys: z.array(apiKeyViewSchema) }),
    mutates: false,
  }),
  'admin.apiKey.revoke': defineAction({
    summary: '吊销接口密钥：之后用它的请求一律 401',
    roles: ['admin'],
    input: z.object({ keyId: id('密钥编号'), reason: text('吊销原因', { min: 2, max: 100 }) }),
    output: apiKeyViewSchema,
    mutates: true,
  }),
  'admin.export.list': defineAction({
    summary: '每日归档导出（前一天公开、脱敏的民意，JSON Lines 和 CSV）及下载地址',
    roles: ['admin'],
    input: z.object({ limit: z.number({ error: '分页参数应为数字' }).int().min(1).max(90).default(30) }),
    output: z.object({ exports: z.array(exportViewSchema) }),
    mutates: false,
  }),
}
