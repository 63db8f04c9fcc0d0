// Reading the audit trail: an admin reads their district's records, newest first, filtered by the
// object they touched or by the person who made the change.
import { AUDIT_OBJECT_LABELS, ROLE_LABELS, type AuditEntryView, type ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { AuditDoc } from '../../domain/records'
import type { Filter } from '../../ports'
import type { Deps } from '../deps'

function present(doc: AuditDoc): AuditEntryView {
  return {
    id: doc._id,
    at: doc.at,
    actorId: doc.actorId,
    actorName: doc.actorName,
    actorRole: doc.actorRole,
    actorRoleLabel: ROLE_LABELS[doc.actorRole],
    objectType: doc.objectType,
    objectTypeLabel: AUDIT_OBJECT_LABELS[doc.objectType],
    objectId: doc.objectId,
    objectLabel: doc.objectLabel,
    action: doc.action,
    summary: doc.summary,
    before: doc.before,
    after: doc.after,
  }
}

export async function listAudit(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'admin.audit.list'>,
): Promise<{ entries: AuditEntryView[]; hasMore: boolean }> {
  if (!caller.regionId) throw new DomainError('FORBIDDEN', '您的账号尚未关联到行政区，不能查看操作日志')
  const filter: Filter = { regionId: caller.regionId }
  if (input.objectType) filter.objectType = input.objectType
  if (input.objectId) filter.objectId = input.objectId
  if (input.actorId) filter.actorId = input.actorId
  if (input.before) filter.at = { $lt: input.before }
  const docs = await deps.store
    .collection<AuditDoc>('audit_log')
    .find(filter, { sort: [['at', -1]], limit: input.limit + 1 })
  return { entries: docs.slice(0, input.limit).map(present), hasMore: docs.length > input.limit }
}
