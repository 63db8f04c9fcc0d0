// Access-control and bad-input audit of the api, driven through the router as the `api` function
// is called:
// - out-of-scope callers on every kind of id (case, suggestion, photo, reception day, booking, rule,
//   knowledge entry, notification, unit, station, deputy): NOT_FOUND or FORBIDDEN (INVALID_INPUT for
//   an object named in the input the caller may not use), in Chinese, every stored document unchanged;
// - 分级负责 under races: a move or a merge lands only while the deciding level still holds the case;
// - what a resident who seconded a case may see of it (view, photo route, WeChat message);
// - every mutating action retried with the same requestId (also after the router forgot it);
// - reads write nothing; bad input (an operator for an id, no object) for every action.
//
// Complements tests/api/access.test.ts (cases by role and station), gradedTransfer.test.ts (levels),
// suggestions.test.ts, receptionDays.test.ts, triage.test.ts and photos.test.ts; rows here are the
// callers and objects those suites do not already try.
import { ACTIONS, type ActionName } from '@minyi/types'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import { resolveCaller } from '../../cloudfunctions/core/application/session/resolveCaller'
import { photoFileFor } from '../../cloudfunctions/core/application/cases/casePhotos'
import { devOpenid } from '../../server/devIdentity'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'
import { CHINESE, DISTRICT_OFFICE, OTHER_DISTRICT_ADMIN, OTHER_DISTRICT_STAFF, OTHER_STREET_OFFICE, STREET_OFFICE, addOtherDistrict, caseDoc, hookedStore, refusal, submit } from './caseFixtures'
import { candidateInput, carryingOut, openRound, propose, receipt, vote, votingRound } from './livelihoodFixtures'
import { CUIYUAN_STAFF, HUBIN_STAFF, MONDAY_10AM, RESIDENT, RESIDENT_2, nextDay, thursdayRule } from './receptionFixtures'

// world() sets up every feature (cases, reception, suggestions, 民生实事, accounts, keys): on a busy
// two-core machine one row can take longer than jest's default 5 s.
jest.setTimeout(30_000)

let h: Harness
afterEach(() => h?.close())

const R1 = RESIDENT // 刘阿姨
const R2 = RESIDENT_2 // 周大伯
const STAFF = HUBIN_STAFF // 湖滨
const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨 only, a district-level deputy
const WANGHU_DEPUTY = 'dev-deputy-4' // 刘洋, 望湖 only
const CUIYUAN_DEPUTY = 'dev-deputy-3' // 陈志强, 翠苑 only
const WANGHU_STAFF = 'dev-staff-3'
const ADMIN = 'dev-admin-1'
const OTHER_ADMIN = OTHER_DISTRICT_ADMIN // 人大机关 of another district (临湖区)
const OTHER_STAFF = OTHER_DISTRICT_STAFF // a station of 临湖区

const TITLE = '关于优化湖滨片区路口信号灯配时的建议'
const BODY = '湖滨街道多个路口信号灯绿灯时间偏短，老年人和学生过街困难，群众多次反映。建议区交通管理部门开展配时评估。'
const ANSWER = '经评估，已对湖滨片区12个路口调整配时，行人绿灯延长至45秒。'
const PLACE = '望湖花园3幢2单元门口'
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 1)])

/** Thursday 2026-11-26 at a Shanghai time: the first reception day of `thursdayRule`. */
const onThursday = (time: string) => h.clock.set(new Date(`2026-11-26T${time}:00+08:00`).toISOString())

/** Every stored document but the router's request claims: what a refused call must leave alone. */
async function everything(): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {}
  for (const name of COLLECTIONS) {
    if (name === 'requests') continue
    all[name] = await h.store.collection(name as CollectionName).find({}, { sort: [['_id', 1]], limit: 100_000 })
  }
  return all
}

async function photoOf(userId: string): Promise<string> {
  const stored = await h.files.put({ userId, openid: devOpenid(userId) }, jpeg())
  if (!stored.ok) throw new Error('photo not stored')
  return stored.fileId
}

/**
 * The objects every scope row points at:
 * - `hubin`: R1's case at 湖滨 with a phone, a place and a photo, seconded by R2;
 * - `cuiyuan`: R2's case at 翠苑; `forwarded`: R1's case at 湖滨, now held by 滨湖区人大常委会;
 * - `draft` (王建国's, one 湖滨 case attached), `sub` (王建国's, submitted to 滨湖区人大常委会),
 *   `wanghuDraft` (刘洋's empty draft);
 * - `day`: 湖滨's reception day on Thursday with R1's `booking`; `cuiyuanDay` / `cuiyuanRule` of 翠苑
 *   on the same Thursday with R2's `cuiyuanBooking`;
 * - `kb`: a knowledge entry of 滨湖区; `note`: one of R1's messages.
 */
