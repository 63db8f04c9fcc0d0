// Reception-day actions as the pages use them. Mutations take the requestId of the person's intent
// so a repeated tap after a lost answer does the work once.
import type { ActionInput } from '@minyi/types/actions'
import { callApi } from '../../services/api'

export const upcomingAt = (stationCode: string) => callApi('reception.upcoming', { stationCode })
export const book = (input: ActionInput<'reception.book'>, requestId: string) => callApi('reception.book', input, { requestId })
export const cancelBooking = (bookingId: string, requestId: string) => callApi('reception.cancelBooking', { bookingId }, { requestId })
export const myBookings = () => callApi('reception.myBookings', {})
export const myDuties = () => callApi('reception.myDuties', {}).then((r) => r.duties)
export const stationOccurrences = (stationId: string, past = false) => callApi('reception.occurrences', { stationId, past }).then((r) => r.occurrences)
export const stationRules = (stationId: string) => callApi('reception.rules', { stationId }).then((r) => r.rules)
export const dayDetails = (occurrenceId: string) => callApi('reception.visitors', { occurrenceId })
export const recordSubscriptions = (accepted: Array<'booking' | 'progress'>) => callApi('subscription.record', { accepted })

export const dayCommand = {
  cancel: (input: ActionInput<'reception.cancelOccurrence'>, requestId: string) => callApi('reception.cancelOccurrence', input, { requestId }),
  move: (input: ActionInput<'reception.moveOccurrence'>, requestId: string) => callApi('reception.moveOccurrence', input, { requestId }),
  setDuty: (input: ActionInput<'reception.setDuty'>, requestId: string) => callApi('reception.setDuty', input, { requestId }),
  checkIn: (input: ActionInput<'reception.checkIn'>, requestId: string) => callApi('reception.checkIn', input, { requestId }),
  walkIn: (input: ActionInput<'reception.registerWalkIn'>, requestId: string) => callApi('reception.registerWalkIn', input, { requestId }),
  recordVisit: (input: ActionInput<'reception.recordVisit'>, requestId: string) => callApi('reception.recordVisit', input, { requestId }),
  saveMinutes: (input: ActionInput<'reception.saveMinutes'>, requestId: string) => callApi('reception.saveMinutes', input, { requestId }),
}
