// A resident raises an opinion: check the text, count it against the daily allowance, number it,
// store it with its first event. Retries with the same requestId land on the same case id.
import { createHash } from 'node:crypto'
import { shanghaiDate, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import { DomainError } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import type { CaseDoc, DeputyDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { deputyByCode, stationByCode } from '../shared/lookups'
import { releaseAllowance, takeAllowance } from '../shared/sequence'
import { checkCaseText, insertNewCase } from './createCase'
import { verifyPhotos } from './casePhotos'
import { forgetUploads, releaseUploads, reserveUploads } from './photoUploads'

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
  const contentCheck = await checkCaseText(deps, textToCheck, caller.openid)

  // Photos: each must be an upload of this very resident, an image within the limits.
  const photos = await verifyPhotos(deps, caller, input.photos ?? [])
  // Off the cleanup timer's list before the case exists; forgotten once it does (photoUploads.ts).
  const photoIds = photos.map((p) => p.fileId)
  const lost = await reserveUploads(deps, photoIds)
  if (lost.length) {
    await releaseUploads(deps, photoIds)
    const index = photoIds.indexOf(lost[0])
    throw new DomainError('INVALID_INPUT', `第${index + 1}张照片：照片没有上传成功或已失效，请重新上传`)
  }
  const now = deps.clock.now()
  const allowanceId = `allowance:submit:${caller.userId}:${shanghaiDate(now)}`
  if (!(await takeAllowance(deps.store, allowanceId, deps.config.dailySubmissionLimit))) {
    await releaseUploads(deps, photoIds)
    throw new DomainError('RATE_LIMITED', `每人每天最多提交${deps.config.dailySubmissionLimit}条民意，请明天再试`)
  }

  let inserted: { doc: CaseDoc; created: boolean }
  try {
    inserted = await insertNewCase(deps, {
      id,
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
      phoneVisibleToDeputy: input.phoneVisibleToDeputy,
      contentCheck,
      actor: { id: caller.userId, role: 'resident', label: actorLabel(caller) },
      note: deputy ? `通过代表码向${deputy.name}代表反映` : null,
      ...(photos.length ? { extra: { photos } } : {}),
    })
  } catch (error) {
    await releaseAllowance(deps.store, allowanceId)
    // The case may or may not exist: the timer checks the cases before it deletes a pending photo.
    await releaseUploads(deps, photoIds)
    throw error
  }
  const { doc, created } = inserted
  if (!created) {
    // A concurrent retry of this very request got there first: give the allowance back.
    await releaseAllowance(deps.store, allowanceId)
  }
  await forgetUploads(deps, photoIds).catch((error: unknown) => deps.log('photo uploads not forgotten (the timer re-checks)', String(error)))
  return { id, trackingNo: doc.trackingNo, needsReview: doc.contentCheck === 'review' }
}
