// A deputy's suggestion or motion (议案/建议), step by step. Every step is one conditional update of
// the suggestion (`{ _id, status: from }`, or `status: 'draft'` for edits) that appends its event;
// steps residents or the deputy must hear of also mark the fan-out pending in that same update and
// then run it (application/suggestions/suggestionFanOut.ts).
import { createHash } from 'node:crypto'
import {
  CASE_STATUS_LABELS,
  RATING_LABELS,
  SUGGESTION_BODY_MIN,
  SUGGESTION_MAX_CASES,
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_TITLE_MIN,
  ratingCommand,
  shanghaiDate,
  type ParsedInput,
  type SuggestionView,
} from '@minyi/types'
import { auditLabel } from '../../domain/actorLabel'
import type { Caller } from '../../domain/caller'
import { DomainError } from '../../domain/errors'
import type { CaseDoc, DeputyDoc, StationDoc, UnitDoc } from '../../domain/records'
import { answerDeadline, assignDeadline, suggestionLimits } from '../../domain/suggestions/deadlines'
import {
  assertSuggestionIn,
  isAuthor,
  mayIssueSuggestion,
  planDraftEdit,
  planSuggestionMove,
  suggestionEvent,
  suggestionOfficeRegion,
  type SuggestionActor,
} from '../../domain/suggestions/lifecycle'
import type { SuggestionDoc } from '../../domain/suggestions/records'
import type { Filter, Update } from '../../ports'
import type { Deps } from '../deps'
import { nextSequence } from '../shared/sequence'
import { regionChain } from '../shared/lookups'
import { officeOf } from '../../domain/offices'
import { runSuggestionFanOut } from './suggestionFanOut'
import { loadVisibleSuggestion, suggestionsOf, viewSuggestion } from './suggestionQueries'

export function suggestionIdFor(userId: string, requestId: string): string {
  return `s_${createHash('sha256').update(`${userId}:${requestId}`).digest('hex').slice(0, 24)}`
}

export function formatSuggestionNo(year: string, sequence: number): string {
  return `JY${year}-${String(sequence).padStart(4, '0')}`
}

const actorOf = (caller: Caller): SuggestionActor => ({ id: caller.userId, role: caller.role, label: auditLabel(caller) })

const chars = (text: string) => Array.from(text.trim()).length

async function fanOutQuietly(deps: Deps, id: string) {
  try {
    await runSuggestionFanOut(deps, id)
  } catch (error) {
    deps.log('suggestion fan-out interrupted; the scheduled job will finish it', { id, error: String(error) })
  }
}

/** Applies a planned update; when it did not happen, says why in terms of the suggestion as it is now. */
async function apply(deps: Deps, s: SuggestionDoc, plan: { filter: Filter; update: Update }, explain?: (now: SuggestionDoc) => void): Promise<SuggestionDoc> {
  const collection = suggestionsOf(deps)
  if ((await collection.update(plan.filter, plan.update)) === 1) {
    const now = await collection.get(s._id)
    if (!now) throw new Error('a suggestion cannot be read back after an update')
    return now
  }
  const now = await collection.get(s._id)
  if (now && explain) explain(now)
  const status = now ? SUGGESTION_STATUS_LABELS[now.status] : '未知'
  throw new DomainError('CONFLICT', `这件议案建议刚刚已有变化（当前状态：${status}），请刷新后查看`)
}

function assertMay(caller: Caller, s: SuggestionDoc, command: Parameters<typeof mayIssueSuggestion>[2]) {
  if (!mayIssueSuggestion(caller, s, command)) {
    throw new DomainError('FORBIDDEN', caller.role === 'deputy' ? '只有起草的代表本人可以进行此操作' : '您没有权限处理这件议案建议')
  }
}

// ---------------------------------------------------------------------------------------------
// Drafting (the deputy)

/** A case the deputy may attach: one of their own stations', not declined, not merged into another. */
async function attachableCase(deps: Deps, caller: Caller, caseId: string): Promise<CaseDoc> {
  const c = await deps.store.collection<CaseDoc>('cases').get(caseId)
  if (!c || !caller.stationIds.includes(c.stationId)) throw new DomainError('NOT_FOUND', '没有找到这条民意，或它不属于您所在的家站点')
  if (c.status === 'declined') throw new DomainError('INVALID_STATE', `编号 ${c.trackingNo} 已不予受理，不能作为议案建议的依据`)
  if (c.status === 'merged') {
    throw new DomainError('INVALID_STATE', `编号 ${c.trackingNo} 已并入编号 ${c.mergedInto?.trackingNo ?? ''}，请附上主办的民意`)
  }
  return c
}

