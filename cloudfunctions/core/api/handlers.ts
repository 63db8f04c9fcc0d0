// Which use case answers which action. The router checks envelope, identity, role and input first.
import type { ActionName, ActionOutput, ParsedInput } from '@minyi/types'
import type { Deps } from '../application/deps'
import type { Caller } from '../domain/caller'
import { DomainError } from '../domain/errors'
import {
  acceptCase,
  answerOnSite,
  declineCase,
  extendDeadline,
  forwardCase,
  markProposal,
  rateCase,
  recordUnitAnswer,
  referCase,
  transferCase,
} from '../application/cases/caseCommands'
import { caseInbox, listMyCases, revealPhone } from '../application/cases/caseQueries'
import { getCase } from '../application/cases/loadCase'
import { submitCase } from '../application/cases/submitCase'
import { listNotifications, markNotificationsRead } from '../application/notifications/notificationQueries'
import { me } from '../application/session/me'
import { recordSubscription } from '../application/session/recordSubscription'
import { deputyView, listStations, listUnits, stationView } from '../application/stations/stationQueries'
import { createKnowledge, listKnowledge, retireKnowledge, updateKnowledge } from '../application/triage/knowledgeBase'
import { similarForDraft } from '../application/triage/similarForDraft'
import { triageCase } from '../application/triage/triageCase'
import { receptionHandlers } from './receptionHandlers'
import { caseExtrasHandlers, suggestionHandlers } from './caseExtrasHandlers'
import { adminHandlers } from './adminHandlers'
import { livelihoodHandlers } from './livelihoodHandlers'
import { accountHandlers } from './accountHandlers'
import { partnerHandlers } from './partnerHandlers'
import { privacyHandlers } from './privacyHandlers'
import { insightHandlers } from './insightHandlers'

export interface HandlerContext {
  deps: Deps
  caller: Caller
  requestId: string | null
}

export type Handler<A extends ActionName> = (ctx: HandlerContext, input: ParsedInput<A>) => Promise<ActionOutput<A>>
export type Handlers = { [A in ActionName]: Handler<A> }

function requireRequestId(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

export const handlers: Handlers = {
  'session.me': ({ deps, caller }) => me(deps, caller),
  'subscription.record': ({ deps, caller }, input) => recordSubscription(deps, caller, input.accepted),

  'station.list': ({ deps }) => listStations(deps),
  'station.byCode': ({ deps }, input) => stationView(deps, input.code),
  'deputy.byCode': ({ deps }, input) => deputyView(deps, input.code),
  'unit.list': ({ deps, caller }) => listUnits(deps, caller),

  'case.submit': (ctx, input) => submitCase(ctx.deps, ctx.caller, input, requireRequestId(ctx)),
  'case.listMine': ({ deps, caller }) => listMyCases(deps, caller),
  'case.get': ({ deps, caller }, input) => getCase(deps, caller, input.caseId),
  'case.inbox': ({ deps, caller }, input) => caseInbox(deps, caller, input),
  'case.rate': ({ deps, caller }, input) => rateCase(deps, caller, input),
  'case.accept': ({ deps, caller }, input) => acceptCase(deps, caller, input),
  'case.refer': ({ deps, caller }, input) => referCase(deps, caller, input),
  'case.answerOnSite': ({ deps, caller }, input) => answerOnSite(deps, caller, input),
  'case.transfer': ({ deps, caller }, input) => transferCase(deps, caller, input),
  'case.forward': ({ deps, caller }, input) => forwardCase(deps, caller, input),
  'case.extendDeadline': ({ deps, caller }, input) => extendDeadline(deps, caller, input),
  'case.recordUnitAnswer': ({ deps, caller }, input) => recordUnitAnswer(deps, caller, input),
  'case.markProposal': ({ deps, caller }, input) => markProposal(deps, caller, input),
  'case.decline': ({ deps, caller }, input) => declineCase(deps, caller, input),
  'case.revealPhone': ({ deps, caller }, input) => revealPhone(deps, caller, input),

  'notification.list': ({ deps, caller }) => listNotifications(deps, caller),
  'notification.markRead': ({ deps, caller }, input) => markNotificationsRead(deps, caller, input.notificationId),

  'case.triage': ({ deps, caller }, input) => triageCase(deps, caller, input.caseId),
  'case.similarForDraft': ({ deps, caller }, input) => similarForDraft(deps, caller, input),
  'knowledge.list': ({ deps, caller }, input) => listKnowledge(deps, caller, input),
  'knowledge.create': (ctx, input) => createKnowledge(ctx.deps, ctx.caller, input, requireRequestId(ctx)),
  'knowledge.update': ({ deps, caller }, input) => updateKnowledge(deps, caller, input),
  'knowledge.retire': ({ deps, caller }, input) => retireKnowledge(deps, caller, input),

  ...receptionHandlers,
  ...caseExtrasHandlers,
  ...suggestionHandlers,
  ...adminHandlers,
  ...livelihoodHandlers,
  ...accountHandlers,
  ...partnerHandlers,
  ...privacyHandlers,
  ...insightHandlers,
}
