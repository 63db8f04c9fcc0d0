// A development clock for the local runtime: `MINYI_DEV_NOW=2026-12-21T00:30:00Z npm run serve`
// starts the clock at that instant and lets it run on from there, so a reception day (or any
// deadline) can be shown or tested on its own day. Only the local runtime reads it; the cloud
// functions always use the system clock.
import type { Clock } from '../cloudfunctions/core/ports'

export function devClockFromEnv(env: NodeJS.ProcessEnv): Clock | null {
  const value = env.MINYI_DEV_NOW
  if (!value) return null
  const start = Date.parse(value)
  if (Number.isNaN(start)) throw new Error(`MINYI_DEV_NOW is not a date: ${value}`)
  const offset = start - Date.now()
  return { now: () => new Date(Date.now() + offset) }
}
