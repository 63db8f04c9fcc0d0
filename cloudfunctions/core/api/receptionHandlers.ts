// Which use case answers which reception-day action (spread into `handlers`).
import type { Handler, HandlerContext } from './handlers'
import { DomainError } from '../domain/errors'
import { book, cancelBooking, checkInByScan, myBookings } from '../application/reception/booking'
import {
  cancelOccurrence,
  checkIn,
  listOccurrences,
  moveOccurrence,
  myDuties,
  occurrenceVisitors,
  registerWalkIn,
  saveMinutes,
  setDuty,
} from '../application/reception/manage'
import { listRules, saveRule } from '../application/reception/rules'
import { upcomingForBooking } from '../application/reception/stationReception'
import { recordVisit } from '../application/reception/visits'

type ReceptionAction =
  | 'reception.upcoming'
  | 'reception.book'
  | 'reception.cancelBooking'
  | 'reception.myBookings'
  | 'reception.checkInByScan'
  | 'reception.myDuties'
  | 'reception.occurrences'
  | 'reception.visitors'
  | 'reception.rules'
  | 'reception.saveRule'
  | 'reception.cancelOccurrence'
  | 'reception.moveOccurrence'
  | 'reception.setDuty'
  | 'reception.checkIn'
  | 'reception.registerWalkIn'
  | 'reception.recordVisit'
  | 'reception.saveMinutes'

function requestIdOf(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

export const receptionHandlers: { [A in ReceptionAction]: Handler<A> } = {
  'reception.upcoming': ({ deps, caller }, input) => upcomingForBooking(deps, caller, input.stationCode),
  'reception.book': (ctx, input) => book(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'reception.cancelBooking': ({ deps, caller }, input) => cancelBooking(deps, caller, input),
  'reception.myBookings': ({ deps, caller }) => myBookings(deps, caller),
  'reception.checkInByScan': ({ deps, caller }, input) => checkInByScan(deps, caller, input),
  'reception.myDuties': ({ deps, caller }) => myDuties(deps, caller),
  'reception.occurrences': ({ deps, caller }, input) => listOccurrences(deps, caller, input),
  'reception.visitors': ({ deps, caller }, input) => occurrenceVisitors(deps, caller, input),
  'reception.rules': ({ deps, caller }, input) => listRules(deps, caller, input.stationId),
  'reception.saveRule': (ctx, input) => saveRule(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'reception.cancelOccurrence': ({ deps, caller }, input) => cancelOccurrence(deps, caller, input),
  'reception.moveOccurrence': ({ deps, caller }, input) => moveOccurrence(deps, caller, input),
  'reception.setDuty': ({ deps, caller }, input) => setDuty(deps, caller, input),
  'reception.checkIn': ({ deps, caller }, input) => checkIn(deps, caller, input),
  'reception.registerWalkIn': (ctx, input) => registerWalkIn(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'reception.recordVisit': (ctx, input) => recordVisit(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'reception.saveMinutes': ({ deps, caller }, input) => saveMinutes(deps, caller, input),
}