export async function createSuggestion(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'suggestion.create'>,
  requestId: string,
): Promise<SuggestionView> {
  const deputy = caller.deputyId ? await deps.store.collection<DeputyDoc>('deputies').get(caller.deputyId) : null
  if (!deputy) throw new DomainError('FORBIDDEN', '只有人大代表可以起草议案建议')
  const id = suggestionIdFor(caller.userId, requestId)
  const existing = await suggestionsOf(deps).get(id)
  if (existing) return viewSuggestion(deps, caller, existing)

  const [home] = deputy.stationIds.length
    ? await deps.store.collection<StationDoc>('stations').find({ _id: deputy.stationIds[0] }, { limit: 1 })
    : []
  const officeRegion = home ? suggestionOfficeRegion(deputy.level, await regionChain(deps.store, home.regionId)) : null
  const caseIds = [...new Set(input.caseIds)]
  const attached: CaseDoc[] = []
  for (const caseId of caseIds) attached.push(await attachableCase(deps, caller, caseId))
  const now = deps.clock.now()
  const at = now.toISOString()
  const doc: SuggestionDoc = {
    _id: id,
    requestId,
    no: null,
    kind: input.kind,
    deputyId: deputy._id,
    deputyName: deputy.name,
    authorId: caller.userId,
    stationIds: [...deputy.stationIds],
    regionId: caller.regionId,
    office: officeRegion ? officeOf(officeRegion) : null,
    title: input.title ?? '',
    body: input.body ?? '',
    cases: Object.fromEntries(attached.map((c) => [c._id, { trackingNo: c.trackingNo, stationId: c.stationId, attachedAt: at }])),
    caseCount: attached.length,
    status: 'draft',
    assignment: null,
    answers: [],
    ratings: [],
    rehandleCount: 0,
    deadlines: { assignBy: null, answerBy: null },
    submittedAt: null,
    assignedAt: null,
    answeredAt: null,
    closedAt: null,
    fanOutPending: false,
    fanOutSeq: 0,
    events: [
      suggestionEvent('create', actorOf(caller), now, deps.newId(), {
        to: 'draft',
        note: attached.length ? `附上民意 ${attached.map((c) => c.trackingNo).join('、')}` : null,
      }),
    ],
    createdAt: at,
    updatedAt: at,
  }
  await suggestionsOf(deps).insert(doc)
  return viewSuggestion(deps, caller, (await suggestionsOf(deps).get(id)) ?? doc)
}

export async function updateSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.update'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'edit')
  assertSuggestionIn(s, 'edit')
  const set: Record<string, unknown> = {}
  const changed: string[] = []
  if (input.kind !== undefined && input.kind !== s.kind) (set.kind = input.kind), changed.push('类型')
  if (input.title !== undefined && input.title !== s.title) (set.title = input.title), changed.push('标题')
  if (input.body !== undefined && input.body !== s.body) (set.body = input.body), changed.push('正文')
  if (!changed.length) return viewSuggestion(deps, caller, s)
  const event = suggestionEvent('update', actorOf(caller), deps.clock.now(), deps.newId(), { note: `修改了${changed.join('、')}` })
  const next = await apply(deps, s, planDraftEdit(s, event, { set }, { deputyId: s.deputyId }), (now) => assertSuggestionIn(now, 'edit'))
  return viewSuggestion(deps, caller, next)
}

export async function attachCase(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.attachCase'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'edit')
  assertSuggestionIn(s, 'edit')
  const c = await attachableCase(deps, caller, input.caseId)
  if (s.cases[c._id]) return viewSuggestion(deps, caller, s)
  if (s.caseCount >= SUGGESTION_MAX_CASES) throw new DomainError('INVALID_INPUT', `最多附上${SUGGESTION_MAX_CASES}条民意`)
  const now = deps.clock.now()
  const event = suggestionEvent('attachCase', actorOf(caller), now, deps.newId(), { note: `编号 ${c.trackingNo}` })
  const marker = `cases.${c._id}`
  const plan = planDraftEdit(
    s,
    event,
    { set: { [marker]: { trackingNo: c.trackingNo, stationId: c.stationId, attachedAt: now.toISOString() } }, inc: { caseCount: 1 } },
    { [marker]: { $exists: false }, caseCount: { $lt: SUGGESTION_MAX_CASES } },
  )
  const collection = suggestionsOf(deps)
  if ((await collection.update(plan.filter, plan.update)) !== 1) {
    const now2 = await collection.get(s._id)
    if (now2?.cases[c._id]) return viewSuggestion(deps, caller, now2) // attached by a concurrent request
    if (now2) assertSuggestionIn(now2, 'edit')
    throw new DomainError('INVALID_INPUT', `最多附上${SUGGESTION_MAX_CASES}条民意`)
  }
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, s._id))
}

