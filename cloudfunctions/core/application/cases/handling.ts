// 分级负责 and time limits, the reads they need: the regions above a case's station, the time limits
// of its district (defaults in config.ts, the district's own in its region document), and who works
// at each level (to notify them).
import type { DeadlineContext } from '../../domain/deadlines'
import { upperOffice } from '../../domain/offices'
import type { CaseDoc, RegionDoc, StationDoc, UserDoc } from '../../domain/records'
import type { SuggestionLimits } from '../../domain/suggestions/deadlines'
import { effectiveSuggestionLimits, effectiveTimeLimits, type TimeLimits } from '../../domain/timeLimits'
import type { Deps } from '../deps'
import { regionChain } from '../shared/lookups'

/** The station's region and its ancestors, nearest first (street, then district). */
export async function stationChain(deps: Deps, stationId: string): Promise<{ station: StationDoc | null; chain: RegionDoc[] }> {
  const station = await deps.store.collection<StationDoc>('stations').get(stationId)
  return { station, chain: station ? await regionChain(deps.store, station.regionId) : [] }
}

function districtIn(chain: RegionDoc[]): RegionDoc | null {
  return chain.find((r) => r.level === 'district') ?? null
}

/** The time limits a case of this station runs on. */
export async function limitsForStation(deps: Deps, stationId: string): Promise<TimeLimits> {
  const { chain } = await stationChain(deps, stationId)
  return effectiveTimeLimits(deps.config.timeLimits, districtIn(chain)?.timeLimits)
}

/**
 * The time limits of the district a region belongs to — the case figures and the suggestion
 * (议案/建议) figures — for whoever plans deadlines outside a case (e.g. suggestions).
 */
export async function timeLimitsForRegion(deps: Deps, regionId: string | null): Promise<{ cases: TimeLimits; suggestions: SuggestionLimits }> {
  const chain = regionId ? await regionChain(deps.store, regionId) : []
  const override = districtIn(chain)?.timeLimits
  return {
    cases: effectiveTimeLimits(deps.config.timeLimits, override),
    suggestions: effectiveSuggestionLimits(deps.config.suggestionLimits, override),
  }
}

export function deadlineContext(deps: Deps, limits: TimeLimits, moment: { at: Date; eventId: string }): DeadlineContext {
  return { at: moment.at, eventId: moment.eventId, limits, calendar: deps.config.calendarOverrides }
}

const users = (deps: Deps) => deps.store.collection<UserDoc>('users')
const ids = (docs: UserDoc[]) => docs.map((u) => u._id).sort()

export async function stationStaffIds(deps: Deps, stationId: string): Promise<string[]> {
  return ids(await users(deps).find({ role: 'staff', stationIds: stationId }, { limit: 200 }))
}

export async function officeStaffIds(deps: Deps, regionId: string): Promise<string[]> {
  return ids(await users(deps).find({ role: 'staff', officeRegionId: regionId }, { limit: 200 }))
}

export async function districtAdminIds(deps: Deps, chain: RegionDoc[]): Promise<string[]> {
  const district = districtIn(chain)
  return district ? ids(await users(deps).find({ role: 'admin', regionId: district._id }, { limit: 200 })) : []
}

/** Who holds the case now (its station's staff, or its office's), by name and user ids. */
export async function holderOf(deps: Deps, c: CaseDoc, station: StationDoc | null): Promise<{ name: string; ids: string[] }> {
  if (c.office) return { name: c.office.name, ids: await officeStaffIds(deps, c.office.regionId) }
  return { name: station?.name ?? '家站点', ids: await stationStaffIds(deps, c.stationId) }
}

/**
 * The level above whoever holds the case: the next office's staff, or — above the top office, or
 * when an office has nobody on it yet — the district's 人大机关 (admin).
 */
export async function upperOf(deps: Deps, c: CaseDoc, chain: RegionDoc[]): Promise<{ name: string; ids: string[] }> {
  const upper = upperOffice(c, chain)
  const staff = upper ? await officeStaffIds(deps, upper.regionId) : []
  if (upper && staff.length) return { name: upper.name, ids: staff }
  const district = districtIn(chain)
  const name = upper?.name ?? `${district?.name ?? ''}人大机关`
  return { name, ids: await districtAdminIds(deps, chain) }
}
