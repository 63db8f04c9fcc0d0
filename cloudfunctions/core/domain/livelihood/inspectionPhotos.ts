// Photos of a supervisor deputy's inspection (视察) of a chosen livelihood project.
//
// The rule: inspection photos are as public as the project they show. Whoever may open the project
// (`maySeeProject`: the district's residents, deputies and staff once the candidate list is public,
// and the round's office always) sees its inspections and their photos; nobody else gets an address
// for them. They show public works, not a resident's private matter, so there is no seconder or
// hidden-photo refinement as on a case (domain/photos.ts). Only the project's supervisor deputies
// upload them (application/livelihood/projects.ts `recordInspection`).
import type { RoundStatus } from '@minyi/types'
import type { Caller } from '../caller'
import type { ProjectDoc, RoundDoc } from './records'
import { managesRound } from './rules'

/** Round statuses after the candidate list is published: its projects are public in the district. */
export const PUBLIC_CANDIDATE_STATUSES: readonly RoundStatus[] = ['voting', 'carrying_out', 'assessing', 'closed']

/** May the caller open this project (and so see its inspections' photos)? */
export function maySeeProject(caller: Pick<Caller, 'role' | 'regionId' | 'office'>, round: Pick<RoundDoc, 'regionId' | 'districtId' | 'status'>, project: Pick<ProjectDoc, 'removed' | 'districtId'>): boolean {
  if (project.removed || project.districtId !== caller.regionId || round.districtId !== caller.regionId) return false
  return managesRound(caller as Caller, round) || PUBLIC_CANDIDATE_STATUSES.includes(round.status)
}

/** The photo's id in addresses (`/files/photos/<projectId>/<photoId>`): short, stable, unique in the project. */
export function inspectionPhotoId(inspectionId: string, photoRecordId: string): string {
  return `${inspectionId.replace(/^in_/, '').slice(0, 12)}-${photoRecordId}`
}

/** Every photo of the project's inspections with its address id, in inspection order. */
export function inspectionPhotos(project: Pick<ProjectDoc, 'inspections'>): Array<{ inspectionId: string; photoId: string; fileId: string }> {
  return project.inspections.flatMap((i) => (i.photos ?? []).map((p) => ({ inspectionId: i.id, photoId: inspectionPhotoId(i.id, p.id), fileId: p.fileId })))
}

/** The file of a photo `caller` may see right now, or null (the local photo route checks this again on every request). */
export function inspectionPhotoFile(
  caller: Pick<Caller, 'role' | 'regionId' | 'office'>,
  round: Pick<RoundDoc, 'regionId' | 'districtId' | 'status'> | null,
  project: ProjectDoc | null,
  photoId: string,
): string | null {
  if (!round || !project || !maySeeProject(caller, round, project)) return null
  return inspectionPhotos(project).find((p) => p.photoId === photoId)?.fileId ?? null
}
