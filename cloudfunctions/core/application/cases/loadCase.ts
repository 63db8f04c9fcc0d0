import type { CaseView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { assertCanSeeCase } from '../../domain/caseAccess'
import type { CaseDoc, DeputyDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { presentCase } from './presentCase'
import { limitsForStation } from './handling'
import { loadCaseExtras } from './caseExtras'
import { isSeconder } from '../../domain/seconds'

/** Reads a case the caller may see; anything else is "not found" so ids cannot be probed. */
export async function loadVisibleCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseDoc> {
  return assertCanSeeCase(caller, await deps.store.collection<CaseDoc>('cases').get(caseId))
}

export async function viewCase(deps: Deps, caller: Caller, c: CaseDoc): Promise<CaseView> {
  const [station, deputy] = await Promise.all([
    deps.store.collection<StationDoc>('stations').get(c.stationId),
    c.deputyId ? deps.store.collection<DeputyDoc>('deputies').get(c.deputyId) : Promise.resolve(null),
  ])
  const extras = await loadCaseExtras(deps, caller, c)
  const timing = { now: deps.clock.now(), limits: await limitsForStation(deps, c.stationId) }
  return presentCase(c, caller, { station: station ?? undefined, deputy, extras, timing })
}

export async function getCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseView> {
  // A resident who seconded (附议) someone else's case may follow it (a restricted view, no actions).
  const c = await deps.store.collection<CaseDoc>('cases').get(caseId)
  if (c && isSeconder(caller, c)) return viewCase(deps, caller, c)
  return viewCase(deps, caller, assertCanSeeCase(caller, c))
}
