// The evening-before reminder to booked residents and the deputies on duty. One conditional update
// per reception day (`remindedAt: null` → now, notices into its outbox), so running the timer
// again — or two timers at once — reminds nobody twice. A move resets `remindedAt`.
import { addDays, shanghaiDate, shanghaiTime } from '@minyi/types'
import { reminderNotice } from '../../domain/reception/notices'
import { peopleToTell, planReminders, startsAt } from '../../domain/reception/occurrence'
import type { OccurrenceDoc } from '../../domain/reception/records'
import type { Deps } from '../deps'
import { deputyUsers, flushOccurrence, occurrencesOf, settingsOf, stationById } from './shared'

function due(occ: OccurrenceDoc, now: Date, reminderHour: number): boolean {
  const today = shanghaiDate(now)
  if (occ.date === addDays(today, 1)) return Number(shanghaiTime(now).slice(0, 2)) >= reminderHour
  // Catching up when the evening run was missed: still worth it before the day starts.
  return occ.date === today && now < startsAt(occ)
}

export async function sendReminders(deps: Deps): Promise<{ days: number; notices: number }> {
  const settings = settingsOf(deps)
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const occurrences = occurrencesOf(deps)
  const candidates = await occurrences.find(
    { date: { $in: [today, addDays(today, 1)] }, status: 'scheduled', remindedAt: null },
    { sort: [['date', 1]], limit: 500 },
  )
  const report = { days: 0, notices: 0 }
  for (const first of candidates) {
    let occ: OccurrenceDoc | null = first
    for (let attempt = 0; occ && attempt < 5; attempt += 1) {
      if (occ.remindedAt !== null || occ.status !== 'scheduled' || !due(occ, now, settings.reminderHour)) break
      const at = deps.clock.now().toISOString()
      const station = await stationById(deps, occ.stationId)
      const users = await deputyUsers(deps, occ.duty.map((d) => d.deputyId))
      const current: OccurrenceDoc = occ
      const notices = [
        ...peopleToTell(current, ['booked']).map(([key, h]) =>
          reminderNotice({ id: `${current._id}-r${current.rev}-${key}`, occ: current, slot: h.slot, recipientId: key, deputy: false, station, at }),
        ),
        ...current.duty.flatMap((d) => {
          const userId = users.get(d.deputyId)
          return userId
            ? [reminderNotice({ id: `${current._id}-r${current.rev}-${userId}`, occ: current, slot: null, recipientId: userId, deputy: true, station, at })]
            : []
        }),
      ]
      const plan = planReminders(current, { at, notices })
      if ((await occurrences.update(plan.filter, plan.update)) === 1) {
        report.days += 1
        report.notices += notices.length
        await flushOccurrence(deps, current._id)
        break
      }
      occ = await occurrences.get(current._id)
    }
  }
  return report
}
