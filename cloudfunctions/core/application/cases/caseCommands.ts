// The handling steps of a case as staff, deputies and residents take them. Each is one command of
// the state machine in types/caseStateMachine.ts, run through moveCase.
//
// 分级负责: a station answers on the spot or forwards to its same-level office (街道人大工委); an
// office assigns a handling unit of its own level with a time limit, or forwards to the level above
// (区人大常委会). Each hop is its own event, by its own actor.
import { formatMonthDay, shanghaiDate, type CaseView, type ParsedInput } from '@minyi/types'
import { addWorkingDays } from '../../domain/workingDays'
import { DomainError } from '../../domain/errors'
import type { Caller } from '../../domain/caller'
import { actorLabel } from '../../domain/actorLabel'
import { deadlineAfter, extendedDeadline, unitDueDate } from '../../domain/deadlines'
import { escalationTarget, forwardTarget, officeFields } from '../../domain/offices'
import type { CaseDoc } from '../../domain/records'
import { ratingCommand } from '../../domain/reopenRules'
import { isSeconder } from '../../domain/seconds'
import { arrivalNotices } from '../../domain/supervision'
import type { Deps } from '../deps'
import { isHotlineUnit, pendingHotline, pushToHotlineQuietly } from '../hotline/hotlinePush'
import type { PartnerCaseDoc, PartnerUnitDoc } from '../../domain/partners/records'
import { deadlineContext, districtAdminIds, limitsForStation, officeStaffIds, stationChain } from './handling'
import { loadVisibleCase } from './loadCase'
import { moveCase, type MoveMoment } from './moveCase'

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

/** Staff of the office a case arrives at, or the district's 人大机关 when nobody works there yet. */
async function arrivalRecipients(deps: Deps, regionId: string, chain: Parameters<typeof districtAdminIds>[1]): Promise<string[]> {
  const staff = await officeStaffIds(deps, regionId)
  return staff.length ? staff : districtAdminIds(deps, chain)
}

/** 转报: the station to its same-level office, an office to the level above. */
export function forwardCase(deps: Deps, caller: Caller, input: ParsedInput<'case.forward'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'forward', async (c, moment) => {
    const { station, chain } = await stationChain(deps, c.stationId)
    const target = forwardTarget(c, chain)
    const deadline = deadlineAfter(c, 'forward', 'forwarded', deadlineContext(deps, moment.limits, moment))
    const from = c.office?.name ?? station?.name ?? '家站点'
    return {
      note: `转报${target.name}：${input.note}`,
      set: officeFields(c, target),
      deadline,
      // Two forwards of the same case at once: only the first hop happens.
      guard: { 'office.regionId': c.office ? c.office.regionId : { $exists: false } },
      details: { officeName: target.name },
      alsoNotify: arrivalNotices(c, await arrivalRecipients(deps, target.regionId, chain), moment.eventId, moment.at.toISOString(), `由${from}转报`, deadline),
    }
  })
}

/** The unit's due date: as given, or counted in working days; during re-handling, no later than the month promised. */
function transferDueDate(deps: Deps, c: CaseDoc, input: ParsedInput<'case.transfer'>, moment: MoveMoment): string {
  const today = shanghaiDate(moment.at)
  const calendar = deps.config.calendarOverrides
  const rehandleBy = c.deadline?.kind === 'rehandle' && c.deadline.dueDate > today ? c.deadline.dueDate : null
  let dueDate =
    input.dueDate ??
    (input.workingDays ? addWorkingDays(today, input.workingDays, calendar) : unitDueDate(moment.at, moment.limits, calendar, input.complex))
  if (rehandleBy && !input.dueDate && !input.workingDays && dueDate > rehandleBy) dueDate = rehandleBy
  if (dueDate <= today) throw new DomainError('INVALID_INPUT', '办理期限应晚于今天')
  if (rehandleBy && dueDate > rehandleBy) {
    throw new DomainError('INVALID_INPUT', `重新办理应于${formatMonthDay(rehandleBy)}前答复群众，办理期限不能晚于这一天`)
  }
  return dueDate
}

