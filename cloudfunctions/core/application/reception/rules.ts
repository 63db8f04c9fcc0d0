// A station's reception rules: list, create, change. A change takes effect for days at least the
// minimum notice ahead; days already announced before that stay as they were.
import { DAY_OFF_POLICY_LABELS, describeRule, type ActionOutput, type ParsedInput, type ReceptionRuleView } from '@minyi/types'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { OccurrenceDoc, ReceptionRuleDoc } from '../../domain/reception/records'
import { minutesOf } from '../../domain/reception/schedule'
import type { DeputyDoc } from '../../domain/records'
import type { Deps } from '../deps'
import { earliestNewDate, materialiseRule } from './materialise'
import { presentCard } from './present'
import { assertManages, assertWorksAt, dutyFor, hashId, rulesOf, stationById } from './shared'

export async function presentRule(deps: Deps, rule: ReceptionRuleDoc): Promise<ReceptionRuleView> {
  const deputies = rule.defaultDutyDeputyIds.length
    ? await deps.store.collection<DeputyDoc>('deputies').find({ _id: { $in: rule.defaultDutyDeputyIds } }, { limit: 50 })
    : []
  return {
    id: rule._id,
    stationId: rule.stationId,
    pattern: rule.pattern,
    label: describeRule(rule),
    start: rule.start,
    end: rule.end,
    onDayOff: rule.onDayOff,
    onDayOffLabel: DAY_OFF_POLICY_LABELS[rule.onDayOff],
    slotMinutes: rule.slotMinutes,
    slotCapacity: rule.slotCapacity,
    cancelCutoffMinutes: rule.cancelCutoffMinutes,
    defaultDuty: deputies.map((d) => ({ id: d._id, name: d.name })),
    active: rule.active,
    effectiveFrom: rule.effectiveFrom,
  }
}

export async function listRules(deps: Deps, caller: Caller, stationId: string): Promise<{ rules: ReceptionRuleView[] }> {
  assertWorksAt(caller, stationId)
  const rules = await rulesOf(deps).find({ stationId }, { sort: [['createdAt', 1]], limit: 50 })
  return { rules: await Promise.all(rules.map((r) => presentRule(deps, r))) }
}

export async function saveRule(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'reception.saveRule'>,
  requestId: string,
): Promise<ActionOutput<'reception.saveRule'>> {
  assertManages(caller, input.stationId)
  const station = await stationById(deps, input.stationId)
  if (minutesOf(input.end) - minutesOf(input.start) < input.slotMinutes) {
    throw new DomainError('INVALID_INPUT', '接待时长至少要容纳一个预约时段')
  }
  await dutyFor(deps, station._id, input.defaultDutyDeputyIds)
  const at = deps.clock.now().toISOString()
  const fields = {
    pattern: input.pattern,
    start: input.start,
    end: input.end,
    onDayOff: input.onDayOff,
    slotMinutes: input.slotMinutes,
    slotCapacity: input.slotCapacity,
    cancelCutoffMinutes: input.cancelCutoffMinutes,
    defaultDutyDeputyIds: [...new Set(input.defaultDutyDeputyIds)],
    active: input.active,
    effectiveFrom: earliestNewDate(deps),
    updatedAt: at,
    updatedBy: caller.userId,
  }
  const rules = rulesOf(deps)
  let rule: ReceptionRuleDoc
  if (input.ruleId) {
    const existing = await rules.get(input.ruleId)
    if (!existing || existing.stationId !== station._id) throw new DomainError('NOT_FOUND', '没有找到这条接待规则')
    if ((await rules.update({ _id: existing._id, version: existing.version }, { set: fields, inc: { version: 1 } })) !== 1) {
      throw new DomainError('CONFLICT', '这条接待规则刚刚被他人修改，请刷新后再改')
    }
    rule = (await rules.get(existing._id)) as ReceptionRuleDoc
  } else {
    rule = { _id: hashId('rr-', station._id, caller.userId, requestId), stationId: station._id, version: 1, materialised: null, createdAt: at, ...fields }
    if (!(await rules.insert(rule))) rule = (await rules.get(rule._id)) as ReceptionRuleDoc
  }
  const report = await materialiseRule(deps, rule)
  const now = deps.clock.now()
  return {
    rule: await presentRule(deps, rule),
    created: report.created,
    updated: report.updated,
    retired: report.retired,
    keptWithBookings: report.keptWithBookings.map((o: OccurrenceDoc) => presentCard(o, station, now, deps)),
  }
}