async function world() {
  h = await createHarness({ now: MONDAY_10AM })
  await addOtherDistrict(h)
  const hubin = await submit(h, R1, { place: PLACE, phone: '13800138000', photos: [await photoOf(R1)] })
  await h.ok(R2, 'case.second', { caseId: hubin, stationCode: 'HBJD' })
  const cuiyuan = await submit(h, R2, { stationCode: 'CYSQ', category: 'housing', content: '翠苑小区加装电梯进展缓慢，希望推动' })
  const forwarded = await submit(h, R1, { content: '湖滨路夜间渣土车噪音很大，影响休息。', category: 'environment' })
  await h.ok(STAFF, 'case.forward', { caseId: forwarded, note: '需要街道协调' })
  await h.ok(STREET_OFFICE, 'case.forward', { caseId: forwarded, note: '涉及区级部门职责' })
  const evidence = await submit(h, R1, { content: '湖滨路口红绿灯太短，老人过马路来不及。' })
  const draft = await h.ok(DEPUTY, 'suggestion.create', { caseIds: [evidence] })
  const sub = await h.ok(DEPUTY, 'suggestion.create', { title: TITLE, body: BODY, caseIds: [evidence] })
  await h.ok(DEPUTY, 'suggestion.submit', { suggestionId: sub.id })
  const wanghuDraft = await h.ok(WANGHU_DEPUTY, 'suggestion.create', {})

  await thursdayRule(h)
  const day = await nextDay(h)
  const booking = await h.ok(R1, 'reception.book', { occurrenceId: day.id, slot: 's0', topic: '加装电梯' })
  const cuiyuanRule = await h.ok(CUIYUAN_STAFF, 'reception.saveRule', {
    stationId: 'station-cuiyuan',
    pattern: { kind: 'weekly', weekday: 4 },
    start: '14:00',
    end: '15:00',
    onDayOff: 'skip',
    slotMinutes: 30,
    slotCapacity: 5,
  })
  const cuiyuanDay = await nextDay(h, 'CYSQ')
  const cuiyuanBooking = await h.ok(R2, 'reception.book', { occurrenceId: cuiyuanDay.id, slot: 's0' })

  const kb = await h.ok(STAFF, 'knowledge.create', {
    title: '老旧小区加装电梯补贴',
    keywords: '加装电梯、补贴',
    answer: '本区老旧小区加装电梯每台补贴20万元，由街道统一受理申请。',
    category: 'housing',
  })
  // 民生实事: a district round of 2026 whose vote is published, its first candidate chosen.
  const lv = await carryingOut(h)
  const note = (await h.ok(R1, 'notification.list')).notifications[0].id
  // A partner's API key of the district.
  const apiKey = (await h.ok(ADMIN, 'admin.apiKey.create', { name: '市12345平台', stationId: 'station-hubin' })).key.id
  // 代录: an opinion staff registered for a walk-in resident.
  const assisted = (await h.ok(STAFF, 'assisted.register', { stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', category: 'housing', content: '老旧小区加装电梯，希望尽快推进。' })).id
  return { assisted, apiKey, lvRound: lv.roundId, lvProject: lv.projectId, lvProposal: lv.proposalId, hubin, cuiyuan, forwarded, evidence, draft: draft.id, sub: sub.id, wanghuDraft: wanghuDraft.id, day: day.id, booking: booking.id, cuiyuanRule: cuiyuanRule.rule.id, cuiyuanDay: cuiyuanDay.id, cuiyuanBooking: cuiyuanBooking.id, kb: kb.id, note }
}

type World = Awaited<ReturnType<typeof world>>
type Row = [label: string, who: string, action: ActionName, input: (w: World) => Record<string, unknown>, code: string, message?: string | RegExp]

const CASE_NOT_FOUND = '没有找到这条民意，或您无权查看'
const SUGGESTION_NOT_FOUND = '没有找到这件议案建议，或您无权查看'
const DAY_NOT_FOUND = '没有找到这次接待日，或您无权查看'
const ROLE = '您的身份不能进行此操作'
const rule = (stationId: string, change: Record<string, unknown> = {}) => ({
  stationId,
  pattern: { kind: 'weekly', weekday: 5 },
  start: '09:00',
  end: '10:00',
  onDayOff: 'skip',
  slotMinutes: 30,
  slotCapacity: 2,
  ...change,
})

const outOfScope: Row[] = [
  // 并案 across levels (the hole this audit found): only the level holding both cases merges them.
  ['station staff merging a case the district office holds', STAFF, 'case.merge', (w) => ({ caseId: w.forwarded, intoCaseId: w.hubin }), 'FORBIDDEN', '这条民意已转报滨湖区人大常委会办理，您可以查看进展，但不能办理'],
  ['station staff merging into a case the district office holds', STAFF, 'case.merge', (w) => ({ caseId: w.hubin, intoCaseId: w.forwarded }), 'FORBIDDEN', /^编号 MY\d{8}-\d{4} 已转报滨湖区人大常委会办理，只能并入由您这一级正在办理的民意$/],
  ['the street office merging what it passed on', STREET_OFFICE, 'case.merge', (w) => ({ caseId: w.forwarded, intoCaseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['the district office merging a station case it never received', DISTRICT_OFFICE, 'case.merge', (w) => ({ caseId: w.hubin, intoCaseId: w.forwarded }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['staff of 翠苑 merging 湖滨 cases', CUIYUAN_STAFF, 'case.merge', (w) => ({ caseId: w.hubin, intoCaseId: w.evidence }), 'NOT_FOUND', CASE_NOT_FOUND],
  // Cases: other readers and actions.
  ['a resident asking for triage', R1, 'case.triage', (w) => ({ caseId: w.hubin }), 'FORBIDDEN', ROLE],
  ['a deputy of another station asking for triage', CUIYUAN_DEPUTY, 'case.triage', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another street office asking for triage', OTHER_STREET_OFFICE, 'case.triage', (w) => ({ caseId: w.forwarded }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['a seconder revealing the phone', R2, 'case.revealPhone', (w) => ({ caseId: w.hubin }), 'FORBIDDEN', ROLE],
  ['a seconder hiding a photo', R2, 'case.hidePhoto', (w) => ({ caseId: w.hubin, photoId: 'p1', reason: '不想公开' }), 'FORBIDDEN', ROLE],
  ['another street office hiding a photo', OTHER_STREET_OFFICE, 'case.hidePhoto', (w) => ({ caseId: w.hubin, photoId: 'p1', reason: '含他人隐私' }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['seconding a case with another station’s code', R1, 'case.second', (w) => ({ caseId: w.cuiyuan, stationCode: 'HBJD' }), 'NOT_FOUND', '没有找到本家站点的这条民意'],
  ['seconding a case that does not exist', R2, 'case.second', () => ({ caseId: 'c_doesnotexist000000000000', stationCode: 'HBJD' }), 'NOT_FOUND', '没有找到本家站点的这条民意'],
  // The 人大机关 of another district: nothing of 滨湖区.
  ['another district’s admin reading a case', OTHER_ADMIN, 'case.get', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin accepting a case', OTHER_ADMIN, 'case.accept', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin transferring a case', OTHER_ADMIN, 'case.transfer', (w) => ({ caseId: w.forwarded, unitId: 'unit-urban' }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin merging', OTHER_ADMIN, 'case.merge', (w) => ({ caseId: w.hubin, intoCaseId: w.evidence }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin hiding a photo', OTHER_ADMIN, 'case.hidePhoto', (w) => ({ caseId: w.hubin, photoId: 'p1', reason: '含他人隐私' }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin revealing a phone', OTHER_ADMIN, 'case.revealPhone', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin asking for 湖滨’s inbox', OTHER_ADMIN, 'case.inbox', () => ({ stationId: 'station-hubin' }), 'FORBIDDEN', '您不能查看其他家站点的民意'],
  // Suggestions: drafts are the deputy's alone; submitted ones the office's and the deputy's stations'.
  ['a deputy attaching a case of a station they do not belong to', WANGHU_DEPUTY, 'suggestion.attachCase', (w) => ({ suggestionId: w.wanghuDraft, caseId: w.hubin }), 'NOT_FOUND', '没有找到这条民意，或它不属于您所在的家站点'],
  ['a deputy creating a draft with another station’s case', WANGHU_DEPUTY, 'suggestion.create', (w) => ({ caseIds: [w.hubin] }), 'NOT_FOUND', '没有找到这条民意，或它不属于您所在的家站点'],
  ['another deputy attaching to someone’s draft', WANGHU_DEPUTY, 'suggestion.attachCase', (w) => ({ suggestionId: w.draft, caseId: w.hubin }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another deputy detaching from someone’s draft', 'dev-deputy-2', 'suggestion.detachCase', (w) => ({ suggestionId: w.draft, caseId: w.evidence }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another deputy editing someone’s draft', 'dev-deputy-2', 'suggestion.update', (w) => ({ suggestionId: w.draft, title: '改成我的标题' }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another deputy submitting someone’s draft', 'dev-deputy-5', 'suggestion.submit', (w) => ({ suggestionId: w.draft }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another deputy withdrawing someone’s draft', 'dev-deputy-5', 'suggestion.withdraw', (w) => ({ suggestionId: w.draft }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['staff reading a deputy’s draft', STAFF, 'suggestion.get', (w) => ({ suggestionId: w.draft }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another deputy rating a suggestion', 'dev-deputy-2', 'suggestion.rate', (w) => ({ suggestionId: w.sub, rating: 'satisfied' }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['staff of another station recording an answer', WANGHU_STAFF, 'suggestion.recordAnswer', (w) => ({ suggestionId: w.sub, answer: ANSWER }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['staff of another station rating for the deputy', WANGHU_STAFF, 'suggestion.rate', (w) => ({ suggestionId: w.sub, rating: 'satisfied' }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['a street office the suggestion did not go to assigning it', STREET_OFFICE, 'suggestion.assign', (w) => ({ suggestionId: w.sub, unitIds: ['unit-urban'] }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another street office assigning it', OTHER_STREET_OFFICE, 'suggestion.assign', (w) => ({ suggestionId: w.sub, unitIds: ['unit-urban'] }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['another district’s admin assigning it', OTHER_ADMIN, 'suggestion.assign', (w) => ({ suggestionId: w.sub, unitIds: ['unit-urban'] }), 'NOT_FOUND', SUGGESTION_NOT_FOUND],
  ['the office assigning a unit of another level’s region', DISTRICT_OFFICE, 'suggestion.assign', (w) => ({ suggestionId: w.sub, unitIds: ['unit-hubin-community'] }), 'INVALID_INPUT', '请选择本区的承办单位'],
  // Reception: staff manage their own stations' days, deputies work at theirs.
  ['staff of 翠苑 registering a walk-in at 湖滨', CUIYUAN_STAFF, 'reception.registerWalkIn', (w) => ({ occurrenceId: w.day, name: '王大爷' }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['staff of 翠苑 recording a visit at 湖滨', CUIYUAN_STAFF, 'reception.recordVisit', (w) => ({ occurrenceId: w.day, bookingId: w.booking, matters: [{ category: 'housing', content: '加装电梯进展缓慢' }] }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['a deputy of 翠苑 checking in at 湖滨', CUIYUAN_DEPUTY, 'reception.checkIn', (w) => ({ occurrenceId: w.day, bookingId: w.booking }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['a deputy of 翠苑 writing 湖滨’s minutes', CUIYUAN_DEPUTY, 'reception.saveMinutes', (w) => ({ occurrenceId: w.day, summary: '越权填写的纪要内容' }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['a deputy registering a walk-in', DEPUTY, 'reception.registerWalkIn', (w) => ({ occurrenceId: w.day, name: '王大爷' }), 'FORBIDDEN', ROLE],
  ['a deputy moving a day', DEPUTY, 'reception.moveOccurrence', (w) => ({ occurrenceId: w.day, date: '2026-12-03', reason: '代表有事' }), 'FORBIDDEN', ROLE],
  ['a resident checking someone in', R2, 'reception.checkIn', (w) => ({ occurrenceId: w.day, bookingId: w.booking }), 'FORBIDDEN', ROLE],
  ['a resident cancelling another’s booking', R2, 'reception.cancelBooking', (w) => ({ bookingId: w.booking }), 'NOT_FOUND', '没有找到这条预约'],
  ['staff cancelling a resident’s booking as if theirs', STAFF, 'reception.cancelBooking', (w) => ({ bookingId: w.booking }), 'FORBIDDEN', ROLE],
  ['office staff (no station) listing 湖滨’s days', STREET_OFFICE, 'reception.occurrences', () => ({ stationId: 'station-hubin' }), 'FORBIDDEN', '您不能查看其他家站点的接待日'],
  ['office staff (no station) opening a day', STREET_OFFICE, 'reception.visitors', (w) => ({ occurrenceId: w.day }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['office staff (no station) setting a roster', STREET_OFFICE, 'reception.setDuty', (w) => ({ occurrenceId: w.day, deputyIds: ['deputy-1'] }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['another district’s admin cancelling a day', OTHER_ADMIN, 'reception.cancelOccurrence', (w) => ({ occurrenceId: w.day, reason: '越权取消' }), 'NOT_FOUND', DAY_NOT_FOUND],
  ['another district’s admin saving 湖滨’s rule', OTHER_ADMIN, 'reception.saveRule', () => rule('station-hubin'), 'FORBIDDEN', '您不能管理其他家站点的接待日'],
  ['湖滨 staff changing 翠苑’s rule under their own station', STAFF, 'reception.saveRule', (w) => rule('station-hubin', { ruleId: w.cuiyuanRule }), 'NOT_FOUND', '没有找到这条接待规则'],
  ['湖滨 staff putting a 望湖 deputy on duty by default', STAFF, 'reception.saveRule', () => rule('station-hubin', { defaultDutyDeputyIds: ['deputy-4'] }), 'INVALID_INPUT', '刘洋代表不是本家站点的代表，不能安排值班'],
  ['湖滨 staff putting a 望湖 deputy on a day', STAFF, 'reception.setDuty', (w) => ({ occurrenceId: w.day, deputyIds: ['deputy-1', 'deputy-4'] }), 'INVALID_INPUT', '刘洋代表不是本家站点的代表，不能安排值班'],
  ['湖滨 staff checking in a 翠苑 booking on their own day', STAFF, 'reception.checkIn', (w) => ({ occurrenceId: w.day, bookingId: w.cuiyuanBooking }), 'NOT_FOUND', '没有找到这条预约'],
  // Knowledge base: one district's.
  ['another district’s admin editing an entry', OTHER_ADMIN, 'knowledge.update', (w) => ({ id: w.kb, title: '改一下标题' }), 'NOT_FOUND', '没有找到这条知识库条目'],
  ['another district’s admin retiring an entry', OTHER_ADMIN, 'knowledge.retire', (w) => ({ id: w.kb }), 'NOT_FOUND', '没有找到这条知识库条目'],
  ['a deputy editing an entry', DEPUTY, 'knowledge.update', (w) => ({ id: w.kb, title: '改一下标题' }), 'FORBIDDEN', ROLE],
  // Messages are the recipient's.
  ['a resident marking someone else’s message read', R2, 'notification.markRead', (w) => ({ notificationId: w.note }), 'NOT_FOUND', '没有找到这条消息'],
  ['staff marking a resident’s message read', STAFF, 'notification.markRead', (w) => ({ notificationId: w.note }), 'NOT_FOUND', '没有找到这条消息'],
  // 民生实事: a round is its district's; only its congress office runs it; ballots are the electorate's.
  ['another district’s admin reading a round', OTHER_ADMIN, 'livelihood.round.get', (w) => ({ roundId: w.lvRound }), 'NOT_FOUND', '没有找到这一轮民生实事票决'],
  ['another district’s admin moving a round', OTHER_ADMIN, 'livelihood.round.move', (w) => ({ roundId: w.lvRound, command: 'startAssessment' }), 'NOT_FOUND', '没有找到这一轮民生实事票决'],
  ['station staff moving the district’s round', STAFF, 'livelihood.round.move', (w) => ({ roundId: w.lvRound, command: 'startAssessment' }), 'FORBIDDEN', '只有本级人大机关可以管理这一轮票决'],
  ['a street office opening a district round', STREET_OFFICE, 'livelihood.round.create', () => ({ year: 2027, level: 'district', regionId: 'region-binhu', title: '越级开启的票决', collectFrom: '2027-01-01', collectUntil: '2027-02-01' }), 'FORBIDDEN', '只有本级人大机关可以开启这一级的票决'],
  ['another street office reading the report', OTHER_STREET_OFFICE, 'livelihood.report.get', (w) => ({ roundId: w.lvRound }), 'FORBIDDEN', '只有本级人大机关可以管理这一轮票决'],
  ['another district’s staff exporting the report', OTHER_STAFF, 'livelihood.report.export', (w) => ({ roundId: w.lvRound, format: 'pdf' }), 'NOT_FOUND', '没有找到这一轮民生实事票决'],
  ['a resident moderating a proposal', R2, 'livelihood.proposal.moderate', (w) => ({ proposalId: w.lvProposal, decision: 'reject', note: '不予采纳' }), 'FORBIDDEN', ROLE],
  ['another district’s staff moderating a proposal', OTHER_STAFF, 'livelihood.proposal.moderate', (w) => ({ proposalId: w.lvProposal, decision: 'approve' }), 'NOT_FOUND', '没有找到这条项目建议'],
  ['another district’s admin reading the results', OTHER_ADMIN, 'livelihood.results.get', (w) => ({ roundId: w.lvRound }), 'NOT_FOUND', '没有找到这一轮民生实事票决'],
  ['another district’s admin reading a project', OTHER_ADMIN, 'livelihood.project.get', (w) => ({ projectId: w.lvProject }), 'NOT_FOUND', '没有找到这个项目'],
  ['station staff adding a milestone', STAFF, 'livelihood.milestone.add', (w) => ({ projectId: w.lvProject, title: '越权节点', dueDate: '2027-01-31' }), 'FORBIDDEN', '只有本级人大机关可以管理这个项目'],
  ['a street office reporting progress on a district project', STREET_OFFICE, 'livelihood.progress.report', (w) => ({ projectId: w.lvProject, note: '越权登记的进展' }), 'FORBIDDEN', '只有本级人大机关可以管理这个项目'],
  ['a deputy who is no supervisor recording an inspection', DEPUTY, 'livelihood.inspection.record', (w) => ({ projectId: w.lvProject, note: '不是监督代表的视察' }), 'FORBIDDEN', '只有本项目的监督代表可以登记视察'],
  ['a street deputy assigned as supervisor of a district project', ADMIN, 'livelihood.supervisor.assign', (w) => ({ projectId: w.lvProject, deputyIds: ['deputy-3'] }), 'INVALID_INPUT', '监督代表应为本轮票决的代表'],
  ['a deputy outside the electorate casting after the vote', CUIYUAN_DEPUTY, 'livelihood.ballot.cast', (w) => ({ roundId: w.lvRound, choices: [w.lvProject], receipt: 'AAAAAAAAAAAAAAAA' }), 'INVALID_STATE', '票决已经结束'],
  // Accounts and posters (tests/api/accounts.test.ts has the role-ceiling table).
  ['湖滨 staff revoking 翠苑’s staff', STAFF, 'admin.account.revoke', () => ({ accountId: 'dev-staff-2' }), 'FORBIDDEN', '您不能管理这个账号（不能管理高于本人角色或本人范围以外的账号）'],
  ['湖滨 staff revoking the admin', STAFF, 'admin.account.revoke', () => ({ accountId: ADMIN }), 'FORBIDDEN', '您不能管理这个账号（不能管理高于本人角色或本人范围以外的账号）'],
  ['another district’s admin revoking our staff', OTHER_ADMIN, 'admin.account.revoke', () => ({ accountId: STAFF }), 'NOT_FOUND', '没有找到这个账号，或您无权管理'],
  ['another district’s admin re-inviting our staff', OTHER_ADMIN, 'admin.invitation.create', () => ({ accountId: STAFF }), 'NOT_FOUND', '没有找到这个账号，或您无权管理'],
  ['staff granting a station outside their own', STAFF, 'admin.account.create', () => ({ role: 'staff', name: '张三', stationIds: ['station-cuiyuan'] }), 'FORBIDDEN', '不能授予本人范围以外的家站点'],
  ['staff of 翠苑 printing 湖滨’s poster', CUIYUAN_STAFF, 'admin.poster.station', () => ({ stationId: 'station-hubin' }), 'NOT_FOUND', '没有找到这个家站点，或您无权打印它的海报'],
  ['another district’s admin printing a deputy’s poster', OTHER_ADMIN, 'admin.poster.deputy', () => ({ deputyId: 'deputy-1' }), 'NOT_FOUND', '没有找到这位代表，或您无权打印他的海报'],
  ['office staff (no station) printing a poster', STREET_OFFICE, 'admin.poster.station', () => ({ stationId: 'station-hubin' }), 'NOT_FOUND', '没有找到这个家站点，或您无权打印它的海报'],
  ['a deputy printing a poster', DEPUTY, 'admin.poster.deputy', () => ({ deputyId: 'deputy-1' }), 'FORBIDDEN', ROLE],
  ['a resident listing accounts', R1, 'admin.account.list', () => ({}), 'FORBIDDEN', ROLE],
  // Partner API keys (issue 12): an admin's own district only; staff not at all.
  ['another district’s admin revoking a key', OTHER_ADMIN, 'admin.apiKey.revoke', (w) => ({ keyId: w.apiKey, reason: '合作结束' }), 'NOT_FOUND', '没有找到这个接口密钥，或您无权查看'],
  ['an admin creating a key for another district’s station', OTHER_ADMIN, 'admin.apiKey.create', () => ({ name: '市12345平台', stationId: 'station-hubin' }), 'INVALID_INPUT', '请选择本区的家站点'],
  ['staff creating a key', STAFF, 'admin.apiKey.create', () => ({ name: '市12345平台', stationId: 'station-hubin' }), 'FORBIDDEN', ROLE],
  ['staff listing the archive exports', STAFF, 'admin.export.list', () => ({}), 'FORBIDDEN', ROLE],
  // The console (管理台): the admin's district only; station staff their own station's public details and goals.
  ['another district’s admin editing a station', OTHER_ADMIN, 'admin.station.update', () => ({ stationId: 'station-hubin', openHours: '全天' }), 'NOT_FOUND', '没有找到这个家站点，或它不在您的管理范围内'],
  ['another district’s admin retiring a station', OTHER_ADMIN, 'admin.station.retire', () => ({ stationId: 'station-hubin', replacedById: 'station-other' }), 'NOT_FOUND', '没有找到这个家站点，或它不在您的管理范围内'],
  ['staff of 翠苑 editing 湖滨’s public details', CUIYUAN_STAFF, 'admin.station.update', () => ({ stationId: 'station-hubin', openHours: '全天' }), 'NOT_FOUND', '没有找到这个家站点，或它不在您的管理范围内'],
  ['station staff renaming their station', STAFF, 'admin.station.update', () => ({ stationId: 'station-hubin', name: '临江市滨湖区湖滨街道新人大代表之家' }), 'FORBIDDEN', /^工作人员只能修改本站的/],
  ['station staff creating a station', STAFF, 'admin.station.create', () => ({ name: '临江市滨湖区湖滨街道柳岸社区人大代表联络站', kind: 'station', regionId: 'region-hubin', code: 'LASQ', address: '柳岸路6号', openHours: '工作日', contactPhone: '', photos: [], location: null }), 'FORBIDDEN', ROLE],
  ['another district’s admin enrolling into 湖滨', OTHER_ADMIN, 'admin.deputy.create', () => ({ name: '越权代表', level: 'county', constituency: '第一选区', election: 'direct', stationIds: ['station-hubin'], commitment: '越权登记的承诺内容' }), 'INVALID_INPUT', '请选择本区的家站点'],
  ['another district’s admin editing a deputy', OTHER_ADMIN, 'admin.deputy.update', () => ({ deputyId: 'deputy-1', commitment: '越权修改的承诺内容' }), 'NOT_FOUND', '没有找到这位代表，或他（她）不在您的管理范围内'],
  ['another district’s admin renaming a street', OTHER_ADMIN, 'admin.region.update', () => ({ regionId: 'region-hubin', name: '临东街道' }), 'NOT_FOUND', '没有找到这个街道（乡镇），或它不在您的管理范围内'],
  ['another district’s admin retiring a street', OTHER_ADMIN, 'admin.region.retire', () => ({ regionId: 'region-huxi' }), 'NOT_FOUND', '没有找到这个街道（乡镇），或它不在您的管理范围内'],
  ['another district’s admin editing a unit', OTHER_ADMIN, 'admin.unit.update', () => ({ unitId: 'unit-urban', retired: true }), 'NOT_FOUND', '没有找到这个承办单位，或它不在您的管理范围内'],
  ['another district’s admin adding a unit to 滨湖区', OTHER_ADMIN, 'admin.unit.create', () => ({ regionId: 'region-binhu', name: '越权承办单位' }), 'INVALID_INPUT', '请选择本区或本区街道（乡镇）一级'],
  ['another district’s admin setting 滨湖区’s routing', OTHER_ADMIN, 'admin.routing.set', () => ({ regionId: 'region-binhu', entries: [] }), 'INVALID_INPUT', '请选择本区或本区街道（乡镇）一级'],
  ['staff of 翠苑 reading 湖滨’s goals', CUIYUAN_STAFF, 'admin.goal.get', () => ({ stationId: 'station-hubin', year: 2026 }), 'NOT_FOUND', '没有找到这个家站点，或它不在您的管理范围内'],
  ['another street office saving 湖滨’s goals', OTHER_STREET_OFFICE, 'admin.goal.save', () => ({ stationId: 'station-hubin', year: 2026, version: 1, goals: [] }), 'NOT_FOUND', '没有找到这个家站点，或它不在您的管理范围内'],
  ['a deputy saving goals', DEPUTY, 'admin.goal.save', () => ({ stationId: 'station-hubin', year: 2026, version: 1, goals: [] }), 'FORBIDDEN', ROLE],
  // 代录 and the resident's own data (issue 10).
  ['staff of 翠苑 registering an opinion for 湖滨', CUIYUAN_STAFF, 'assisted.register', () => ({ stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', category: 'housing', content: '老旧小区加装电梯，希望尽快推进。' }), 'FORBIDDEN', '您只能为本人所在家站点的群众代录'],
  ['a deputy registering an opinion on behalf', DEPUTY, 'assisted.register', () => ({ stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', category: 'housing', content: '老旧小区加装电梯，希望尽快推进。' }), 'FORBIDDEN', ROLE],
  ['staff of 翠苑 printing a receipt for a 湖滨 case', CUIYUAN_STAFF, 'assisted.receipt', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['another district’s admin printing a receipt', OTHER_ADMIN, 'assisted.receipt', (w) => ({ caseId: w.hubin }), 'NOT_FOUND', CASE_NOT_FOUND],
  ['a receipt for a case staff did not register', STAFF, 'assisted.receipt', (w) => ({ caseId: w.hubin }), 'INVALID_STATE', '这条民意不是代录的，没有回执'],
  ['a resident claiming with a code no receipt has', R2, 'assisted.claim', () => ({ code: 'AAAAAAAAAAAA' }), 'NOT_FOUND', '没有找到这张回执，请核对后再扫'],
  ['staff reading a resident’s personal data', STAFF, 'privacy.myData', () => ({}), 'FORBIDDEN', ROLE],
  ['staff revealing a resident’s own numbers', STAFF, 'privacy.revealMyPhone', () => ({}), 'FORBIDDEN', ROLE],
  ['an admin erasing as if a resident', ADMIN, 'privacy.erase', () => ({ confirm: true }), 'FORBIDDEN', ROLE],
  ['erasing without the confirmation', R1, 'privacy.erase', () => ({ confirm: false }), 'INVALID_INPUT', '请先确认注销'],
  // 履职档案 and dashboards (issue 8): a station's staff never see another station's figures, nor records of deputies outside their scope.
  ['湖滨 staff reading 翠苑’s dashboard', STAFF, 'insight.dashboard', () => ({ stationId: 'station-cuiyuan' }), 'FORBIDDEN', '您不能查看其他家站点的统计'],
  ['another district’s admin reading 湖滨’s dashboard', OTHER_ADMIN, 'insight.dashboard', () => ({ stationId: 'station-hubin' }), 'FORBIDDEN', '您不能查看其他家站点的统计'],
  ['湖滨 staff reading 翠苑’s hot spots', STAFF, 'insight.hotspots', () => ({ stationId: 'station-cuiyuan' }), 'FORBIDDEN', '您不能查看其他家站点的统计'],
  ['a deputy of 翠苑 reading 湖滨’s hot spots', CUIYUAN_DEPUTY, 'insight.hotspots', () => ({ stationId: 'station-hubin' }), 'FORBIDDEN', '您不能查看其他家站点的统计'],
  ['湖滨 staff exporting 翠苑’s cases', STAFF, 'insight.export', () => ({ table: 'cases', stationId: 'station-cuiyuan' }), 'FORBIDDEN', '您不能查看其他家站点的统计'],
  ['a resident reading a dashboard', R1, 'insight.dashboard', () => ({}), 'FORBIDDEN', ROLE],
  ['a deputy reading another deputy’s record', DEPUTY, 'record.get', () => ({ deputyId: 'deputy-3' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
  ['湖滨 staff reading a 翠苑 deputy’s record', STAFF, 'record.get', () => ({ deputyId: 'deputy-3' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
  ['another district’s admin reading a record', OTHER_ADMIN, 'record.get', () => ({ deputyId: 'deputy-1' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
  ['湖滨 staff printing a 翠苑 deputy’s report', STAFF, 'record.report', () => ({ deputyId: 'deputy-3' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
  ['翠苑 staff adding an activity to a 湖滨-only deputy', CUIYUAN_STAFF, 'record.addActivity', () => ({ deputyId: 'deputy-1', kind: 'inspection', date: '2026-11-02', title: '越权登记的视察' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
  ['station staff recording a 述职评议 result', STAFF, 'record.recordAssessment', () => ({ deputyId: 'deputy-1', year: 2026, result: '满意' }), 'FORBIDDEN', '只有人大机关可以记录述职评议结果'],
  ['another district’s admin recording a 述职评议 result', OTHER_ADMIN, 'record.recordAssessment', () => ({ deputyId: 'deputy-1', year: 2026, result: '满意' }), 'NOT_FOUND', '没有找到这位代表的履职档案，或您无权查看'],
]

describe('out-of-scope callers are refused in Chinese, and nothing is written', () => {
  it.each(outOfScope)('%s', async (_label, who, action, input, code, message) => {
    const w = await world()
    const before = await everything()
    const error = refusal(await h.call(who, action, input(w)))
    expect({ action, code: error.code }).toEqual({ action, code })
    expect(error.message).toMatch(CHINESE)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else if (message) expect(error.message).toMatch(message)
    expect(await everything()).toEqual(before)
  })

  it('on the reception day too: other stations’ staff and deputies cannot check in, register or record', async () => {
    const w = await world()
    onThursday('13:40')
    await h.ok(R1, 'reception.checkInByScan', { stationCode: 'HBJD' })
    const rows: Array<[string, ActionName, Record<string, unknown>, string]> = [
      [CUIYUAN_STAFF, 'reception.checkIn', { occurrenceId: w.day, bookingId: w.booking }, 'NOT_FOUND'],
      [CUIYUAN_STAFF, 'reception.registerWalkIn', { occurrenceId: w.day, name: '王大爷' }, 'NOT_FOUND'],
      [CUIYUAN_DEPUTY, 'reception.recordVisit', { occurrenceId: w.day, bookingId: w.booking, matters: [{ category: 'housing', content: '加装电梯进展缓慢' }] }, 'NOT_FOUND'],
      // A booking of another day, named on this one.
      [STAFF, 'reception.recordVisit', { occurrenceId: w.day, bookingId: w.cuiyuanBooking, matters: [{ category: 'housing', content: '加装电梯进展缓慢' }] }, 'NOT_FOUND'],
      [CUIYUAN_STAFF, 'reception.recordVisit', { occurrenceId: w.cuiyuanDay, bookingId: w.booking, matters: [{ category: 'housing', content: '加装电梯进展缓慢' }] }, 'NOT_FOUND'],
      [OTHER_ADMIN, 'reception.registerWalkIn', { occurrenceId: w.day, name: '王大爷' }, 'NOT_FOUND'],
    ]
    for (const [who, action, input, code] of rows) {
      const before = await everything()
      const error = refusal(await h.call(who, action, input))
      expect({ who, action, code: error.code }).toEqual({ who, action, code })
      expect(error.message).toMatch(CHINESE)
      expect(await everything()).toEqual(before)
    }
    // The station's own staff can.
    expect((await h.ok(STAFF, 'reception.recordVisit', rows[2][2])).cases).toHaveLength(1)
  })

  it('an admin’s scope is their district: lists hold nothing of another district', async () => {
    const w = await world()
    expect((await h.ok(OTHER_ADMIN, 'case.inbox', {})).cases).toEqual([])
    expect((await h.ok(OTHER_ADMIN, 'suggestion.list', {})).suggestions).toEqual([])
    expect((await h.ok(OTHER_ADMIN, 'knowledge.list', {})).entries.map((e) => e.id)).not.toContain(w.kb)
    expect(refusal(await h.call(OTHER_ADMIN, 'reception.occurrences', { stationId: 'station-hubin' })).code).toBe('FORBIDDEN')
    expect(refusal(await h.call(OTHER_ADMIN, 'suggestion.get', { suggestionId: w.sub })).code).toBe('NOT_FOUND')
    // ...while 滨湖区's admin sees all of 滨湖区 and nothing of 临湖区.
    const other = await h.ok(OTHER_STAFF, 'knowledge.create', { title: '临湖区的条目', keywords: '临湖', answer: '临湖区自己的政策答复内容，与滨湖区无关。', category: 'other' })
    expect(refusal(await h.call(ADMIN, 'knowledge.update', { id: other.id, title: '滨湖改临湖' })).code).toBe('NOT_FOUND')
    expect((await h.ok(ADMIN, 'case.inbox', {})).cases.map((c) => c.id)).toEqual(expect.arrayContaining([w.hubin, w.cuiyuan, w.forwarded]))
  })
})

describe('并案 by the level holding the cases, also when one is passed on at that moment', () => {
  it('the street office merges what it holds; forwarded up in the meantime, the merge does not land', async () => {
    let armed = false
    let dup = ''
    const store = await hookedStore({
      before: async (collection, method, args) => {
        const update = args[1] as { set?: Record<string, unknown> } | undefined
        if (!armed || collection !== 'cases' || method !== 'update' || update?.set?.status !== 'merged') return
        armed = false
        // Between the merge's read and its write, the same office passes the duplicate on.
        await h.ok(STREET_OFFICE, 'case.forward', { caseId: dup, note: '涉及区级部门职责' })
      },
    })
    h = await createHarness({ now: MONDAY_10AM, store })
    const primary = await submit(h, R1)
    dup = await submit(h, R2, { content: '望湖路口的红绿灯太短了，老人走不过去。' })
    for (const id of [primary, dup]) await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要街道协调' })
    armed = true
    const error = refusal(await h.call(STREET_OFFICE, 'case.merge', { caseId: dup, intoCaseId: primary }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(CHINESE)
    expect(await caseDoc(h, dup)).toMatchObject({ status: 'forwarded', office: { regionId: 'region-binhu' } })
    expect((await caseDoc(h, dup)).mergedInto).toBeUndefined()
    // Without the race, the office holding both merges them; the admin may at any level.
    const third = await submit(h, R2, { content: '湖滨路口信号灯时间短，行人过街危险。' })
    await h.ok(STAFF, 'case.forward', { caseId: third, note: '需要街道协调' })
    expect((await h.ok(STREET_OFFICE, 'case.merge', { caseId: third, intoCaseId: primary })).status).toBe('merged')
    const fourth = await submit(h, R1, { content: '湖滨路口红绿灯时间太短了。' })
    expect((await h.ok(ADMIN, 'case.merge', { caseId: fourth, intoCaseId: primary })).status).toBe('merged')
  })
})

describe('a command lands only while the level that issued it still holds the case', () => {
  // The street office holds a forwarded case; between reading it and writing its command, the case
  // is passed on to 滨湖区人大常委会 (status stays 转报). The command must not land for the street.
  it.each([
    ['case.decline', 'declined', { reason: '涉及诉讼', guidance: '请向法院咨询' }],
    ['case.markProposal', 'proposal', { note: '普遍性问题' }],
    ['case.transfer', 'transferred', { unitId: 'unit-hubin-community' }],
  ] as const)('%s', async (action, to, extra) => {
    let armed = false
    let id = ''
    const store = await hookedStore({
      before: async (collection, method, args) => {
        const update = args[1] as { set?: Record<string, unknown> } | undefined
        if (!armed || collection !== 'cases' || method !== 'update' || update?.set?.status !== to) return
        armed = false
        await h.ok(STREET_OFFICE, 'case.forward', { caseId: id, note: '涉及区级部门职责' })
      },
    })
    h = await createHarness({ now: MONDAY_10AM, store })
    id = await submit(h, R1)
    await h.ok(STAFF, 'case.forward', { caseId: id, note: '需要街道协调' })
    armed = true
    const error = refusal(await h.call(STREET_OFFICE, action, { caseId: id, ...extra }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toMatch(CHINESE)
    const stored = await caseDoc(h, id)
    expect(stored).toMatchObject({ status: 'forwarded', office: { regionId: 'region-binhu' } })
    expect(stored.events.map((e) => e.type)).toEqual(['submit', 'forward', 'forward'])
  })
})

describe('what a resident who seconded a case may see of it', () => {
  it('no place, phone, photos or rating; no photo through the photo route either', async () => {
    const w = await world()
    const view = await h.ok(R2, 'case.get', { caseId: w.hubin })
    expect(view).toMatchObject({ seconded: true, isMine: false, place: null, phoneMasked: null, photos: [], rating: null, commands: [] })
    expect(JSON.stringify(view)).not.toContain(PLACE)
    expect((await h.ok(R1, 'case.get', { caseId: w.hubin })).place).toBe(PLACE)
    // Neither the number nor its masked form (a bare '138' also turns up inside random event ids).
    expect(JSON.stringify(view)).not.toContain('13800138000')
    expect(JSON.stringify(view)).not.toMatch(/138\*{4}8000/)
    // The photo route decides with the case's scope: the seconder gets no file, the author does.
    const stored = await caseDoc(h, w.hubin)
    const asSeconder = await resolveCaller(h.deps, devOpenid(R2))
    const asAuthor = await resolveCaller(h.deps, devOpenid(R1))
    expect(photoFileFor(asSeconder, stored, 'p1')).toBeNull()
    expect(photoFileFor(asAuthor, stored, 'p1')).toBe(stored.photos?.[0].fileId)
    expect(photoFileFor(await resolveCaller(h.deps, devOpenid(CUIYUAN_STAFF)), stored, 'p1')).toBeNull()
  })

  it('the WeChat message a seconder gets quotes the case with digits masked, like their view', async () => {
    h = await createHarness({ now: MONDAY_10AM })
    const id = await submit(h, R1, { content: '湖滨路88号3幢门口的路灯坏了一个星期' })
    await h.ok(R2, 'case.second', { caseId: id, stationCode: 'HBJD' })
    await h.ok(STAFF, 'case.accept', { caseId: id })
    const to = (userId: string) => h.notifier.sent.filter((m) => m.openid === devOpenid(userId)).at(-1)
    expect(to(R1)?.data.subject).toContain('88号3幢')
    expect(to(R2)?.data.subject).toMatch(/^湖滨路\*\*号\*幢/)
    expect((await h.ok(R2, 'case.get', { caseId: id })).content).toContain('**号*幢')
  })

  it('a case raised at a reception day: the seconder does not learn the visitor’s name', async () => {
    const w = await world()
    onThursday('14:10')
    const walkIn = await h.ok(STAFF, 'reception.registerWalkIn', { occurrenceId: w.day, name: '王大爷', phone: '13912345678' })
    const { cases } = await h.ok(STAFF, 'reception.recordVisit', {
      occurrenceId: w.day,
      bookingId: walkIn.visitor.bookingId,
      matters: [{ category: 'environment', content: '湖滨路夜里垃圾车作业噪音太大，影响老人休息。' }],
    })
    // Staff see who raised it...
    expect((await h.ok(STAFF, 'case.get', { caseId: cases[0].id })).timeline[0].note).toContain('王大爷')
    // ...a resident who seconds it does not (nor the phone).
    const view = await h.ok(R2, 'case.second', { caseId: cases[0].id, stationCode: 'HBJD' })
    expect(view.seconded).toBe(true)
    expect(JSON.stringify(view)).not.toContain('王大爷')
    expect(JSON.stringify(view)).not.toContain('139')
    expect(view.timeline[0]).toMatchObject({ type: 'submit', note: null })
  })
})

// ---------------------------------------------------------------------------------------------
// A retried request (same caller, action and requestId) answers the same and writes nothing more.

type Retry = [action: ActionName, prepare: (w: World) => Promise<[who: string, input: Record<string, unknown>]>]

async function transferredAtStreet(w: World): Promise<string> {
  await h.ok(STAFF, 'case.forward', { caseId: w.hubin, note: '需要街道协调' })
  await h.ok(STREET_OFFICE, 'case.transfer', { caseId: w.hubin, unitId: 'unit-hubin-community' })
  return w.hubin
}

async function checkedIn(): Promise<void> {
  onThursday('13:40')
  await h.ok(R1, 'reception.checkInByScan', { stationCode: 'HBJD' })
}

const retries: Retry[] = [
  ['subscription.record', async () => [R1, { accepted: ['progress', 'reply'] }]],
  ['case.submit', async () => [R1, { ...validOpinion }]],
  ['case.rate', async (w) => {
    await h.ok(STAFF, 'case.answerOnSite', { caseId: w.hubin, answer: '已联系交警部门调整信号灯配时。' })
    return [R1, { caseId: w.hubin, rating: 'unsatisfied', comment: '还是太短' }]
  }],
  ['case.accept', async (w) => [STAFF, { caseId: w.hubin, note: '已受理' }]],
  ['case.refer', async (w) => [DEPUTY, { caseId: w.hubin, note: '请工作人员转办' }]],
  ['case.answerOnSite', async (w) => [DEPUTY, { caseId: w.hubin, answer: '已联系交警部门调整信号灯配时。' }]],
  ['case.forward', async (w) => [STAFF, { caseId: w.hubin, note: '需要街道协调' }]],
  ['case.transfer', async (w) => [DISTRICT_OFFICE, { caseId: w.forwarded, unitId: 'unit-urban' }]],
  ['case.extendDeadline', async (w) => [STREET_OFFICE, { caseId: await transferredAtStreet(w), reason: '需要协调多个部门' }]],
  ['case.recordUnitAnswer', async (w) => [STREET_OFFICE, { caseId: await transferredAtStreet(w), answer: '社区已经安排人员处理。' }]],
  ['case.markProposal', async (w) => [STAFF, { caseId: w.hubin, note: '普遍性问题' }]],
  ['case.decline', async (w) => [STAFF, { caseId: w.hubin, reason: '涉及诉讼', guidance: '请向法院咨询' }]],
  ['case.second', async (w) => [R1, { caseId: w.cuiyuan, stationCode: 'CYSQ' }]],
  ['case.merge', async (w) => [STAFF, { caseId: await submit(h, R2, { content: '望湖路口的红绿灯太短了，老人走不过去。' }), intoCaseId: w.hubin, note: '同一路口' }]],
  ['case.hidePhoto', async (w) => [STAFF, { caseId: w.hubin, photoId: 'p1', reason: '含他人隐私' }]],
  ['knowledge.create', async () => [STAFF, { title: '垃圾分类投放时间', keywords: '垃圾分类', answer: '每天7:00—9:00和18:00—20:00定时定点投放厨余垃圾。', category: 'environment' }]],
  ['knowledge.update', async (w) => [STAFF, { id: w.kb, title: '加装电梯补贴标准' }]],
  ['knowledge.retire', async (w) => [STAFF, { id: w.kb, reason: '政策已调整' }]],
  ['reception.book', async (w) => [R2, { occurrenceId: w.day, slot: 's1', topic: '噪音' }]],
  ['reception.cancelBooking', async (w) => [R1, { bookingId: w.booking }]],
  ['reception.checkInByScan', async () => {
    onThursday('13:40')
    return [R1, { stationCode: 'HBJD' }]
  }],
  ['reception.saveRule', async () => [STAFF, rule('station-hubin')]],
  ['reception.cancelOccurrence', async (w) => [STAFF, { occurrenceId: w.day, reason: '场地维修' }]],
  ['reception.moveOccurrence', async (w) => [STAFF, { occurrenceId: w.day, date: '2026-11-27', reason: '场地临时占用' }]],
  ['reception.setDuty', async (w) => [STAFF, { occurrenceId: w.day, deputyIds: ['deputy-1', 'deputy-2'] }]],
  ['reception.checkIn', async (w) => {
    onThursday('13:40')
    return [STAFF, { occurrenceId: w.day, bookingId: w.booking }]
  }],
  ['reception.registerWalkIn', async (w) => {
    onThursday('13:40')
    return [STAFF, { occurrenceId: w.day, name: '王大爷', phone: '13912345678' }]
  }],
  ['reception.recordVisit', async (w) => {
    await checkedIn()
    return [DEPUTY, { occurrenceId: w.day, bookingId: w.booking, matters: [{ category: 'housing', content: '老旧小区加装电梯进展缓慢' }, { category: 'traffic', content: '路口红绿灯时间太短' }] }]
  }],
  ['reception.saveMinutes', async (w) => {
    onThursday('14:50')
    return [STAFF, { occurrenceId: w.day, summary: '本次接待群众一人，反映加装电梯问题。' }]
  }],
  ['suggestion.create', async (w) => [DEPUTY, { title: TITLE, caseIds: [w.hubin] }]],
  ['suggestion.update', async (w) => [DEPUTY, { suggestionId: w.draft, title: TITLE, body: BODY }]],
  ['suggestion.attachCase', async (w) => [DEPUTY, { suggestionId: w.draft, caseId: w.hubin }]],
  ['suggestion.detachCase', async (w) => [DEPUTY, { suggestionId: w.draft, caseId: w.evidence }]],
  ['suggestion.submit', async (w) => {
    await h.ok(DEPUTY, 'suggestion.update', { suggestionId: w.draft, title: TITLE, body: BODY })
    return [DEPUTY, { suggestionId: w.draft }]
  }],
  ['suggestion.withdraw', async (w) => [DEPUTY, { suggestionId: w.draft }]],
  ['suggestion.assign', async (w) => [DISTRICT_OFFICE, { suggestionId: w.sub, unitIds: ['unit-urban'] }]],
  ['suggestion.recordAnswer', async (w) => {
    await h.ok(DISTRICT_OFFICE, 'suggestion.assign', { suggestionId: w.sub, unitIds: ['unit-urban'] })
    return [DISTRICT_OFFICE, { suggestionId: w.sub, answer: ANSWER }]
  }],
  ['suggestion.rate', async (w) => {
    await h.ok(DISTRICT_OFFICE, 'suggestion.assign', { suggestionId: w.sub, unitIds: ['unit-urban'] })
    await h.ok(DISTRICT_OFFICE, 'suggestion.recordAnswer', { suggestionId: w.sub, answer: ANSWER })
    return [DEPUTY, { suggestionId: w.sub, rating: 'unsatisfied', comment: '还需跟进' }]
  }],
  ['livelihood.round.create', async () => [ADMIN, { year: 2027, level: 'district', regionId: 'region-binhu', title: '2028年度民生实事项目征集', collectFrom: '2027-01-01', collectUntil: '2027-03-31' }]],
  ['livelihood.round.move', async (w) => [ADMIN, { roundId: w.lvRound, command: 'startAssessment' }]],
  ['livelihood.proposal.submit', async () => {
    const roundId = await openRound(h, ADMIN, { year: 2027 })
    return [R1, { roundId, title: '望湖社区增设助老食堂', description: '望湖社区老年人多，吃饭不方便，建议增设社区助老食堂。', place: '望湖社区', beneficiaries: '社区老年人' }]
  }],
  ['livelihood.proposal.moderate', async () => [STAFF, { proposalId: await propose(h, await openRound(h, ADMIN, { year: 2027 })), decision: 'approve' }]],
  ['livelihood.proposal.support', async () => {
    const proposalId = await propose(h, await openRound(h, ADMIN, { year: 2027 }))
    await h.ok(STAFF, 'livelihood.proposal.moderate', { proposalId, decision: 'approve' })
    return [R2, { proposalId }]
  }],
  ['livelihood.proposal.fromCases', async (w) => [STAFF, { roundId: await openRound(h, ADMIN, { year: 2027 }), title: '湖滨路口信号灯改造', description: '群众反映湖滨路口绿灯时间短，建议改造。', caseIds: [w.hubin] }]],
  ['livelihood.candidate.save', async () => {
    const roundId = await openRound(h, ADMIN, { year: 2027 })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'startShortlist' })
    return [ADMIN, candidateInput(roundId, '社区助老食堂建设')]
  }],
  ['livelihood.candidate.remove', async () => {
    const roundId = await openRound(h, ADMIN, { year: 2027 })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'startShortlist' })
    const c = await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, '社区助老食堂建设'))
    return [ADMIN, { roundId, candidateId: c.id }]
  }],
  ['livelihood.vote.configure', async () => [ADMIN, { roundId: await openRound(h, ADMIN, { year: 2027 }), seats: 3, opensAt: '2027-01-10T01:00:00.000Z', closesAt: '2027-01-10T09:00:00.000Z' }]],
  ['livelihood.ballot.cast', async () => {
    const v = await votingRound(h, { year: 2027 })
    return [DEPUTY, { roundId: v.roundId, choices: [v.candidateIds[0]], receipt: receipt() }]
  }],
  ['livelihood.results.resolveTie', async () => {
    const v = await votingRound(h, { year: 2027, seats: 1, majority: 'plurality' })
    for (const [i, d] of ['dev-deputy-1', 'dev-deputy-2', 'dev-deputy-5'].entries()) await vote(h, d, v.roundId, [v.candidateIds[i]])
    return [ADMIN, { roundId: v.roundId, candidateIds: [v.candidateIds[0]], note: '经主任会议研究决定' }]
  }],
  ['livelihood.milestone.add', async (w) => [ADMIN, { projectId: w.lvProject, title: '完成设计方案', dueDate: '2027-01-31' }]],
  ['livelihood.progress.report', async (w) => [ADMIN, { projectId: w.lvProject, note: '设计方案已完成招标' }]],
  ['livelihood.supervisor.assign', async (w) => [ADMIN, { projectId: w.lvProject, deputyIds: ['deputy-1', 'deputy-2'] }]],
  ['livelihood.inspection.record', async (w) => {
    await h.ok(ADMIN, 'livelihood.supervisor.assign', { projectId: w.lvProject, deputyIds: ['deputy-1'] })
    return [DEPUTY, { projectId: w.lvProject, note: '现场查看施工进度' }]
  }],
  ['livelihood.project.rate', async (w) => {
    await h.ok(ADMIN, 'livelihood.round.move', { roundId: w.lvRound, command: 'startAssessment' })
    return [R2, { projectId: w.lvProject, rating: 'satisfied' }]
  }],
  ['livelihood.report.export', async (w) => [ADMIN, { roundId: w.lvRound, format: 'xlsx' }]],
  ['admin.account.create', async () => [ADMIN, { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] }]],
  ['admin.account.revoke', async () => [ADMIN, { accountId: 'dev-staff-2', reason: '调离岗位' }]],
  ['admin.invitation.create', async () => {
    const { account } = await h.ok(ADMIN, 'admin.account.create', { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] })
    return [ADMIN, { accountId: account.id }]
  }],
  ['admin.invitation.revoke', async () => {
    const { invitation } = await h.ok(STAFF, 'admin.account.create', { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] })
    return [STAFF, { invitationId: invitation.id }]
  }],
  ['invitation.accept', async () => {
    const { invitation } = await h.ok(ADMIN, 'admin.account.create', { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] })
    return [R2, { code: invitation.code }]
  }],
  ['admin.apiKey.create', async () => [ADMIN, { name: '省12345平台', stationId: 'station-cuiyuan' }]],
  ['admin.apiKey.revoke', async (w) => [ADMIN, { keyId: w.apiKey, reason: '合作结束' }]],
  ['admin.region.create', async () => [ADMIN, { name: '湖东街道' }]],
  ['admin.region.update', async () => [ADMIN, { regionId: 'region-huxi', officeName: '滨湖区人大常委会湖西街道工委' }]],
  ['admin.region.retire', async () => [ADMIN, { regionId: 'region-huxi' }]],
  ['admin.station.create', async () => [ADMIN, { name: '临江市滨湖区湖滨街道柳岸社区人大代表联络站', kind: 'station', regionId: 'region-hubin', code: 'LASQ', address: '滨湖区柳岸路6号', openHours: '工作日 9:00–17:00', contactPhone: '0571-8765 6677', photos: [], location: null }]],
  ['admin.station.update', async () => [STAFF, { stationId: 'station-hubin', openHours: '工作日 8:30–17:30' }]],
  ['admin.station.retire', async () => [ADMIN, { stationId: 'station-wanghu', replacedById: 'station-hubin' }]],
  ['admin.deputy.create', async () => [ADMIN, { name: '周海燕', level: 'township', constituency: '湖滨街道第九选区', election: 'direct', stationIds: ['station-cuiyuan'], commitment: '每月进站接待一次，件件有回音。' }]],
  ['admin.deputy.update', async () => [ADMIN, { deputyId: 'deputy-3', stationIds: ['station-wanghu'] }]],
  ['admin.unit.create', async () => [ADMIN, { regionId: 'region-hubin', name: '湖滨街道城市管理中队' }]],
  ['admin.unit.update', async () => [ADMIN, { unitId: 'unit-urban', contactName: '吴主任' }]],
  ['admin.routing.set', async () => [ADMIN, { regionId: 'region-binhu', entries: [{ category: 'education', unitId: 'unit-urban' }] }]],
  ['admin.goal.save', async () => [STAFF, { stationId: 'station-hubin', year: 2026, version: 1, goals: [{ title: '推动湖滨路口信号灯配时优化', status: 'in_progress' }] }]],
  ['privacy.setPreferences', async () => [R1, { largeText: true }]],
  ['privacy.withdrawPhone', async () => [R1, {}]],
  ['privacy.erase', async () => [R1, { confirm: true }]],
  ['assisted.register', async () => [STAFF, { stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', category: 'housing', content: '老旧小区加装电梯，希望尽快推进。' }]],
  ['assisted.claim', async () => {
    const made = await h.ok(STAFF, 'assisted.register', { stationId: 'station-hubin', channel: 'walk_in', residentName: '马大爷', category: 'housing', content: '老旧小区加装电梯，希望尽快推进。' })
    return [R2, { code: made.claimCode }]
  }],
  ['insight.export', async () => [ADMIN, { table: 'cases' }]],
  ['record.addActivity', async () => [STAFF, { deputyId: 'deputy-1', kind: 'inspection', date: '2026-11-02', title: '视察老旧小区加装电梯', evidence: '照片3张' }]],
  ['record.recordAssessment', async () => [ADMIN, { deputyId: 'deputy-1', year: 2026, result: '满意', note: '选民评议满意' }]],
]

/** A secret shown once (a new API key) is not in the remembered answer: a retry gets it as null. */
const withoutShownOnce = (r: unknown) => {
  const a = r as { ok: boolean; data?: Record<string, unknown> }
  return a.ok && a.data && 'shownOnce' in a.data ? { ...a, data: { ...a.data, shownOnce: null } } : r
}

describe('a retried request does nothing twice', () => {
  it('every mutating action has a row here (a new one must be added)', () => {
    const mutating = (Object.keys(ACTIONS) as ActionName[]).filter((a) => ACTIONS[a].mutates).sort()
    expect(retries.map(([action]) => action).sort()).toEqual(mutating)
  })

  it.each(retries)('%s: the same requestId answers the same and writes nothing more', async (action, prepare) => {
    const w = await world()
    const [who, input] = await prepare(w)
    const requestId = `retry${action.replace(/\W/g, '')}0001`
    const first = await h.call(who, action, input, requestId)
    if (!first.ok) throw new Error(`${action} refused: ${first.error.code} ${first.error.message}`)
    const after = await everything()
    h.clock.advance(1000) // a retry comes a moment later
    const again = await h.call(who, action, input, requestId)
    expect(again).toEqual(withoutShownOnce(first))
    expect(await everything()).toEqual(after)
  })

  // The router's memory of a request can be gone (a write that landed while the caller saw a
  // timeout, a crash before the answer was stored, the retention window): actions that create
  // something derive its id from the requestId, so even then a retry finds the first.
  const creating: ActionName[] = [
    'case.submit',
    'case.second',
    'suggestion.create',
    'knowledge.create',
    'reception.book',
    'reception.saveRule',
    'reception.registerWalkIn',
    'reception.recordVisit',
    'livelihood.round.create',
    'livelihood.proposal.submit',
    'livelihood.proposal.fromCases',
    'livelihood.candidate.save',
    'livelihood.milestone.add',
    'livelihood.progress.report',
    'livelihood.inspection.record',
    'admin.apiKey.create',
    'admin.region.create',
    'admin.station.create',
    'admin.deputy.create',
    'admin.unit.create',
    'assisted.register',
  ]
  it.each(retries.filter(([action]) => creating.includes(action)))('%s: a retry the router no longer remembers creates nothing more', async (action, prepare) => {
    const w = await world()
    const [who, input] = await prepare(w)
    const requestId = `forgotten${action.replace(/\W/g, '')}0001`
    const first = await h.call(who, action, input, requestId)
    if (!first.ok) throw new Error(`${action} refused: ${first.error.code} ${first.error.message}`)
    const after = await everything()
    await h.store.collection('requests').remove({})
    const again = await h.call(who, action, input, requestId)
    if (!again.ok) throw new Error(`${action} retry refused: ${again.error.code} ${again.error.message}`)
    expect(await everything()).toEqual(after)
    const identity = (data: unknown) => {
      const d = data as { id?: string; rule?: { id: string }; visitor?: { bookingId: string }; cases?: Array<{ id: string }>; key?: { id: string } }
      return d.rule?.id ?? d.visitor?.bookingId ?? d.key?.id ?? d.id
    }
    expect(identity(again.data)).toEqual(identity(first.data))
    expect(identity(first.data)).toBeTruthy()
  })

  it('a mutating action without a requestId, or with a malformed one, is refused before anything runs', async () => {
    const w = await world()
    const before = await everything()
    const bare = await h.api.handle({ action: 'suggestion.create', input: { caseIds: [w.hubin] } }, { openid: devOpenid(DEPUTY) })
    expect(refusal(bare)).toEqual({ code: 'INVALID_INPUT', message: '缺少请求编号，请重新提交', field: 'requestId' })
    const bad = await h.api.handle({ action: 'reception.book', input: { occurrenceId: w.day, slot: 's1' }, requestId: '../x' }, { openid: devOpenid(R2) })
    expect(refusal(bad)).toEqual({ code: 'INVALID_INPUT', message: '请求编号格式不正确', field: 'requestId' })
    expect(await everything()).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------
// Actions that are not `mutates` carry no requestId, so they must write nothing a retry could
// duplicate. Two write on purpose and say so: revealing a phone is recorded (each reading is one),
// and marking a message read (setting a flag twice is the same as once).

type Read = [action: ActionName, who: string, input: (w: World) => Record<string, unknown>]

const reads: Read[] = [
  ['session.me', STAFF, () => ({})],
  ['station.list', R1, () => ({})],
  ['station.byCode', R1, () => ({ code: 'HBJD' })],
  ['deputy.byCode', R1, () => ({ code: 'DB01' })],
  ['unit.list', STREET_OFFICE, () => ({})],
  ['case.listMine', R1, () => ({})],
  ['case.get', R2, (w) => ({ caseId: w.hubin })],
  ['case.inbox', STAFF, () => ({ held: true })],
  ['notification.list', R1, () => ({})],
  ['case.triage', STAFF, (w) => ({ caseId: w.hubin })],
  ['case.similarForDraft', R2, () => ({ stationCode: 'HBJD', text: '湖滨路口红绿灯时间太短，老人过马路来不及' })],
  ['knowledge.list', DEPUTY, () => ({ query: '加装电梯' })],
  ['reception.upcoming', R1, () => ({ stationCode: 'HBJD' })],
  ['reception.myBookings', R1, () => ({})],
  ['reception.myDuties', DEPUTY, () => ({})],
  ['reception.occurrences', STAFF, () => ({ stationId: 'station-hubin' })],
  ['reception.visitors', DEPUTY, (w) => ({ occurrenceId: w.day })],
  ['reception.rules', STAFF, () => ({ stationId: 'station-hubin' })],
  ['case.listSeconded', R2, () => ({})],
  ['photo.uploadPolicy', R1, () => ({})],
  ['suggestion.get', DISTRICT_OFFICE, (w) => ({ suggestionId: w.sub })],
  ['suggestion.list', DEPUTY, () => ({})],
  ['admin.audit.list', ADMIN, () => ({})],
  ['livelihood.round.list', R1, () => ({})],
  ['livelihood.round.get', R1, (w) => ({ roundId: w.lvRound })],
  ['livelihood.proposal.list', STAFF, (w) => ({ roundId: w.lvRound })],
  ['livelihood.candidate.list', R1, (w) => ({ roundId: w.lvRound })],
  ['livelihood.ballot.status', DEPUTY, (w) => ({ roundId: w.lvRound })],
  ['livelihood.ballot.verify', DEPUTY, (w) => ({ roundId: w.lvRound, receipt: 'AAAAAAAAAAAAAAAA' })],
  ['livelihood.results.get', R1, (w) => ({ roundId: w.lvRound })],
  ['livelihood.project.get', R1, (w) => ({ projectId: w.lvProject })],
  ['livelihood.project.listMine', DEPUTY, () => ({})],
  ['livelihood.report.get', DISTRICT_OFFICE, (w) => ({ roundId: w.lvRound })],
  ['admin.account.list', STAFF, () => ({})],
  ['admin.poster.station', STAFF, () => ({ stationId: 'station-hubin' })],
  ['admin.poster.deputy', ADMIN, () => ({ deputyId: 'deputy-1' })],
  ['admin.apiKey.list', ADMIN, () => ({})],
  ['admin.export.list', ADMIN, () => ({})],
  ['admin.region.list', STAFF, () => ({})],
  ['admin.station.list', ADMIN, () => ({})],
  ['admin.deputy.list', STAFF, () => ({})],
  ['admin.unit.list', ADMIN, () => ({})],
  ['admin.goal.get', STREET_OFFICE, () => ({ stationId: 'station-hubin', year: 2026 })],
  ['privacy.myData', R1, () => ({})],
  ['privacy.revealMyPhone', R1, () => ({})],
  ['privacy.export', R1, () => ({ format: 'pdf' })],
  ['assisted.receipt', STAFF, (w) => ({ caseId: w.assisted })],
  ['insight.dashboard', ADMIN, () => ({})],
  ['insight.hotspots', STAFF, () => ({})],
  ['record.deputies', STAFF, () => ({})],
  ['record.get', DEPUTY, () => ({})],
  ['record.public', R1, () => ({ code: 'DB01' })],
  ['record.report', STAFF, () => ({ deputyId: 'deputy-1' })],
]

describe('reads write nothing', () => {
  it('every action that is not `mutates` is listed here or below', () => {
    const listed = [...reads.map(([action]) => action), 'case.revealPhone', 'notification.markRead', 'invitation.preview'].sort()
    expect(listed).toEqual((Object.keys(ACTIONS) as ActionName[]).filter((a) => !ACTIONS[a].mutates).sort())
  })

  it('invitation.preview (needs a code made first) changes no stored document', async () => {
    await world()
    const { invitation } = await h.ok(ADMIN, 'admin.account.create', { role: 'staff', name: '林小雨', stationIds: ['station-hubin'] })
    const before = await everything()
    expect((await h.ok(R2, 'invitation.preview', { code: invitation.code })).name).toBe('林小雨')
    expect(await everything()).toEqual(before)
  })

  it.each(reads)('%s changes no stored document', async (action, who, input) => {
    const w = await world()
    const before = await everything()
    const answer = await h.call(who, action, input(w))
    if (!answer.ok) throw new Error(`${action} refused: ${answer.error.code} ${answer.error.message}`)
    expect(await everything()).toEqual(before)
  })

  it('case.revealPhone records each reading, and only that', async () => {
    const w = await world()
    const before = await caseDoc(h, w.hubin)
    expect(await h.ok(STAFF, 'case.revealPhone', { caseId: w.hubin })).toEqual({ phone: '13800138000' })
    const after = await caseDoc(h, w.hubin)
    expect(after.events.slice(0, -1)).toEqual(before.events)
    expect(after.events.at(-1)).toMatchObject({ type: 'phoneRevealed', actorId: STAFF })
    expect({ ...after, events: before.events }).toEqual(before)
  })

  it('notification.markRead sets the flag of the caller’s own message only, and again is the same', async () => {
    const w = await world()
    await h.ok(R1, 'notification.markRead', { notificationId: w.note })
    const once = await everything()
    await h.ok(R1, 'notification.markRead', { notificationId: w.note })
    expect(await everything()).toEqual(once)
  })
})

// ---------------------------------------------------------------------------------------------
// Bad input, for every action: a query operator where an id belongs, or no object at all, is
// refused in Chinese (naming the field) before anything runs.

const ID_FIELDS = ['caseId', 'intoCaseId', 'suggestionId', 'occurrenceId', 'bookingId', 'id', 'notificationId', 'stationId', 'unitId', 'photoId', 'ruleId', 'roundId', 'proposalId', 'projectId', 'candidateId', 'regionId', 'deputyId', 'replacedById', 'accountId', 'invitationId', 'keyId']
const anyRoleOf = (action: ActionName) =>
  ({ resident: R1, deputy: DEPUTY, staff: STAFF, admin: ADMIN })[ACTIONS[action].roles[0]]
const shapeOf = (action: ActionName): Record<string, unknown> => (ACTIONS[action].input as unknown as { shape?: Record<string, unknown> }).shape ?? {}
const withIds = (Object.keys(ACTIONS) as ActionName[]).filter((a) => ID_FIELDS.some((f) => f in shapeOf(a)))

describe('bad input is refused in Chinese and changes nothing', () => {
  it('the id-taking actions are the ones this audit is about', () => {
    expect(withIds.length).toBeGreaterThanOrEqual(40)
  })

  it.each(withIds.map((a) => [a]))('%s: a query operator in place of an id', async (action) => {
    await world()
    const before = await everything()
    const input = Object.fromEntries(ID_FIELDS.filter((f) => f in shapeOf(action)).map((f) => [f, { $ne: null }]))
    const error = refusal(await h.call(anyRoleOf(action), action, { ...input, caseIds: [{ $gt: '' }] }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(CHINESE)
    expect(error.field).toBeTruthy()
    expect(await everything()).toEqual(before)
  })

  it.each((Object.keys(ACTIONS) as ActionName[]).map((a) => [a]))('%s: input that is not an object', async (action) => {
    h = await createHarness({ now: MONDAY_10AM })
    const before = await everything()
    for (const input of ['x', 42, ['caseId']]) {
      const error = refusal(await h.call(anyRoleOf(action), action, input))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(CHINESE)
    }
    expect(await everything()).toEqual(before)
  })
})

