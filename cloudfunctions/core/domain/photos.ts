// Photos of a case. Access to a photo is access to its case (domain/caseAccess.ts): whoever may
// open the case sees its photos, nobody else gets an address for them. Two refinements:
// - a hidden photo (staff hid it, e.g. it shows someone else's face or plate) is no longer shown to
//   the resident, seconders or deputies; staff and admins of the case's station still see it,
//   flagged, with the reason, because they answer for what was hidden (the audit trail is the
//   `photoHidden` event);
// - residents following a case they seconded see its progress, not the author's photos.
import type { Role } from '@minyi/types'
import type { Filter, Update } from '../ports/store'
import type { Caller } from './caller'
import { factEvent } from './caseLifecycle'
import { DomainError } from './errors'
import type { CaseDoc, CaseEvent, HiddenPhoto, PhotoRecord } from './records'

export interface VisiblePhoto {
  record: PhotoRecord
  hidden: HiddenPhoto | null
}

export function mayHidePhotos(role: Role): boolean {
  return role === 'staff' || role === 'admin'
}

/** Photos the caller may see, given that they may see the case at all. */
export function visiblePhotos(caller: Pick<Caller, 'role' | 'userId'>, c: CaseDoc, asSeconder: boolean): VisiblePhoto[] {
  if (asSeconder) return []
  return (c.photos ?? [])
    .map((record) => ({ record, hidden: c.hiddenPhotos?.[record.id] ?? null }))
    .filter((p) => !p.hidden || mayHidePhotos(caller.role))
}

export function photoIdFor(index: number): string {
  return `p${index + 1}`
}

export function planHidePhoto(
  c: CaseDoc,
  photoId: string,
  actor: { id: string; label: string; role: Role },
  reason: string,
  at: Date,
  eventId: string,
): { filter: Filter; update: Update; event: CaseEvent } {
  if (!(c.photos ?? []).some((p) => p.id === photoId)) throw new DomainError('NOT_FOUND', '没有找到这张照片')
  if (c.hiddenPhotos?.[photoId]) throw new DomainError('INVALID_STATE', '这张照片已经隐藏')
  const when = at.toISOString()
  const index = (c.photos ?? []).findIndex((p) => p.id === photoId)
  const event = factEvent('photoHidden', actor, at, eventId, `第${index + 1}张照片：${reason}`)
  const hidden: HiddenPhoto = { at: when, byId: actor.id, byLabel: actor.label, reason, eventId }
  return {
    filter: { _id: c._id, [`hiddenPhotos.${photoId}`]: { $exists: false } },
    update: { set: { [`hiddenPhotos.${photoId}`]: hidden, updatedAt: when }, push: { events: [event] } },
    event,
  }
}
