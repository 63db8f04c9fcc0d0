// Uploads the api handed out but no case has taken yet. CloudBase storage cannot be listed from a
// cloud function, so the api remembers every photo it lets a resident upload (`photo_uploads`,
// one document per file id) and forgets it once a case references the photo; the timer deletes the
// files of the ones left behind (jobs/photoCleanupJob.ts). Residents' photos must not linger.
//
// A record moves by conditional updates only (compare-and-swap on `status` and `claimedAt`):
//   pending ──submit reserves──▶ attaching ──case inserted──▶ (record removed)
//   pending/stale ──timer claims──▶ deleting ──file removed──▶ (record removed)
// A submit that finds its photo `deleting` is refused; the timer that claimed a record checks that
// no case references the file before deleting it, so a crash between the case insert and the
// forgetting never costs a photo a case shows.
import type { Deps } from '../deps'
import type { StoredDoc } from '../../ports/store'

export type PhotoUploadStatus = 'pending' | 'attaching' | 'deleting'

export interface PhotoUploadDoc extends StoredDoc {
  /** The file id (`cloud://…` or `local:<userId>/<name>.<ext>`). */
  _id: string
  ownerId: string
  createdAt: string
  status: PhotoUploadStatus
  /** When the status last changed (the version the conditional updates compare). */
  claimedAt: string
}

export const PHOTO_UPLOADS = 'photo_uploads' as const

const uploads = (deps: Deps) => deps.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS)

/** Remembers an upload handed out to `ownerId`; idempotent per file id. */
export async function rememberUpload(deps: Deps, ownerId: string, fileId: string): Promise<void> {
  const at = deps.clock.now().toISOString()
  await uploads(deps).insert({ _id: fileId, ownerId, createdAt: at, status: 'pending', claimedAt: at })
}

/**
 * Before a case is inserted with these photos: takes them off the timer's list. Returns the file
 * ids the timer is already deleting (the submit must refuse them). Photos with no record (uploaded
 * before uploads were remembered, or already taken by another case) are fine.
 */
export async function reserveUploads(deps: Deps, fileIds: readonly string[]): Promise<string[]> {
  const at = deps.clock.now().toISOString()
  const lost: string[] = []
  for (const fileId of fileIds) {
    if ((await uploads(deps).update({ _id: fileId, status: 'pending' }, { set: { status: 'attaching', claimedAt: at } })) === 1) continue
    const record = await uploads(deps).get(fileId)
    if (record?.status === 'deleting') lost.push(fileId)
  }
  return lost
}

/** After the case that references these photos was inserted: they are no longer pending. */
export async function forgetUploads(deps: Deps, fileIds: readonly string[]): Promise<void> {
  if (!fileIds.length) return
  await uploads(deps).remove({ _id: { $in: [...fileIds] }, status: { $ne: 'deleting' } })
}

/** The submit failed before its case was inserted: the photos are pending again (the resident may retry). */
export async function releaseUploads(deps: Deps, fileIds: readonly string[]): Promise<void> {
  const at = deps.clock.now().toISOString()
  for (const fileId of fileIds) {
    await uploads(deps).update({ _id: fileId, status: 'attaching' }, { set: { status: 'pending', claimedAt: at } })
  }
}
