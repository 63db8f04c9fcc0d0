// The audit trail (操作日志, 等保-style): every change an admin or staff member makes to stations,
// deputies, units, accounts and invitations is one append-only record — who, role, when, what,
// before → after. No action updates or removes a record (tests/api/auditLog.test.ts checks it).
import { createHash } from 'node:crypto'
import type { AuditObjectType } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import type { AuditDoc } from '../../domain/records'
import type { Deps } from '../deps'

export interface AuditChange {
  objectType: AuditObjectType
  objectId: string
  /** How a reader recognises the object, e.g. the station's name. */
  objectLabel: string
  action: string
  /** In Chinese, e.g. "新建家站点". */
  summary: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/** Fields that must never be copied into the trail (sealed phones, openids, secrets). */
const SECRET_FIELDS = new Set(['phoneSealed', 'openid', 'secretHash', 'codeHash', 'keyHash', 'secret'])

function withoutSecrets(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELDS.has(key)))
}

/**
 * Appends one record. Its id comes from the request, so a retried request (same requestId) does not
 * write it twice; a change without a request id (a job) gets a fresh one.
 */
export async function recordAudit(deps: Pick<Deps, 'store' | 'clock' | 'newId'>, caller: Caller, requestId: string | null, change: AuditChange): Promise<void> {
  const _id = requestId
    ? `au_${createHash('sha256').update([caller.userId, requestId, change.objectType, change.objectId, change.action].join('|')).digest('hex').slice(0, 32)}`
    : `au_${deps.newId().replace(/-/g, '')}`
  const doc: AuditDoc = {
    _id,
    at: deps.clock.now().toISOString(),
    regionId: caller.regionId,
    actorId: caller.userId,
    actorRole: caller.role,
    actorName: caller.name,
    objectType: change.objectType,
    objectId: change.objectId,
    objectLabel: change.objectLabel,
    action: change.action,
    summary: change.summary,
    before: withoutSecrets(change.before),
    after: withoutSecrets(change.after),
  }
  // `false` means this request already wrote it: nothing to do.
  await deps.store.collection<AuditDoc>('audit_log').insert(doc)
}
