// What each case adds to the dashboards and to the deputies' records: the pure part. A case's
// contribution is a function of the case document alone (its status, events, rating, transfer), so
// the rollups can be kept by applying the difference between what a case contributed before a change
// and what it contributes after (application/insight/rollups.ts), and a recount is the sum of the
// contributions of all cases. How each kind of history counts (docs/insight.md):
// - every submitted case counts once as received, in the month (Asia/Shanghai) it was submitted;
// - 附议 (seconds) add no case: they are counted beside it (`seconds`);
// - 并案 (merged) cases count as received but leave the rates' denominators (they follow the case
//   they were merged into, which is counted once);
// - 不予受理 (declined) and 议案建议素材 (proposal) are concluded (办结) — with guidance, or as
//   material for a suggestion — like closed (已办结) cases;
// - a reopened case (不满意, 重新办理) is still one case; it counts as concluded only once it is
//   closed again, and on time only if neither handling went past a time limit;
// - on time (按时): concluded without any 督办 (`supervise` event, written when a time limit ran out)
//   and, if a unit handled it, its answer came by the unit's due date;
// - satisfaction uses the case's latest rating (满意 and 基本满意 count as satisfied).
import { shanghaiDate, type CaseStatus } from '@minyi/types'
import type { CaseDoc, CaseEvent } from '../records'

/** Counters per rollup document: bucket id → counter path → amount. */
export type Contribution = Record<string, Record<string, number>>

export const CONCLUDED: readonly CaseStatus[] = ['closed', 'declined', 'proposal']
export const SATISFIED_RATINGS = ['satisfied', 'basically'] as const

export function monthOf(at: string): string {
  return shanghaiDate(at).slice(0, 7)
}

export const stationBucket = (stationId: string, month: string) => `st_${stationId}_${month}`
export const deputyBucket = (deputyId: string, month: string) => `dp_${deputyId}_${month}`
export const userBucket = (userId: string, month: string) => `us_${userId}_${month}`

const REPLY_COMMANDS = new Set(['answerOnSite', 'recordUnitAnswer'])
/** Commands that are a first answer to the resident (受理, 现场答复, 转报, 不予受理…), not the resident's own. */
const FIRST_ANSWER_COMMANDS = new Set(['accept', 'refer', 'answerOnSite', 'forward', 'transfer', 'markProposal', 'decline', 'recordUnitAnswer'])

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60000))
}

export interface CaseFacts {
  merged: boolean
  declined: boolean
  concluded: boolean
  onTime: boolean
  rated: boolean
  satisfied: boolean
  reopened: boolean
  firstAnswerAt: string | null
  replyAt: string | null
  supervised: boolean
}

/** The facts of one case every figure is defined on. */
export function caseFacts(c: CaseDoc): CaseFacts {
  const events = c.events ?? []
  const merged = c.status === 'merged' || Boolean(c.mergedInto)
  const supervised = events.some((e) => e.type === 'supervise')
  const concluded = !merged && CONCLUDED.includes(c.status)
  const first = events.find((e) => FIRST_ANSWER_COMMANDS.has(e.type))
  const reply = events.find((e) => REPLY_COMMANDS.has(e.type))
  const unitAnswers = events.filter((e) => e.type === 'recordUnitAnswer')
  const lastUnitAnswer = unitAnswers.at(-1)
  const unitLate = Boolean(c.transfer?.dueDate && lastUnitAnswer && shanghaiDate(lastUnitAnswer.at) > c.transfer.dueDate)
  const rated = !merged && Boolean(c.rating)
  return {
    merged,
    declined: c.status === 'declined',
    concluded,
    onTime: concluded && !supervised && !unitLate,
    rated,
    satisfied: rated && (SATISFIED_RATINGS as readonly string[]).includes(c.rating!.value),
    reopened: (c.reopenCount ?? 0) > 0 || events.some((e) => e.type === 'reopen'),
    firstAnswerAt: first?.at ?? null,
    replyAt: reply?.at ?? null,
    supervised,
  }
}

function add(target: Record<string, number>, path: string, amount = 1) {
  if (!amount) return
  target[path] = (target[path] ?? 0) + amount
}

