// Sends subscribe messages through `subscribeMessage.send`. Our logical template fields are mapped
// to the WeChat template's keys (e.g. trackingNo → character_string1) by configuration, because
// they depend on the templates chosen in the mini-program's console.
import type { Notifier } from '../../ports'
import { type WxOpenApi, wxErrorCode } from './openapi'

export interface TemplateBinding {
  id: string
  fields: Record<string, string>
}

/** Codes worth retrying later: system busy, rate limits, timeouts. */
const RETRYABLE = new Set<number | string>([-1, 45009, 45011, 'ETIMEDOUT', 'ECONNRESET'])

export function createSubscribeNotifier(openapi: WxOpenApi, templates: Record<string, TemplateBinding>, miniprogramState = 'formal'): Notifier {
  return {
    async send(message) {
      const binding = templates[message.template]
      if (!binding) return { ok: false, code: 'NO_TEMPLATE', message: `未配置模板 ${message.template}`, retryable: false }
      const data: Record<string, { value: string }> = {}
      for (const [field, value] of Object.entries(message.data)) {
        const key = binding.fields[field]
        if (key) data[key] = { value }
      }
      try {
        const result = await openapi.subscribeMessage.send({
          touser: message.openid,
          templateId: binding.id,
          page: message.page.replace(/^\//, ''),
          data,
          miniprogramState,
        })
        if (result.errCode && result.errCode !== 0) {
          return { ok: false, code: result.errCode, message: result.errMsg ?? '', retryable: RETRYABLE.has(result.errCode) }
        }
        return { ok: true }
      } catch (error) {
        const { code, message: text } = wxErrorCode(error)
        return { ok: false, code, message: text, retryable: RETRYABLE.has(code) }
      }
    },
  }
}
