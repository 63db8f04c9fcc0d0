import type { CaseSummary, ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { caseScopeFilter, heldByFilter, mayRevealPhone } from '../../domain/caseAccess'
import { auditLabel } from '../../domain/actorLabel'
import { planRecord } from '../../domain/caseLifecycle'
import { DomainError } from '../../domain/errors'
import type { CaseDoc } from '../../domain/records'
import type { Filter } from '../../ports'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { loadVisibleCase } from './loadCase'
import { presentCaseSummary } from './presentCase'

async function summaries(deps: Deps, cases: CaseDoc[]): Promise<CaseSummary[]> {
  const stations = await stationsById(deps.store, cases.map((c) => c.stationId))
  return cases.map((c) => presentCaseSummary(c, stations.get(c.stationId)))
}

export async function listMyCases(deps: Deps, caller: Caller): Promise<{ cases: CaseSummary[] }> {
  const cases = await deps.store
    .collection<CaseDoc>('cases')
    .find({ residentId: caller.userId }, { sort: [['createdAt', -1], ['trackingNo', -1]], limit: 200 })
  return { cases: await summaries(deps, cases) }
}

export async function caseInbox(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'case.inbox'>,
): Promise<{ cases: CaseSummary[]; total: number }> {
  // Office staff may narrow to a station: they still see only what reached their office.
  if (input.stationId && !caller.stationIds.includes(input.stationId) && !caller.office) {
    throw new DomainError('FORBIDDEN', '您不能查看其他家站点的民意')
  }
  // Everything that reached the caller's level (分级负责), or only what it holds now (待我办理).
  const scope = input.held ? heldByFilter(caller) : caseScopeFilter(caller)
  if (!scope) return { cases: [], total: 0 }
  const filter: Filter = { ...scope }
  if (input.stationId) filter.stationId = input.stationId
  // 督办: past the time limit (flagged by the deadline job).
  if (input.overdue) filter['deadline.supervisedAt'] = { $exists: true }
  if (input.status) filter.status = input.status
  if (input.category) filter.category = input.category
  const collection = deps.store.collection<CaseDoc>('cases')
  const [cases, total] = await Promise.all([
    collection.find(filter, { sort: [['createdAt', -1], ['trackingNo', -1]], limit: 100 }),
    collection.count(filter),
  ])
  return { cases: await summaries(deps, cases), total }
}

/** Staff (and a deputy the resident allowed) may read the full number; every reading is recorded. */
export async function revealPhone(deps: Deps, caller: Caller, input: ParsedInput<'case.revealPhone'>): Promise<{ phone: string }> {
  const c = await loadVisibleCase(deps, caller, input.caseId)
  if (!c.phoneSealed || !mayRevealPhone(caller, c)) throw new DomainError('FORBIDDEN', '您无权查看该群众的联系电话')
  const phone = deps.phoneVault.open(c.phoneSealed)
  const record = planRecord(c, {
    id: deps.newId(),
    type: 'phoneRevealed',
    at: deps.clock.now().toISOString(),
    actorId: caller.userId,
    actorRole: caller.role,
    actorLabel: auditLabel(caller),
    from: null,
    to: null,
    note: null,
  })
  await deps.store.collection<CaseDoc>('cases').update(record.filter, record.update)
  return { phone }
}
