// Photos of a case: checked when the opinion is submitted, shown to whoever may see the case,
// hidden by staff (recorded as an event; see domain/photos.ts for who still sees a hidden photo).
import { PHOTO_CONTENT_TYPES, PHOTO_DAILY_UPLOAD_LIMIT, PHOTO_LIMIT_MESSAGES, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, shanghaiDate, type CaseView, type ParsedInput } from '@minyi/types'
import { actorLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { canSeeCase } from '../../domain/caseAccess'
import { DomainError } from '../../domain/errors'
import { mayHidePhotos, photoIdFor, planHidePhoto, visiblePhotos } from '../../domain/photos'
import type { CaseDoc, PhotoRecord } from '../../domain/records'
import type { VerifiedFile } from '../../ports/fileStore'
import type { Deps } from '../deps'
import { takeAllowance } from '../shared/sequence'
import { loadVisibleCase, viewCase } from './loadCase'
import { rememberUpload } from './photoUploads'

const REFUSALS: Record<Extract<VerifiedFile, { ok: false }>['reason'], string> = {
  not_owner: '照片不是您本人上传的，请重新上传',
  not_found: '照片没有上传成功或已失效，请重新上传',
  bad_type: PHOTO_LIMIT_MESSAGES.type,
  too_large: PHOTO_LIMIT_MESSAGES.size,
}

/** Checks the references a resident submits and turns them into the case's photo records. */
export async function verifyPhotos(deps: Deps, caller: Caller, fileIds: readonly string[]): Promise<PhotoRecord[]> {
  if (fileIds.length > PHOTO_MAX_COUNT) throw new DomainError('INVALID_INPUT', PHOTO_LIMIT_MESSAGES.count)
  const at = deps.clock.now().toISOString()
  const records: PhotoRecord[] = []
  for (const [index, fileId] of fileIds.entries()) {
    const checked = await deps.fileStore.verify(fileId, { userId: caller.userId, openid: caller.openid })
    if (!checked.ok) throw new DomainError('INVALID_INPUT', `第${index + 1}张照片：${REFUSALS[checked.reason]}`)
    records.push({ id: photoIdFor(index), fileId, contentType: checked.contentType, size: checked.size, addedAt: at })
  }
  return records
}

export async function hidePhoto(deps: Deps, caller: Caller, input: ParsedInput<'case.hidePhoto'>): Promise<CaseView> {
  if (!mayHidePhotos(caller.role)) throw new DomainError('FORBIDDEN')
  const c = await loadVisibleCase(deps, caller, input.caseId)
  const plan = planHidePhoto(
    c,
    input.photoId,
    { id: caller.userId, label: actorLabel(caller), role: caller.role },
    input.reason,
    deps.clock.now(),
    deps.newId(),
  )
  const cases = deps.store.collection<CaseDoc>('cases')
  if ((await cases.update(plan.filter, plan.update)) !== 1) throw new DomainError('INVALID_STATE', '这张照片已经隐藏')
  return viewCase(deps, caller, await loadVisibleCase(deps, caller, c._id))
}

/** The counter of a resident's uploads today (the local upload route and the cloud policy share it). */
export function uploadAllowanceId(userId: string, at: Date): string {
  return `allowance:upload:${userId}:${shanghaiDate(at)}`
}

/**
 * Who may upload photos: residents (for an opinion), deputies supervising a chosen 民生实事 project
 * (for an inspection), and in the console the admin and the staff who edit a station (its and its
 * deputies' public photos: application/admin/publicPhotos.ts).
 */
export const UPLOAD_REFUSED = '只有群众提交民意、监督代表登记民生实事视察、管理台编辑家站点和代表照片时可以上传照片'

export async function mayUploadPhotos(deps: Deps, caller: Caller): Promise<boolean> {
  if (caller.role === 'resident' || caller.role === 'admin') return true
  if (caller.role === 'staff') return !!caller.regionId && (!!caller.office || caller.stationIds.length > 0)
  if (caller.role !== 'deputy' || !caller.deputyId) return false
  return (await deps.store.collection('livelihood_projects').count({ supervisors: caller.deputyId, status: 'chosen', removed: false })) > 0
}

export async function uploadPolicy(deps: Deps, caller: Caller, input: ParsedInput<'photo.uploadPolicy'>) {
  if (!(await mayUploadPhotos(deps, caller))) throw new DomainError('FORBIDDEN', UPLOAD_REFUSED)
  const { fileId, ...target } = await deps.fileStore.uploadTarget({ userId: caller.userId, openid: caller.openid }, input.ext ?? 'jpg')
  // Cloud: one path per photo, counted against the daily upload allowance and remembered now, so
  // that it is deleted if no case ever takes it (photoUploads.ts). Locally the upload route counts
  // and remembers what it stored.
  if (target.cloudPath && !(await takeAllowance(deps.store, uploadAllowanceId(caller.userId, deps.clock.now()), PHOTO_DAILY_UPLOAD_LIMIT))) {
    throw new DomainError('RATE_LIMITED', PHOTO_LIMIT_MESSAGES.daily)
  }
  if (fileId) await rememberUpload(deps, caller.userId, fileId)
  return {
    ...target,
    maxCount: PHOTO_MAX_COUNT,
    maxBytes: PHOTO_MAX_BYTES,
    contentTypes: [...PHOTO_CONTENT_TYPES],
  }
}

/**
 * For the local runtime's photo route: the file id of a photo `viewer` may see right now (the same
 * checks as the case page), or null. Hidden photos only for staff and admins of the station.
 * (Inspection photos of 民生实事 projects: domain/livelihood/inspectionPhotos.ts.)
 */
export function photoFileFor(viewer: Caller, c: CaseDoc | null, photoId: string): string | null {
  if (!c || !canSeeCase(viewer, c)) return null
  const photo = visiblePhotos(viewer, c, false).find((p) => p.record.id === photoId)
  return photo?.record.fileId ?? null
}