export async function detachCase(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.detachCase'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'edit')
  assertSuggestionIn(s, 'edit')
  const ref = s.cases[input.caseId]
  if (!ref) throw new DomainError('NOT_FOUND', '这条民意没有附在这件议案建议中')
  const event = suggestionEvent('detachCase', actorOf(caller), deps.clock.now(), deps.newId(), { note: `编号 ${ref.trackingNo}` })
  const marker = `cases.${input.caseId}`
  const plan = planDraftEdit(s, event, { unset: [marker], inc: { caseCount: -1 } }, { [marker]: { $exists: true } })
  const collection = suggestionsOf(deps)
  if ((await collection.update(plan.filter, plan.update)) !== 1) {
    const now = await collection.get(s._id)
    if (now) assertSuggestionIn(now, 'edit')
    return viewSuggestion(deps, caller, now ?? s) // already detached by a concurrent request
  }
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, s._id))
}

export async function withdrawSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.withdraw'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'withdraw')
  const plan = planSuggestionMove(s, { command: 'withdraw', actor: actorOf(caller), at: deps.clock.now(), eventId: deps.newId() })
  return viewSuggestion(deps, caller, await apply(deps, s, plan, (now) => assertSuggestionIn(now, 'withdraw')))
}

// ---------------------------------------------------------------------------------------------
// Submitting (the deputy): the attached cases are taken in and their residents told

export async function submitSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.submit'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'submit')
  assertSuggestionIn(s, 'submit')
  if (chars(s.title) < SUGGESTION_TITLE_MIN) throw new DomainError('INVALID_INPUT', `请填写标题（至少${SUGGESTION_TITLE_MIN}个字）后再提交`)
  if (chars(s.body) < SUGGESTION_BODY_MIN) throw new DomainError('INVALID_INPUT', `请填写正文（至少${SUGGESTION_BODY_MIN}个字）后再提交`)
  if (s.caseCount < 1) throw new DomainError('INVALID_INPUT', '请至少附上一条民意作为依据')
  // Cases attached long ago may have changed since: a declined one is not evidence.
  const cases = await deps.store.collection<CaseDoc>('cases').find({ _id: { $in: Object.keys(s.cases) } }, { limit: 1000 })
  const declined = cases.filter((c) => c.status === 'declined')
  if (declined.length) {
    throw new DomainError(
      'INVALID_STATE',
      `编号 ${declined.map((c) => c.trackingNo).join('、')} 当前为「${CASE_STATUS_LABELS.declined}」，请移除后再提交`,
    )
  }
  const now = deps.clock.now()
  const year = shanghaiDate(now).slice(0, 4)
  const no = formatSuggestionNo(year, await nextSequence(deps.store, `suggestion:${year}`))
  const limits = suggestionLimits(deps.config.suggestionLimits)
  const plan = planSuggestionMove(s, {
    command: 'submit',
    actor: actorOf(caller),
    at: now,
    eventId: deps.newId(),
    note: `编号 ${no}，附上民意${s.caseCount}条`,
    set: { no, submittedAt: now.toISOString(), 'deadlines.assignBy': assignDeadline(now, limits, deps.config.calendarOverrides) },
    where: { caseCount: { $gt: 0 } },
    fanOut: true,
  })
  const next = await apply(deps, s, plan, (current) => assertSuggestionIn(current, 'submit'))
  await fanOutQuietly(deps, s._id)
  return viewSuggestion(deps, caller, (await suggestionsOf(deps).get(s._id)) ?? next)
}

// ---------------------------------------------------------------------------------------------
// The congress office: assignment, the units' answer, the deputy's satisfaction

