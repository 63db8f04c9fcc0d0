// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): what `/open311/v2/` answers, with
// the spec's field names exactly. The gateway parses every answer through these schemas, so a field
// not listed here (a name, a phone, an openid, a photo) cannot reach a partner or the public.
import { z } from 'zod'

/** `GET services.json`: one of our categories. */
export const open311ServiceSchema = z.strictObject({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** Whether `services/{code}.json` lists extra attributes: never for our categories. */
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
})
export type Open311Service = z.infer<typeof open311ServiceSchema>

/** `GET services/{code}.json`: the service definition (no extra attributes here). */
export const open311ServiceDefinitionSchema = z.strictObject({
  service_code: z.string(),
  attributes: z.array(z.never()),
})

export const OPEN311_STATUSES = ['open', 'closed'] as const

/** `GET requests.json` / `requests/{id}.json`: a public, anonymised case. */
export const open311RequestSchema = z.strictObject({
  /** The tracking number (编号), never the database id. */
  service_request_id: z.string(),
  status: z.enum(OPEN311_STATUSES),
  /** The status in words (e.g. "办理中"), never a staff note (notes may name people). */
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  /** The opinion after moderation (content check passed, runs of digits masked). */
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string().nullable(),
  expected_datetime: z.string().nullable(),
  /** The place, digits masked (no house or room numbers). */
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  /** Photos are never published (there is no staff "public" mark): always null. */
  media_url: z.string().nullable(),
})
export type Open311Request = z.infer<typeof open311RequestSchema>

/** `POST requests.json`: the answer. */
export const open311CreatedSchema = z.strictObject({
  service_request_id: z.string(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
})

/** The spec's error format: `[{ "code": 404, "description": "…" }]`. */
export const open311ErrorSchema = z.strictObject({ code: z.number().int(), description: z.string() })
export type Open311Error = z.infer<typeof open311ErrorSchema>

/**
 * `POST requests.json` from a partner system (form-encoded as the spec says, or JSON). Extensions:
 * `partner_request_id` (the partner's own id: filing is idempotent by it) and `station_code` (which
 * station's inbox; default: the key's station).
 */
export const open311CreateInputSchema = z.object({
  api_key: z.string({ error: '缺少 api_key' }).min(1, '缺少 api_key').max(200, 'api_key 格式不正确'),
  service_code: z.string({ error: '缺少 service_code' }).min(1, '缺少 service_code').max(40, 'service_code 格式不正确'),
  partner_request_id: z
    .string({ error: '缺少 partner_request_id（合作方自己的工单编号）' })
    .min(1, '缺少 partner_request_id（合作方自己的工单编号）')
    .max(64, 'partner_request_id 不能超过64个字符')
    .regex(/^[A-Za-z0-9_.:-]+$/, 'partner_request_id 只能包含字母、数字和 _ . : -'),
  station_code: z.string().max(32, 'station_code 格式不正确').optional(),
  description: z
    .string({ error: '请填写 description（反映内容）' })
    .trim()
    .min(5, 'description（反映内容）至少需要5个字')
    .max(1000, 'description（反映内容）不能超过1000个字'),
  address_string: z.string().trim().max(100, 'address_string 不能超过100个字').optional(),
  lat: z.coerce.number({ error: 'lat 应为数字' }).min(-90, 'lat 超出范围').max(90, 'lat 超出范围').optional(),
  long: z.coerce.number({ error: 'long 应为数字' }).min(-180, 'long 超出范围').max(180, 'long 超出范围').optional(),
  first_name: z.string().trim().max(20, 'first_name 不能超过20个字').optional(),
  last_name: z.string().trim().max(20, 'last_name 不能超过20个字').optional(),
  phone: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^(1[3-9]\d{9}|0\d{9,11})?$/, 'phone 格式不正确'))
    .optional(),
  email: z.string().trim().max(100, 'email 不能超过100个字符').optional(),
  jurisdiction_id: z.string().max(64).optional(),
})
export type Open311CreateInput = z.infer<typeof open311CreateInputSchema>
