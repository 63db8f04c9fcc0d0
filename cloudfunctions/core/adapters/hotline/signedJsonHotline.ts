// The generic 12345 adapter: the push is an HTTPS POST of JSON signed like the callbacks
// (HMAC-SHA256 over `<timestamp>\n<nonce>\n<body>` with the shared secret). Wire format:
// docs/hotline-12345.md. A 2xx answer `{ "partner_ref": "…" }` is taken; 408, 429, 5xx and
// network errors are retried by the timer; any other 4xx is final (the push itself is wrong).
import { signBody } from '../../domain/partners/webhookSignature'
import type { HotlineAdapter, HotlinePush, HotlinePushResult } from '../../ports/hotline'

export interface SignedJsonHotlineOptions {
  partner: string
  /** Where pushes go, e.g. https://12345.example.gov.cn/minyi/push. */
  url: string
  /** Shared secret: signs our pushes and checks the partner's callbacks. */
  secret: string
  now?: () => Date
  timeoutMs?: number
  fetch?: typeof fetch
}

export function wireBody(push: HotlinePush, at: Date): Record<string, unknown> {
  return {
    case_ref: push.caseRef,
    service_code: push.category,
    service_name: push.categoryLabel,
    description: push.content,
    address: push.place,
    station_name: push.stationName,
    office_name: push.officeName,
    due_date: push.dueDate,
    note: push.note,
    raised_at: push.raisedAt,
    pushed_at: at.toISOString(),
  }
}

export function createSignedJsonHotline(options: SignedJsonHotlineOptions): HotlineAdapter {
  const now = options.now ?? (() => new Date())
  const doFetch = options.fetch ?? fetch
  return {
    partner: options.partner,
    callbackSecret: options.secret,
    async push(push): Promise<HotlinePushResult> {
      const at = now()
      const body = JSON.stringify(wireBody(push, at))
      let response: Response
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', ...signBody(options.secret, body, at) },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        })
      } catch (error) {
        return { ok: false, retryable: true, message: `网络错误：${error instanceof Error ? error.message : String(error)}` }
      }
      const text = await response.text().catch(() => '')
      if (response.ok) {
        let partnerRef: string | null = null
        try {
          const parsed = JSON.parse(text) as { partner_ref?: unknown }
          partnerRef = typeof parsed.partner_ref === 'string' ? parsed.partner_ref.slice(0, 64) : null
        } catch {
          partnerRef = null
        }
        return { ok: true, partnerRef }
      }
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429
      return { ok: false, retryable, message: `HTTP ${response.status} ${text.slice(0, 200)}` }
    },
  }
}

/** Adapters from the environment: MINYI_HOTLINE_12345_URL and MINYI_HOTLINE_12345_SECRET. */
export function hotlineAdaptersFromEnv(env: NodeJS.ProcessEnv, now?: () => Date): HotlineAdapter[] {
  const url = env.MINYI_HOTLINE_12345_URL
  const secret = env.MINYI_HOTLINE_12345_SECRET
  return url && secret ? [createSignedJsonHotline({ partner: '12345', url, secret, now })] : []
}
