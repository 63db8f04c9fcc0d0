import { formatMonthDay } from '@minyi/types/time'

/** `09:00` → `9:00`. */
export const hm = (time: string) => time.replace(/^0(\d)/, '$1')

/** `12月21日 周一` */
export const dayLabel = (date: string, weekday: string) => `${formatMonthDay(date)} ${weekday}`

/** `9:00–11:30` */
export const span = (start: string, end: string) => `${hm(start)}–${hm(end)}`

/** Short station name without the city and district. */
export const shortName = (name: string) => name.replace(/^[^市]*市/, '').replace(/^[^区县]*[区县](?=.)/, '')
