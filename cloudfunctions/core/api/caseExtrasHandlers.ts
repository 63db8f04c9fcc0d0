// Handlers of the actions added for 附议, 并案, photos and suggestions (types/actions/caseExtras.ts,
// types/actions/suggestions.ts), spread into the handler table in handlers.ts.
import { hidePhoto, uploadPolicy } from '../application/cases/casePhotos'
import { mergeCase } from '../application/cases/mergeCases'
import { listSecondedCases, secondCase } from '../application/cases/secondCase'
import {
  assignSuggestion,
  attachCase,
  createSuggestion,
  detachCase,
  rateSuggestion,
  recordSuggestionAnswer,
  submitSuggestion,
  updateSuggestion,
  withdrawSuggestion,
} from '../application/suggestions/suggestionCommands'
import { getSuggestion, listSuggestions } from '../application/suggestions/suggestionQueries'
import { DomainError } from '../domain/errors'
import type { HandlerContext, Handlers } from './handlers'

function requestIdOf(ctx: HandlerContext): string {
  if (!ctx.requestId) throw new DomainError('INVALID_INPUT', '缺少请求编号')
  return ctx.requestId
}

type CaseExtraAction = 'case.second' | 'case.listSeconded' | 'case.merge' | 'case.hidePhoto' | 'photo.uploadPolicy'

export const caseExtrasHandlers: Pick<Handlers, CaseExtraAction> = {
  'case.second': ({ deps, caller }, input) => secondCase(deps, caller, input),
  'case.listSeconded': ({ deps, caller }) => listSecondedCases(deps, caller),
  'case.merge': ({ deps, caller }, input) => mergeCase(deps, caller, input),
  'case.hidePhoto': ({ deps, caller }, input) => hidePhoto(deps, caller, input),
  'photo.uploadPolicy': ({ deps, caller }, input) => uploadPolicy(deps, caller, input),
}

type SuggestionAction = Extract<keyof Handlers, `suggestion.${string}`>

export const suggestionHandlers: Pick<Handlers, SuggestionAction> = {
  'suggestion.create': (ctx, input) => createSuggestion(ctx.deps, ctx.caller, input, requestIdOf(ctx)),
  'suggestion.update': ({ deps, caller }, input) => updateSuggestion(deps, caller, input),
  'suggestion.attachCase': ({ deps, caller }, input) => attachCase(deps, caller, input),
  'suggestion.detachCase': ({ deps, caller }, input) => detachCase(deps, caller, input),
  'suggestion.submit': ({ deps, caller }, input) => submitSuggestion(deps, caller, input),
  'suggestion.withdraw': ({ deps, caller }, input) => withdrawSuggestion(deps, caller, input),
  'suggestion.assign': ({ deps, caller }, input) => assignSuggestion(deps, caller, input),
  'suggestion.recordAnswer': ({ deps, caller }, input) => recordSuggestionAnswer(deps, caller, input),
  'suggestion.rate': ({ deps, caller }, input) => rateSuggestion(deps, caller, input),
  'suggestion.get': ({ deps, caller }, input) => getSuggestion(deps, caller, input),
  'suggestion.list': ({ deps, caller }, input) => listSuggestions(deps, caller, input),
}
