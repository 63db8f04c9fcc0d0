// Field schemas with Chinese messages that name the field, so an INVALID_INPUT error reads like
// "反映内容至少需要5个字" rather than a library message.
import { z } from 'zod'

export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少需要${min}个字`)
    .max(max, `${label}不能超过${max}个字`)
}

/** An optional free-text field: empty strings count as "not given". */
export function optionalText(label: string, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string({ error: `${label}格式不正确` }).trim().max(max, `${label}不能超过${max}个字`).optional(),
  )
}

export function id(label: string) {
  return z
    .string({ error: `缺少${label}` })
    .min(1, `缺少${label}`)
    .max(80, `${label}格式不正确`)
    .regex(/^[A-Za-z0-9_:-]+$/, `${label}格式不正确`)
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `请选择正确的${label}` })
}

export function flag(label: string) {
  return z.boolean({ error: `${label}应为是或否` })
}

export const mobilePhone = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/[\s-]/g, '') : value),
  z.string({ error: '手机号码格式不正确' }).regex(/^1[3-9]\d{9}$/, '手机号码格式不正确，请填写11位手机号码'),
)

export const optionalMobilePhone = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  mobilePhone.optional(),
)

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export function calendarDate(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日`)
    .refine((value) => {
      // Reject dates that do not exist (2026-02-30), which the pattern alone lets through.
      const d = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
    }, `${label}不是有效的日期`)
}

/** Client-generated idempotency key of a mutating request. */
export const requestId = z
  .string({ error: '缺少请求编号' })
  .min(8, '请求编号格式不正确')
  .max(64, '请求编号格式不正确')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

export const isoTime = z.string()
export const pageLimit = z.number({ error: '分页参数应为数字' }).int().min(1).max(100).optional()
