// 附议 as a resident does it: from the submit page of a station, on one of the similar open cases
// `case.similarForDraft` listed. One conditional update of the case; seconding twice counts once.
import type { CaseSummary, CaseView, ParsedInput } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { CaseDoc } from '../../domain/records'
import { assertCanSecond, hasSeconded, planSecond } from '../../domain/seconds'
import type { Deps } from '../deps'
import { stationByCode, stationsById } from '../shared/lookups'
import { viewCase } from './loadCase'
import { presentCaseSummary } from './presentCase'

export async function secondCase(deps: Deps, caller: Caller, input: ParsedInput<'case.second'>): Promise<CaseView> {
  const station = await stationByCode(deps.store, input.stationCode)
  const cases = deps.store.collection<CaseDoc>('cases')
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const c = assertCanSecond(caller, await cases.get(input.caseId), station._id)
    if (hasSeconded(caller.userId, c)) return viewCase(deps, caller, c)
    const plan = planSecond(c, caller, deps.clock.now(), deps.newId())
    if ((await cases.update(plan.filter, plan.update)) === 1) {
      const now = await cases.get(c._id)
      if (!now) throw new Error('a seconded case cannot be read back')
      return viewCase(deps, caller, now)
    }
    // Not written: the case moved on, or this very resident's other request got there first; look again.
  }
  throw new DomainError('CONFLICT', '这条民意刚刚有了新进展，请刷新后再附议')
}

export async function listSecondedCases(deps: Deps, caller: Caller): Promise<{ cases: CaseSummary[] }> {
  const list = await deps.store
    .collection<CaseDoc>('cases')
    .find({ seconderIds: caller.userId }, { sort: [['createdAt', -1], ['trackingNo', -1]], limit: 200 })
  const stations = await stationsById(deps.store, list.map((c) => c.stationId))
  return { cases: list.map((c) => presentCaseSummary(c, stations.get(c.stationId), caller)) }
}
