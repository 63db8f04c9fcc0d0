// 12345 → 民意通: the partner's status updates and final answer, through a signed webhook
// (domain/partners/webhookSignature.ts). A delivery is applied when its signature is right, its
// timestamp within five minutes and its nonce new (stored: a replay is refused); each partner
// event id is applied once. A status update becomes a timeline event and a progress notice; the
// final answer is the unit's answer (`recordUnitAnswer`, actor 12345热线), so the resident gets the
// reply notice and rates it as usual — all through the outbox.
import { z } from 'zod'
import { CASE_STATUS_LABELS } from '@minyi/types'
import { factEvent, planMove } from '../../domain/caseLifecycle'
import { deadlineAfter } from '../../domain/deadlines'
import { verifySignature } from '../../domain/partners/webhookSignature'
import type { PartnerCaseDoc, WebhookNonceDoc } from '../../domain/partners/records'
import { residentOutboxItem } from '../../domain/notices'
import { secondsGuard, withSeconders } from '../../domain/seconds'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'
import { finishMergedCases } from '../cases/mergeCases'
import { deadlineContext, limitsForStation } from '../cases/handling'
import { HOTLINE_LABEL } from './hotlinePush'

export const callbackSchema = z.object({
  event_id: z.string({ error: '缺少 event_id' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'event_id 格式不正确'),
  case_ref: z.string({ error: '缺少 case_ref' }).min(1, '缺少 case_ref').max(40),
  partner_ref: z.string().max(64).nullable().optional(),
  type: z.enum(['status', 'answer'], { error: 'type 应为 status 或 answer' }),
  text: z.string({ error: '缺少 text' }).trim().min(1, '缺少 text').max(2000, 'text 不能超过2000个字'),
  at: z.string().optional(),
})
export type HotlineCallback = z.infer<typeof callbackSchema>

export interface CallbackAnswer {
  status: number
  body: { ok: boolean; message: string; duplicate?: boolean }
}

const answer = (status: number, message: string, extra: Partial<CallbackAnswer['body']> = {}): CallbackAnswer => ({
  status,
  body: { ok: status < 300, message, ...extra },
})

const excerpt = (text: string, n: number) => (Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}…` : text)
const actor = { id: null, role: 'system' as const, label: HOTLINE_LABEL }

export async function receiveHotlineCallback(
  deps: Deps,
  partner: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
): Promise<CallbackAnswer> {
  const adapter = deps.hotline?.adapter(partner) ?? null
  if (!adapter) return answer(404, `未配置合作方 ${partner}`)
  const now = deps.clock.now()
  const check = verifySignature(adapter.callbackSecret, headers, rawBody, now)
  if (!check.ok) {
    const why = { missing: '缺少签名、时间戳或随机数', bad_signature: '签名不正确', clock_skew: '时间戳与服务器时间相差超过5分钟' }[check.reason]
    return answer(401, why)
  }
  // Replay: the same nonce (or the very same signed delivery) is accepted once.
  const nonce: WebhookNonceDoc = { _id: `${partner}:${check.nonce}`, partner, signature: check.signature, at: now.toISOString() }
  if (!(await deps.store.collection<WebhookNonceDoc>('webhook_nonces').insert(nonce))) return answer(409, '重复的回调请求（随机数已使用）')

  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    return answer(400, '请求体不是有效的 JSON')
  }
  const parsed = callbackSchema.safeParse(body)
  if (!parsed.success) return answer(400, parsed.error.issues[0]?.message ?? '请求格式不正确')
  const cb = parsed.data

  const cases = deps.store.collection<PartnerCaseDoc>('cases')
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const [c] = await cases.find({ trackingNo: cb.case_ref }, { limit: 1 })
    if (!c || c.hotline?.partner !== partner || c.hotline.state === 'detached') return answer(404, `没有转给 ${partner} 的编号 ${cb.case_ref}`)
    if (c.hotline.applied?.[cb.event_id]) return answer(200, '已处理过这条回调', { duplicate: true })
    const at = deps.clock.now()
    const appliedPath = `hotline.applied.${cb.event_id}`
    const partnerRef = cb.partner_ref ? { 'hotline.partnerRef': cb.partner_ref } : {}
    let done: boolean
    if (cb.type === 'status') {
      const event = factEvent('hotlineUpdate', actor, at, deps.newId(), `${HOTLINE_LABEL}反馈：${cb.text}`)
      const notice = residentOutboxItem(c, event, 'progress', {
        title: '您反映的民意有新进展',
        body: `编号 ${c.trackingNo}：${HOTLINE_LABEL}反馈“${excerpt(cb.text, 60)}”。`,
        status: '办理中',
        remark: excerpt(`热线反馈：${cb.text}`, 18),
      })
      const notices = withSeconders(c, [notice])
      done =
        (await cases.update(
          { _id: c._id, [appliedPath]: { $exists: false }, ...secondsGuard(c) },
          {
            set: { [appliedPath]: at.toISOString(), updatedAt: at.toISOString(), ...partnerRef },
            push: { events: [event], outbox: notices },
            inc: { outboxSize: notices.length },
          },
        )) === 1
    } else {
      if (c.status !== 'transferred') {
        return answer(409, `这条民意当前为「${CASE_STATUS_LABELS[c.status]}」，不能再记录热线答复`)
      }
      const eventId = deps.newId()
      const limits = await limitsForStation(deps, c.stationId)
      const move = planMove(c, {
        command: 'recordUnitAnswer',
        actor,
        at,
        eventId,
        note: `${HOTLINE_LABEL}已答复`,
        reply: { id: deps.newId(), text: cb.text, fromLabel: `${HOTLINE_LABEL}（承办）`, at: at.toISOString() },
        details: { answer: cb.text },
        set: { [appliedPath]: at.toISOString(), ...partnerRef } as never,
        guard: { [appliedPath]: { $exists: false }, 'hotline.partner': partner, 'hotline.state': c.hotline.state },
        deadline: deadlineAfter(c, 'recordUnitAnswer', 'replied', deadlineContext(deps, limits, { at, eventId })),
      })
      done = (await cases.update(move.filter, move.update)) === 1
    }
    if (done) {
      try {
        await flushOutbox(deps, c._id)
        if (cb.type === 'answer') await finishMergedCases(deps, c._id)
      } catch (error) {
        deps.log('hotline callback: outbox flush deferred to the timer', { caseId: c._id, error: String(error) })
      }
      return answer(200, '已接收')
    }
  }
  return answer(409, '这条民意刚刚有了变化，请稍后重试')
}
