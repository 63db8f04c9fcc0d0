// Generating the reception days of the next months from the rules. Idempotent: an occurrence's id
// is derived from its rule and the date the rule names, so inserting it again does nothing; a day
// someone holds a place in, or that staff moved or cancelled, is never rewritten by a rule change.
import { addDays, shanghaiDate } from '@minyi/types'
import { newOccurrence, planRegenerate, planRetire } from '../../domain/reception/occurrence'
import type { OccurrenceDoc, ReceptionRuleDoc } from '../../domain/reception/records'
import { addMonths, expandRule, occurrenceIdFor } from '../../domain/reception/schedule'
import type { Deps } from '../deps'
import { dutyFor, occurrencesOf, rulesOf, settingsOf } from './shared'

export interface MaterialiseReport {
  created: number
  updated: number
  retired: number
  /** Days of this rule with bookings that no longer match it: left for staff to move or cancel. */
  keptWithBookings: OccurrenceDoc[]
}

export async function materialiseRule(deps: Deps, rule: ReceptionRuleDoc): Promise<MaterialiseReport> {
  const settings = settingsOf(deps)
  const now = deps.clock.now()
  const at = now.toISOString()
  const today = shanghaiDate(now)
  const from = rule.effectiveFrom > today ? rule.effectiveFrom : today
  const to = addMonths(today, settings.horizonMonths)
  const report: MaterialiseReport = { created: 0, updated: 0, retired: 0, keptWithBookings: [] }
  const occurrences = occurrencesOf(deps)

  let duty: Array<{ deputyId: string; name: string }> = []
  try {
    duty = await dutyFor(deps, rule.stationId, rule.defaultDutyDeputyIds)
  } catch {
    // A deputy who left the station is simply not put on duty any more.
    duty = []
  }

  const expansion = rule.active && from <= to ? expandRule(rule, from, to, deps.config.calendarOverrides) : { dates: [], skipped: [] }
  const wanted = new Set<string>()
  for (const day of expansion.dates) {
    const id = occurrenceIdFor(rule._id, day.ruleDate)
    wanted.add(id)
    const existing = await occurrences.get(id)
    if (!existing) {
      if (await occurrences.insert(newOccurrence(rule, day, duty, at))) report.created += 1
      continue
    }
    if (existing.ruleVersion === rule.version) continue
    if (existing.manual) continue
    if (existing.holderCount > 0) {
      if (existing.status === 'scheduled' && (existing.date !== day.date || existing.start !== rule.start || existing.end !== rule.end)) {
        report.keptWithBookings.push(existing)
      }
      continue
    }
    const plan = planRegenerate(existing, rule, day, duty, at)
    if ((await occurrences.update(plan.filter, plan.update)) === 1) report.updated += 1
  }

  // Days this rule made earlier that it no longer makes (pattern changed, rule switched off).
  const earlier = await occurrences.find(
    { ruleId: rule._id, date: { $gte: from }, status: 'scheduled' },
    { sort: [['date', 1]], limit: 1000 },
  )
  for (const occ of earlier) {
    if (wanted.has(occ._id) || occ.manual || occ.ruleVersion === rule.version) continue
    if (occ.holderCount > 0) {
      report.keptWithBookings.push(occ)
      continue
    }
    const plan = planRetire(occ, at)
    if ((await occurrences.update(plan.filter, plan.update)) === 1) report.retired += 1
  }

  await rulesOf(deps).update({ _id: rule._id, version: rule.version }, { set: { materialised: { version: rule.version, on: today } } })
  return report
}

/** Brings a station's days up to date unless that was done today for the current rules. */
export async function ensureStationMaterialised(deps: Deps, stationId: string): Promise<void> {
  const today = shanghaiDate(deps.clock.now())
  const rules = await rulesOf(deps).find({ stationId }, { limit: 50 })
  for (const rule of rules) {
    if (rule.materialised && rule.materialised.version === rule.version && rule.materialised.on === today) continue
    await materialiseRule(deps, rule)
  }
}

/** The timer's share: every rule of the district, once a day. */
export async function materialiseAll(deps: Deps): Promise<{ rules: number; created: number; updated: number; retired: number }> {
  const today = shanghaiDate(deps.clock.now())
  const rules = await rulesOf(deps).find({}, { limit: 1000 })
  const total = { rules: 0, created: 0, updated: 0, retired: 0 }
  for (const rule of rules) {
    if (rule.materialised && rule.materialised.version === rule.version && rule.materialised.on === today) continue
    const report = await materialiseRule(deps, rule)
    total.rules += 1
    total.created += report.created
    total.updated += report.updated
    total.retired += report.retired
  }
  return total
}

/** The earliest date a rule written today may produce: the minimum notice later. */
export function earliestNewDate(deps: Deps): string {
  return addDays(shanghaiDate(deps.clock.now()), settingsOf(deps).announceDays)
}