/** An office assigns a handling unit of its own level (a street's units, or the district's bureaus). */
export function transferCase(deps: Deps, caller: Caller, input: ParsedInput<'case.transfer'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'transfer', async (c, moment) => {
    const unit = await deps.store.collection<PartnerUnitDoc>('units').get(input.unitId)
    if (!unit || unit.regionId !== c.office?.regionId) {
      throw new DomainError('INVALID_INPUT', c.office?.level === 'street' ? '请选择本街道的承办单位' : '请选择本区的承办单位')
    }
    const dueDate = transferDueDate(deps, c, input, moment)
    const transfer = { unitId: unit._id, unitName: unit.name, dueDate, note: input.note ?? null, complex: input.complex }
    // 12345: a unit of kind `hotline` is pushed to the partner after the move (application/hotline/).
    // Transferred elsewhere after 12345 had it: its callbacks no longer apply to this case.
    const previous = (c as PartnerCaseDoc).hotline
    const hotline = isHotlineUnit(unit)
      ? { hotline: pendingHotline(unit.partner, moment.at.toISOString(), previous) }
      : previous
        ? { hotline: { ...previous, state: 'detached', nextAttemptAt: null } }
        : {}
    return {
      note: input.note ?? null,
      set: { route: 'transfer', transfer, ...hotline },
      details: { unitName: unit.name, dueDate },
    }
  }).then(async (view) => {
    await pushToHotlineQuietly(deps, input.caseId)
    return view
  })
}

/** The unit's time limit, extended once with a reason: its own limit again, from the current due date. */
export function extendDeadline(deps: Deps, caller: Caller, input: ParsedInput<'case.extendDeadline'>): Promise<CaseView> {
  return moveCase(deps, caller, input.caseId, 'extend', (c, moment) => {
    const current = c.deadline
    if (!current || current.kind !== 'unit' || !c.transfer) {
      throw new DomainError('INVALID_STATE', '这条民意没有正在计算的承办单位办理期限，不能延长')
    }
    const deadline = extendedDeadline(current, deadlineContext(deps, moment.limits, moment), input.reason, actorLabel(caller))
    return {
      note: `办理期限由${formatMonthDay(current.dueDate)}延长至${formatMonthDay(deadline.dueDate)}：${input.reason}`,
      set: { transfer: { ...c.transfer, dueDate: deadline.dueDate } },
      deadline,
      // Two extensions at once: only one happens (the clock it extends is gone after the first).
      guard: { 'deadline.id': current.id },
      details: { unitName: c.transfer.unitName, dueDate: deadline.dueDate },
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

/**
 * 满意 / 基本满意 close the case; 不满意 sends it back for re-handling (at most `maxReopens` times),
 * after that it escalates one level up instead (domain/reopenRules.ts).
 */
export async function rateCase(deps: Deps, caller: Caller, input: ParsedInput<'case.rate'>): Promise<CaseView> {
  const at = deps.clock.now().toISOString()
  const rating = { value: input.rating, comment: input.comment ?? null, at }
  // Only the author rates (a resident who seconded it follows it, but does not rate it).
  const stored = await deps.store.collection<CaseDoc>('cases').get(input.caseId)
  if (stored && isSeconder(caller, stored)) throw new DomainError('FORBIDDEN', '只有反映人本人可以评价')
  const current = await loadVisibleCase(deps, caller, input.caseId)
  const command = ratingCommand(input.rating, current, await limitsForStation(deps, current.stationId))
  if (command !== 'escalate') {
    return moveCase(deps, caller, input.caseId, command, (c) => ({
      note: input.comment ?? null,
      set: { rating, ...(command === 'reopen' ? { reopenCount: c.reopenCount + 1 } : {}) },
    }))
  }
  return moveCase(deps, caller, input.caseId, 'escalate', async (c, moment) => {
    // Planned again from the case as read: if it was reopened meanwhile, the status guard refuses.
    if (ratingCommand(input.rating, c, moment.limits) !== 'escalate') throw new DomainError('CONFLICT', '这条民意刚刚有了变化，请刷新后再评价')
    const { station, chain } = await stationChain(deps, c.stationId)
    const { office, atTop } = escalationTarget(c, chain)
    const deadline = deadlineAfter(c, 'escalate', 'forwarded', deadlineContext(deps, moment.limits, moment))
    const recipients = atTop ? await districtAdminIds(deps, chain) : await arrivalRecipients(deps, office.regionId, chain)
    const where = atTop ? `由${office.name}重新办理，并报人大机关督办` : `提交${office.name}办理`
    return {
      note: `已重新办理${c.reopenCount}次仍不满意，${where}${input.comment ? `。群众意见：${input.comment}` : ''}`,
      set: { rating, ...officeFields(c, office) },
      deadline,
      details: { officeName: office.name },
      alsoNotify: arrivalNotices(
        c,
        recipients,
        moment.eventId,
        moment.at.toISOString(),
        `经${c.office?.name ?? station?.name ?? '家站点'}重新办理${c.reopenCount}次后群众仍不满意，${atTop ? '需重新办理' : '提级办理'}`,
        deadline,
      ),
    }
  })
}
