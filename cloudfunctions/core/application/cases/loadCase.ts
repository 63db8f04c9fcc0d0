import type { CaseView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { assertCanSeeCase } from '../../domain/caseAccess'
import type { CaseDoc, DeputyDoc, StationDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { presentCase } from './presentCase'

/** Reads a case the caller may see; anything else is "not found" so ids cannot be probed. */
export async function loadVisibleCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseDoc> {
  return assertCanSeeCase(caller, await deps.store.collection<CaseDoc>('cases').get(caseId))
}

export async function viewCase(deps: Deps, caller: Caller, c: CaseDoc): Promise<CaseView> {
  const [station, deputy] = await Promise.all([
    deps.store.collection<StationDoc>('stations').get(c.stationId),
    c.deputyId ? deps.store.collection<DeputyDoc>('deputies').get(c.deputyId) : Promise.resolve(null),
  ])
  return presentCase(c, caller, { station: station ?? undefined, deputy })
}

export async function getCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseView> {
  return viewCase(deps, caller, await loadVisibleCase(deps, caller, caseId))
}
