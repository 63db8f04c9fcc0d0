// Reads and scope checks the reception use cases share.
import { createHash } from 'node:crypto'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { DeputyDoc, StationDoc, UserDoc } from '../../domain/records'
import type { BookingDoc, OccurrenceDoc, ReceptionRuleDoc } from '../../domain/reception/records'
import { receptionSettings, type ReceptionSettings } from '../../domain/reception/settings'
import type { Deps } from '../deps'
import { flushOutbox } from '../notifications/outbox'

export const rulesOf = (deps: Deps) => deps.store.collection<ReceptionRuleDoc>('reception_rules')
export const occurrencesOf = (deps: Deps) => deps.store.collection<OccurrenceDoc>('reception_occurrences')
export const bookingsOf = (deps: Deps) => deps.store.collection<BookingDoc>('reception_bookings')

export function settingsOf(deps: Deps): ReceptionSettings {
  return receptionSettings(deps.config.reception)
}

export function hashId(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 24)}`
}

export async function stationById(deps: Deps, stationId: string): Promise<StationDoc> {
  const station = await deps.store.collection<StationDoc>('stations').get(stationId)
  if (!station) throw new DomainError('NOT_FOUND', '没有找到这个家站点')
  return station
}

/** Staff and admins manage the reception days of their own stations only. */
export function assertManages(caller: Caller, stationId: string): void {
  if (caller.role !== 'staff' && caller.role !== 'admin') throw new DomainError('FORBIDDEN', '只有联络站工作人员可以管理接待日')
  if (!caller.stationIds.includes(stationId)) throw new DomainError('FORBIDDEN', '您不能管理其他家站点的接待日')
}

/** Deputies, staff and admins see the reception days of their own stations. */
export function assertWorksAt(caller: Caller, stationId: string): void {
  if (caller.role === 'resident' || !caller.stationIds.includes(stationId)) {
    throw new DomainError('FORBIDDEN', '您不能查看其他家站点的接待日')
  }
}

/** An occurrence the caller works at; anything else reads as "not found" so ids cannot be probed. */
export async function loadWorkedOccurrence(deps: Deps, caller: Caller, occurrenceId: string): Promise<OccurrenceDoc> {
  const occ = await occurrencesOf(deps).get(occurrenceId)
  if (!occ || caller.role === 'resident' || !caller.stationIds.includes(occ.stationId)) {
    throw new DomainError('NOT_FOUND', '没有找到这次接待日，或您无权查看')
  }
  return occ
}

export async function loadOccurrence(deps: Deps, occurrenceId: string): Promise<OccurrenceDoc> {
  const occ = await occurrencesOf(deps).get(occurrenceId)
  if (!occ || occ.status === 'retired') throw new DomainError('NOT_FOUND', '没有找到这次接待日，请刷新后重新选择')
  return occ
}

export async function deputiesOfStation(deps: Deps, stationId: string): Promise<DeputyDoc[]> {
  return deps.store.collection<DeputyDoc>('deputies').find({ stationIds: stationId }, { sort: [['name', 1]], limit: 200 })
}

/** Deputies for a roster: every one must belong to the station. */
export async function dutyFor(deps: Deps, stationId: string, deputyIds: string[]): Promise<Array<{ deputyId: string; name: string }>> {
  const unique = [...new Set(deputyIds)]
  if (!unique.length) return []
  const found = await deps.store.collection<DeputyDoc>('deputies').find({ _id: { $in: unique } }, { limit: 100 })
  const byId = new Map(found.map((d) => [d._id, d]))
  return unique.map((id) => {
    const deputy = byId.get(id)
    if (!deputy || !deputy.stationIds.includes(stationId)) {
      throw new DomainError('INVALID_INPUT', `${deputy ? `${deputy.name}代表` : '所选代表'}不是本家站点的代表，不能安排值班`)
    }
    return { deputyId: deputy._id, name: deputy.name }
  })
}

/** User ids of deputies (to notify them), by deputy id. */
export async function deputyUsers(deps: Deps, deputyIds: string[]): Promise<Map<string, string>> {
  if (!deputyIds.length) return new Map()
  const users = await deps.store.collection<UserDoc>('users').find({ deputyId: { $in: deputyIds } }, { limit: 100 })
  return new Map(users.filter((u) => u.deputyId).map((u) => [u.deputyId as string, u._id]))
}

/** Delivers an occurrence's notices now; the timer job finishes what fails here. */
export async function flushOccurrence(deps: Deps, occurrenceId: string): Promise<void> {
  try {
    await flushOutbox(deps, occurrenceId, 'reception_occurrences')
  } catch (error) {
    deps.log('reception outbox flush failed; the scheduled job will deliver it', { occurrenceId, error: String(error) })
  }
}
