// The handling steps of a case as staff, deputies and residents take them. Each is one command of
// the state machine in types/caseStateMachine.ts, run through moveCase.
import type { CaseView, ParsedInput } from '@minyi/types'
import { addWorkingDays } from '../../domain/workingDays'
import { DomainError } from '../../domain/errors'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import type { UnitDoc } from '../../domain/records'
import { shanghaiDate } from '@minyi/types'
import type { Deps } from '../deps'
import { moveCase } from './moveCase'

export function acceptCase(deps: Deps, caller: Caller, input: ParsedInput<'case.accept'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'accept', () => ({ note: input.note }))
}

export function referCase(deps: Deps, caller: Caller, input: ParsedInput<'case.refer'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'refer', () => ({ note: input.note }))
}

export function answerOnSite(deps: Deps, caller: Caller, input: ParsedInput<'case.answerOnSite'>): Promise<CaseView> {
  const at = deps.clock.now().toISOString()
  return moveCase(deps, caller, input.caseId, 'answerOnSite', () => ({
    set: { route: 'onsite' },
    reply: { id: deps.newId(), text: input.answer, fromLabel: actorLabel(caller), at },
    details: { answer: input.answer },
  }))
}

export function transferCase(deps: Deps, caller: Caller, input: ParsedInput<'case.transfer'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'transfer', async () => {
    const unit = await deps.store.collection<UnitDoc>('units').get(input.unitId)
    if (!unit || unit.regionId !== caller.regionId) throw new DomainError('INVALID_INPUT', '请选择本区的承办单位')
    const today = shanghaiDate(deps.clock.now())
    const dueDate =
      input.dueDate ?? addWorkingDays(today, input.workingDays ?? deps.config.defaultTransferWorkingDays, deps.config.calendarOverrides)
    if (dueDate <= today) throw new DomainError('INVALID_INPUT', '办理期限应晚于今天')
    return {
      note: input.note ?? null,
      set: { route: 'transfer', transfer: { unitId: unit._id, unitName: unit.name, dueDate, note: input.note ?? null } },
      details: { unitName: unit.name, dueDate },
    }
  })
}

export function recordUnitAnswer(deps: Deps, caller: Caller, input: ParsedInput<'case.recordUnitAnswer'>): Promise<CaseView> {
  const at = deps.clock.now().toISOString()
  return moveCase(deps, caller, input.caseId, 'recordUnitAnswer', (c) => ({
    reply: { id: deps.newId(), text: input.answer, fromLabel: `${c.transfer?.unitName ?? '承办单位'}（承办单位）`, at },
    details: { answer: input.answer },
    note: `${c.transfer?.unitName ?? '承办单位'}已答复`,
  }))
}

export function markProposal(deps: Deps, caller: Caller, input: ParsedInput<'case.markProposal'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'markProposal', () => ({ note: input.note, set: { route: 'proposal' } }))
}

export function declineCase(deps: Deps, caller: Caller, input: ParsedInput<'case.decline'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'decline', () => ({
    note: `${input.reason}；建议途径：${input.guidance}`,
    set: { decline: { reason: input.reason, guidance: input.guidance } },
    details: { reason: input.reason, guidance: input.guidance },
  }))
}

/** 满意 / 基本满意 close the case; 不满意 sends it back for handling. */
export function rateCase(deps: Deps, caller: Caller, input: ParsedInput<'case.rate'>): Promise<CaseView> {
  const unsatisfied = input.rating === 'unsatisfied'
  const at = deps.clock.now().toISOString()
  // Only the author can see the case as a resident, so only the author gets this far.
  return moveCase(deps, caller, input.caseId, unsatisfied ? 'reopen' : 'close', (c) => {
    return {
      note: input.comment ?? null,
      set: {
        rating: { value: input.rating, comment: input.comment ?? null, at },
        ...(unsatisfied ? { reopenCount: c.reopenCount + 1 } : {}),
      },
    }
  })
}
