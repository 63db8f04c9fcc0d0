// Asia/Shanghai calendar helpers. China has had no daylight saving time since 1991, so a fixed
// +08:00 offset is exact and needs no time-zone database.
const OFFSET_MS = 8 * 60 * 60 * 1000

function shifted(at: Date | string): Date {
  return new Date(new Date(at).getTime() + OFFSET_MS)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `YYYY-MM-DD` of the instant in Shanghai. */
export function shanghaiDate(at: Date | string): string {
  const d = shifted(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** `HH:mm` of the instant in Shanghai. */
export function shanghaiTime(at: Date | string): string {
  const d = shifted(at)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** e.g. `2026年11月22日 15:01` — also the format WeChat's `time` template values want. */
export function formatChineseDateTime(at: Date | string): string {
  const d = shifted(at)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** e.g. `11月29日` for a `YYYY-MM-DD` date. */
export function formatMonthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** The instant at which a Shanghai calendar day starts. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00.000Z`).getTime() - OFFSET_MS)
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