/** The station-month counters of one case (the dashboards read these). */
export function stationCounters(c: CaseDoc, f: CaseFacts = caseFacts(c)): Record<string, number> {
  const out: Record<string, number> = {}
  add(out, 'n')
  add(out, `cat.${c.category}`)
  add(out, `ch.${c.channel}`)
  add(out, `day.${shanghaiDate(c.createdAt).slice(8, 10)}`)
  add(out, 'seconds', c.secondCount ?? 0)
  if (f.merged) add(out, 'merged')
  if (f.declined) add(out, 'declined')
  if (f.reopened) add(out, 'reopened')
  if (!f.merged) {
    add(out, 'base')
    if (f.concluded) add(out, 'concluded')
    if (f.onTime) add(out, 'onTime')
    if (f.rated) add(out, 'rated')
    if (f.satisfied) add(out, 'sat')
    if (f.firstAnswerAt) {
      add(out, 'fa.n')
      add(out, 'fa.min', minutesBetween(c.createdAt, f.firstAnswerAt))
    }
    if (f.replyAt) {
      add(out, 'rp.n')
      add(out, 'rp.min', minutesBetween(c.createdAt, f.replyAt))
    }
    if (c.transfer?.unitId) {
      const u = `unit.${c.transfer.unitId}`
      add(out, `${u}.n`)
      if (f.concluded) add(out, `${u}.concluded`)
      if (f.onTime) add(out, `${u}.onTime`)
      if (f.rated) add(out, `${u}.rated`)
      if (f.satisfied) add(out, `${u}.sat`)
    }
  }
  return out
}

const byActor = (events: CaseEvent[], type: string) => events.filter((e) => e.type === type && e.actorRole === 'deputy' && e.actorId)

/**
 * Everything one case contributes: its station-month bucket, the month bucket of the deputy it was
 * addressed to (代表码, or the deputy on duty who recorded it), and the month buckets of the deputies
 * (by user id) who acted on it: 现场答复, 提请转办, recorded at a reception-day visit.
 */
export function contributionOf(c: CaseDoc): Contribution {
  const f = caseFacts(c)
  const month = monthOf(c.createdAt)
  const out: Contribution = { [stationBucket(c.stationId, month)]: stationCounters(c, f) }
  const events = c.events ?? []
  const onSite = byActor(events, 'answerOnSite')
  if (c.deputyId) {
    const d: Record<string, number> = {}
    add(d, 'received')
    if (f.rated) add(d, 'rated')
    if (f.satisfied) add(d, 'sat')
    out[deputyBucket(c.deputyId, month)] = d
  }
  const bump = (userId: string, at: string, path: string) => {
    const key = userBucket(userId, monthOf(at))
    out[key] = out[key] ?? {}
    add(out[key], path)
  }
  for (const e of onSite) bump(e.actorId!, e.at, 'onsite')
  for (const e of byActor(events, 'refer')) bump(e.actorId!, e.at, 'passedOn')
  const submit = events.find((e) => e.type === 'submit')
  if (submit && c.channel === 'reception' && submit.actorRole === 'deputy' && submit.actorId) bump(submit.actorId, submit.at, 'visits')
  // The satisfaction with what a deputy answered on the spot, when that deputy was not the addressee.
  const answeredBy = onSite.at(-1)
  if (answeredBy && f.rated && !c.deputyId) {
    bump(answeredBy.actorId!, c.rating!.at, 'rated')
    if (f.satisfied) bump(answeredBy.actorId!, c.rating!.at, 'sat')
  }
  return out
}

/** `next - prev`, per bucket and counter, without zero entries. */
export function contributionDelta(prev: Contribution, next: Contribution): Contribution {
  const out: Contribution = {}
  for (const bucket of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const a = prev[bucket] ?? {}
    const b = next[bucket] ?? {}
    for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = (b[path] ?? 0) - (a[path] ?? 0)
      if (d) (out[bucket] = out[bucket] ?? {})[path] = d
    }
  }
  return out
}

export function isEmptyContribution(c: Contribution): boolean {
  return Object.keys(c).length === 0
}

/** Sums contributions (a recount). */
export function sumContributions(all: Contribution[]): Contribution {
  return all.reduce((acc, c) => {
    for (const [bucket, counters] of Object.entries(c)) for (const [path, n] of Object.entries(counters)) add((acc[bucket] = acc[bucket] ?? {}), path, n)
    return acc
  }, {} as Contribution)
}

// ---- the definitions printed beside each figure --------------------------------------------------

export const DEFINITIONS = {
  received: '受理量：期间内提交的民意件数（按提交日计）；附议不另计件，并案件计入受理量',
  closureRate: '办结率 = 已办结件 ÷ 应办件。应办件为期间内提交、未并入他件的民意；已办结指群众评价办结、系统到期办结、不予受理（已告知途径）或列为议案建议素材',
  onTimeRate: '按时办结率 = 按时办结件 ÷ 已办结件。按时指从未因超过办理时限被督办，且承办单位在期限内答复；重新办理的件两次办理都须在时限内',
  satisfactionRate: '满意率 = （满意 + 基本满意）÷ 已评价件，按群众最后一次评价计；未评价、到期自动办结的件不计入',
  avgFirstAnswerHours: '平均首次响应时长：自提交至首次受理、答复、转报或告知不予受理的平均小时数',
  avgReplyHours: '平均答复时长：自提交至首次现场答复或承办单位答复的平均小时数',
} as const

export function rateOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null
}
