// Deletes photos residents uploaded but never submitted (they gave up, or removed a thumbnail):
// residents' personal photos must not linger. Storage cannot be listed, so the candidates are the
// uploads the api remembered (`photo_uploads`, application/cases/photoUploads.ts) that are older
// than `config.photoUploadMaxAgeHours` (default 24).
//
// For each: claim the record (conditional update, so two runs at once never both work on it),
// check that no case (nor a 民生实事 inspection) references the file (a submit that crashed after inserting its case leaves
// its record behind; such a photo is kept and the record dropped), delete the file through the
// file store (already gone counts as deleted), then drop the record. A claim whose run died is
// taken over after CLAIM_STALE_MS. Photos of cases, hidden ones included (audit trail), are never
// candidates: submitting removes their records, and the case check would keep them anyway.
import type { Deps } from '../application/deps'
import { publicPhotoReferenced } from '../application/admin/publicPhotos'
import { PHOTO_UPLOADS, type PhotoUploadDoc } from '../application/cases/photoUploads'
import type { ProjectDoc } from '../domain/livelihood/records'
import type { CaseDoc } from '../domain/records'

export interface PhotoCleanupReport {
  /** Files deleted (or found already gone) and their records dropped. */
  deleted: number
  /** Records dropped because a case (or a project's inspection) references the photo (the file is kept). */
  keptInCase: number
  /** Files the store could not delete now (tried again after CLAIM_STALE_MS). */
  failed: number
}

/** A claim (a submit attaching, or a run deleting) older than this is considered abandoned. */
export const CLAIM_STALE_MS = 60 * 60 * 1000
const PAGE = 200

export async function runPhotoCleanupJob(deps: Deps): Promise<PhotoCleanupReport> {
  const uploads = deps.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS)
  const cases = deps.store.collection<CaseDoc>('cases')
  // Supervisor deputies' inspection photos of 民生实事 projects go through the same records.
  const projects = deps.store.collection<ProjectDoc>('livelihood_projects')
  const now = deps.clock.now()
  const cutoff = new Date(now.getTime() - deps.config.photoUploadMaxAgeHours * 3_600_000).toISOString()
  const stale = new Date(now.getTime() - CLAIM_STALE_MS).toISOString()
  const report: PhotoCleanupReport = { deleted: 0, keptInCase: 0, failed: 0 }

  // Not the ones a submit is attaching, or another run is deleting, right now: left to them.
  const candidates = await uploads.find(
    { createdAt: { $lt: cutoff }, $or: [{ status: 'pending' }, { claimedAt: { $lt: stale } }] },
    { sort: [['createdAt', 1]], limit: PAGE },
  )
  for (const upload of candidates) {
    const claimed = await uploads.update(
      { _id: upload._id, status: upload.status, claimedAt: upload.claimedAt },
      { set: { status: 'deleting', claimedAt: now.toISOString() } },
    )
    if (claimed !== 1) continue

    if (
      (await cases.count({ 'photos.fileId': upload._id })) > 0 ||
      (await projects.count({ 'inspections.photos.fileId': upload._id })) > 0 ||
      // Stations' and deputies' public photos uploaded in the console.
      (await publicPhotoReferenced(deps, upload._id))
    ) {
      await uploads.remove({ _id: upload._id, status: 'deleting' })
      report.keptInCase += 1
      continue
    }
    const { removed } = await deps.fileStore.remove([upload._id])
    if (removed.includes(upload._id)) {
      await uploads.remove({ _id: upload._id, status: 'deleting' })
      report.deleted += 1
    } else {
      deps.log('an abandoned photo could not be deleted yet', { fileId: upload._id })
      report.failed += 1
    }
  }
  return report
}
