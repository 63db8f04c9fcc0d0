// A resident raises an opinion: check the text, count it against the daily allowance, number it,
// store it with its first event. Retries with the same requestId land on the same case id.
import { createHash } from 'node:crypto'
import { shanghaiDate, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import { DomainError } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import type { CaseDoc, DeputyDoc } from '../../domain/records'
import { formatTrackingNo, trackingCounterId } from '../../domain/trackingNumber'
import type { Deps } from '../deps'
import { deputyByCode, stationByCode } from '../shared/lookups'
import { caseTerms, recordTermsQuietly } from '../triage/termStats'
import { nextSequence, releaseAllowance, takeAllowance } from '../shared/sequence'

export function caseIdFor(residentId: string, requestId: string): string {
  return `c_${createHash('sha256').update(`${residentId}:${requestId}`).digest('hex').slice(0, 24)}`
}

export interface SubmitResult {
  id: string
  trackingNo: string
  needsReview: boolean
}

export async function submitCase(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'case.submit'>,
  requestId: string,
): Promise<SubmitResult> {
  const cases = deps.store.collection<CaseDoc>('cases')
  const id = caseIdFor(caller.userId, requestId)
  const existing = await cases.get(id)
  if (existing) return { id, trackingNo: existing.trackingNo, needsReview: existing.contentCheck === 'review' }

  const station = await stationByCode(deps.store, input.stationCode)
  let deputy: DeputyDoc | null = null
  if (input.deputyCode) {
    deputy = await deputyByCode(deps.store, input.deputyCode)
    if (!deputy.stationIds.includes(station._id)) {
      throw new DomainError('INVALID_INPUT', '这位代表不在该家站点，请从代表主页重新进入')
    }
  }

  const textToCheck = [input.content, input.place].filter(Boolean).join('\n')
  const check = await deps.contentCheck.check(textToCheck, caller.openid)
  if (check.result === 'risky') {
    throw new DomainError('CONTENT_REJECTED', '内容未通过安全检查，请删除不当言辞或广告信息后再提交')
  }

  const now = deps.clock.now()
  const allowanceId = `allowance:submit:${caller.userId}:${shanghaiDate(now)}`
  if (!(await takeAllowance(deps.store, allowanceId, deps.config.dailySubmissionLimit))) {
    throw new DomainError('RATE_LIMITED', `每人每天最多提交${deps.config.dailySubmissionLimit}条民意，请明天再试`)
  }

  try {
    const trackingNo = formatTrackingNo(now, await nextSequence(deps.store, trackingCounterId(now)))
    const at = now.toISOString()
    const doc: CaseDoc = {
      _id: id,
      trackingNo,
      requestId,
      residentId: caller.userId,
      stationId: station._id,
      deputyId: deputy?._id ?? null,
      channel: deputy ? 'deputy_code' : 'station_code',
      category: input.category,
      content: input.content,
      place: input.place ?? null,
      phoneSealed: input.phone ? deps.phoneVault.seal(input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      phoneVisibleToDeputy: Boolean(input.phone) && input.phoneVisibleToDeputy,
      contentCheck: check.result === 'review' ? 'review' : 'pass',
      status: 'submitted',
      route: null,
      transfer: null,
      decline: null,
      replies: [],
      rating: null,
      reopenCount: 0,
      events: [
        {
          id: deps.newId(),
          type: 'submit',
          at,
          actorId: caller.userId,
          actorRole: 'resident',
          actorLabel: actorLabel(caller),
          from: null,
          to: 'submitted',
          note: deputy ? `通过代表码向${deputy.name}代表反映` : null,
        },
      ],
      outbox: [],
      outboxSize: 0,
      terms: caseTerms(input.content, input.place, deps.config.triage?.termsPerCase),
      createdAt: at,
      updatedAt: at,
    }
    if (!(await cases.insert(doc))) {
      // A concurrent retry of this very request got there first: give the allowance back.
      await releaseAllowance(deps.store, allowanceId)
      const winner = await cases.get(id)
      if (!winner) throw new Error('case insert reported a duplicate that cannot be read')
      return { id, trackingNo: winner.trackingNo, needsReview: winner.contentCheck === 'review' }
    }
    await recordTermsQuietly(deps.store, doc.terms ?? [], deps.log)
    return { id, trackingNo, needsReview: doc.contentCheck === 'review' }
  } catch (error) {
    await releaseAllowance(deps.store, allowanceId)
    throw error
  }
}