export async function assignSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.assign'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'assign')
  assertSuggestionIn(s, 'assign')
  const units = await deps.store.collection<UnitDoc>('units').find({ _id: { $in: input.unitIds } }, { limit: input.unitIds.length })
  const byId = new Map(units.map((u) => [u._id, u]))
  const chosen = input.unitIds.map((id) => byId.get(id))
  if (chosen.some((u) => !u || u.regionId !== caller.regionId)) throw new DomainError('INVALID_INPUT', '请选择本区的承办单位')
  const now = deps.clock.now()
  const limits = suggestionLimits(deps.config.suggestionLimits)
  const assignment = { units: (chosen as UnitDoc[]).map((u) => ({ unitId: u._id, unitName: u.name })), note: input.note ?? null, at: now.toISOString() }
  const answerBy = answerDeadline(now, limits.answerMonths)
  const plan = planSuggestionMove(s, {
    command: 'assign',
    actor: actorOf(caller),
    at: now,
    eventId: deps.newId(),
    note: `交${assignment.units.map((u) => u.unitName).join('、')}办理，${answerBy}前答复${input.note ? `；${input.note}` : ''}`,
    set: { assignment, assignedAt: now.toISOString(), 'deadlines.answerBy': answerBy },
    fanOut: true,
  })
  await apply(deps, s, plan, (current) => assertSuggestionIn(current, 'assign'))
  await fanOutQuietly(deps, s._id)
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, s._id))
}

export async function recordSuggestionAnswer(
  deps: Deps,
  caller: Caller,
  input: ParsedInput<'suggestion.recordAnswer'>,
): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  assertMay(caller, s, 'recordAnswer')
  assertSuggestionIn(s, 'recordAnswer')
  const assigned = s.assignment?.units ?? []
  let unit: { unitId: string; unitName: string } | null = null
  if (input.unitId) {
    unit = assigned.find((u) => u.unitId === input.unitId) ?? null
    if (!unit) throw new DomainError('INVALID_INPUT', '请选择已交办的承办单位')
  } else if (assigned.length === 1) {
    unit = assigned[0]
  }
  const now = deps.clock.now()
  const eventId = deps.newId()
  const round = s.rehandleCount + 1
  const answer = {
    id: deps.newId(),
    text: input.answer,
    unitId: unit?.unitId ?? null,
    unitName: unit?.unitName ?? (assigned.length ? assigned.map((u) => u.unitName).join('、') : null),
    at: now.toISOString(),
    round,
    eventId,
  }
  const plan = planSuggestionMove(s, {
    command: 'recordAnswer',
    actor: actorOf(caller),
    at: now,
    eventId,
    note: `${answer.unitName ?? '承办单位'}${round > 1 ? '重新办理后' : ''}答复`,
    set: { answeredAt: answer.at },
    push: { answers: [answer] },
    fanOut: true,
  })
  await apply(deps, s, plan, (current) => assertSuggestionIn(current, 'recordAnswer'))
  await fanOutQuietly(deps, s._id)
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, s._id))
}

export async function rateSuggestion(deps: Deps, caller: Caller, input: ParsedInput<'suggestion.rate'>): Promise<SuggestionView> {
  const s = await loadVisibleSuggestion(deps, caller, input.suggestionId)
  const command = ratingCommand(input.rating, s.rehandleCount)
  if (!mayIssueSuggestion(caller, s, command)) {
    throw new DomainError('FORBIDDEN', caller.role === 'deputy' ? '只有提出议案建议的代表本人可以评价' : '您没有权限处理这件议案建议')
  }
  const now = deps.clock.now()
  const limits = suggestionLimits(deps.config.suggestionLimits)
  const by = isAuthor(caller, s) ? `人大代表 ${s.deputyName}` : `${auditLabel(caller)}（代为登记）`
  const rating = { value: input.rating, comment: input.comment ?? null, at: now.toISOString(), byId: caller.userId, byLabel: by, round: s.rehandleCount + 1 }
  const set: Record<string, unknown> = {}
  const inc: Record<string, number> = {}
  if (command === 'rehandle') {
    inc.rehandleCount = 1
    set['deadlines.answerBy'] = answerDeadline(now, limits.rehandleMonths)
  } else {
    set.closedAt = now.toISOString()
  }
  const plan = planSuggestionMove(s, {
    command,
    actor: actorOf(caller),
    at: now,
    eventId: deps.newId(),
    note: `${RATING_LABELS[input.rating]}${input.comment ? `：${input.comment}` : ''}`,
    set,
    inc,
    push: { ratings: [rating] },
    // The command was chosen on this count: a concurrent rating must not make it the wrong one.
    where: { rehandleCount: s.rehandleCount },
  })
  await apply(deps, s, plan, (current) => assertSuggestionIn(current, command))
  return viewSuggestion(deps, caller, await loadVisibleSuggestion(deps, caller, s._id))
}
