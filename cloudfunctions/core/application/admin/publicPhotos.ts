// Photos of stations and deputies (公示): uploaded in the console through the same mechanism as
// residents' photos (`photo.uploadPolicy`, the local upload route, `photo_uploads` and its cleanup
// timer), stored on the station (`photos`) or deputy (`photoUrl`) as file ids, and public: anyone who
// opens the station or deputy page sees them. Addresses typed before uploads existed (demo avatars,
// `https://…`) are kept and shown as they are.
//
// Addresses: `fileStore.viewUrls` with the grant { caseId: <station or deputy id>, photoId, viewerId:
// PUBLIC_VIEWER }; the local photo route serves such a grant to anyone while the station or deputy
// still shows that photo (server/photoRoutes.ts, `publicPhotoFile`). A photo taken off is handed
// back to the cleanup timer (deleted after a day unless referenced again).
import { PHOTO_LIMIT_MESSAGES, PHOTO_REF_PATTERN } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { forgetUploads, releaseUploads, rememberUpload, reserveUploads } from '../cases/photoUploads'

/** The viewer id of public photo addresses (no account needed to look at a station's photos). */
export const PUBLIC_VIEWER = 'public'
/** The address id of a deputy's photo (a station's are `p1`…`p9`, by position). */
export const DEPUTY_PHOTO_ID = 'photo'

export const isUploadedPhoto = (ref: string): boolean => PHOTO_REF_PATTERN.test(ref)

const stationPhotoId = (index: number) => `p${index + 1}`

/** Public addresses for these references of `ownerId` ('' for one that cannot be issued now). */
export async function publicPhotoUrls(deps: Deps, ownerId: string, refs: readonly string[], photoIdOf: (index: number) => string = stationPhotoId): Promise<string[]> {
  const uploaded = refs.flatMap((ref, index) => (isUploadedPhoto(ref) ? [{ fileId: ref, grant: { caseId: ownerId, photoId: photoIdOf(index), viewerId: PUBLIC_VIEWER } }] : []))
  let urls: Array<string | null> = []
  if (uploaded.length) {
    try {
      urls = await deps.fileStore.viewUrls(uploaded)
    } catch (error) {
      deps.log('public photo addresses could not be issued', { ownerId, error: String(error) })
    }
  }
  let n = 0
  return refs.map((ref) => (isUploadedPhoto(ref) ? (urls[n++] ?? '') : ref))
}

export const deputyPhotoUrl = async (deps: Deps, d: Pick<DeputyDoc, '_id' | 'photoUrl'>): Promise<string> =>
  d.photoUrl ? (await publicPhotoUrls(deps, d._id, [d.photoUrl], () => DEPUTY_PHOTO_ID))[0] ?? '' : ''

const REFUSALS = {
  not_owner: '照片不是您本人上传的，请重新上传',
  not_found: '照片没有上传成功或已失效，请重新上传',
  bad_type: PHOTO_LIMIT_MESSAGES.type,
  too_large: PHOTO_LIMIT_MESSAGES.size,
} as const

/**
 * Before a station or deputy is saved with `next` photos: the uploaded ones that are new (not in
 * `before`) must be the caller's own uploads; they are taken off the cleanup timer's list. Returns
 * the file ids to `commit` after the write (or `release` if it failed).
 */
export async function attachPublicPhotos(deps: Deps, caller: Caller, before: readonly string[], next: readonly string[], field: string) {
  const added = [...new Set(next.filter((ref) => isUploadedPhoto(ref) && !before.includes(ref)))]
  for (const fileId of added) {
    const checked = await deps.fileStore.verify(fileId, { userId: caller.userId, openid: caller.openid })
    if (!checked.ok) throw new DomainError('INVALID_INPUT', `第${next.indexOf(fileId) + 1}张照片：${REFUSALS[checked.reason]}`, field)
  }
  const lost = await reserveUploads(deps, added)
  if (lost.length) {
    await releaseUploads(deps, added)
    throw new DomainError('INVALID_INPUT', `第${next.indexOf(lost[0]!) + 1}张照片已失效，请重新上传`, field)
  }
  // Photos taken off the station or deputy: handed back to the cleanup timer, which deletes the file
  // after a day unless something references it again by then.
  const removed = [...new Set(before.filter((ref) => isUploadedPhoto(ref) && !next.includes(ref)))]
  return {
    commit: async () => {
      await forgetUploads(deps, added)
      for (const fileId of removed) await rememberUpload(deps, caller.userId, fileId)
    },
    release: () => releaseUploads(deps, added),
  }
}

/** Runs the write with the photos attached: committed after it, released if it throws. */
export async function withPublicPhotos<T>(deps: Deps, caller: Caller, before: readonly string[], next: readonly string[], field: string, write: () => Promise<T>): Promise<T> {
  const attached = await attachPublicPhotos(deps, caller, before, next, field)
  let result: T
  try {
    result = await write()
  } catch (error) {
    await attached.release()
    throw error
  }
  await attached.commit()
  return result
}

/**
 * For the local photo route: the file of a public photo (`ownerId` a station or deputy id) that the
 * station or deputy shows right now, or null.
 */
export async function publicPhotoFile(deps: Deps, ownerId: string, photoId: string): Promise<string | null> {
  if (photoId === DEPUTY_PHOTO_ID) {
    const deputy = await deps.store.collection<DeputyDoc>('deputies').get(ownerId)
    return deputy && isUploadedPhoto(deputy.photoUrl) ? deputy.photoUrl : null
  }
  const m = /^p([1-9])$/.exec(photoId)
  if (!m) return null
  const station = await deps.store.collection<StationDoc>('stations').get(ownerId)
  const ref = station?.photos?.[Number(m[1]) - 1]
  return ref && isUploadedPhoto(ref) ? ref : null
}

/** For the cleanup timer: does a station or deputy show this file? */
export async function publicPhotoReferenced(deps: Deps, fileId: string): Promise<boolean> {
  return (
    (await deps.store.collection('stations').count({ photos: fileId })) > 0 ||
    (await deps.store.collection('deputies').count({ photoUrl: fileId })) > 0
  )
}
