// Shared steps for the 民生实事 api tests: a district round of 滨湖区 (2026) opened by the admin,
// proposals, a shortlist and a vote among the district's deputies (王建国, 李秀梅, 赵敏).
import { randomBytes } from 'node:crypto'
import type { DeputyDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { devOpenid } from '../../server/devIdentity'
import type { Harness } from '../support/apiHarness'

export const ADMIN = 'dev-admin-1'
export const DISTRICT_OFFICE = 'dev-office-2'
export const STREET_OFFICE = 'dev-office-1'
export const DISTRICT_DEPUTIES = ['dev-deputy-1', 'dev-deputy-2', 'dev-deputy-5']
export const STREET_DEPUTY = 'dev-deputy-3'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** A receipt as the deputy's device makes it: 16 random base32 characters. */
export function receipt(): string {
  return Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join('')
}

export async function openRound(h: Harness, who = ADMIN, change: Record<string, unknown> = {}): Promise<string> {
  const round = await h.ok(who, 'livelihood.round.create', {
    year: 2026,
    level: 'district',
    regionId: 'region-binhu',
    title: '2027年度滨湖区民生实事项目征集',
    collectFrom: '2026-11-01',
    collectUntil: '2026-12-31',
    ...change,
  })
  return round.id
}

export async function propose(h: Harness, roundId: string, who = 'dev-resident-1', title = '湖滨公园增设适老化休息座椅'): Promise<string> {
  const p = await h.ok(who, 'livelihood.proposal.submit', {
    roundId,
    title,
    description: '湖滨公园步道沿线座椅太少，老年人散步走一段就没有地方休息，建议增设带扶手的座椅。',
    place: '湖滨公园环湖步道',
    beneficiaries: '周边社区老年人',
    stationCode: 'HBJD',
  })
  return p.id
}

export const candidateInput = (roundId: string, title: string, proposalIds: string[] = []) => ({
  roundId,
  title,
  description: `${title}：按照群众建议统一规划、分步实施，年底前完成。`,
  budgetWan: 120,
  unitName: '滨湖区城市管理局',
  timeFrame: '2027年1月至12月',
  proposalIds,
})

/** A round in `voting`: `candidates` candidate projects, `seats` of them to choose, open from now for two days. */
export async function votingRound(h: Harness, options: { seats?: number; candidates?: number; majority?: string; year?: number } = {}) {
  const roundId = await openRound(h, ADMIN, options.year ? { year: options.year } : {})
  const proposalId = await propose(h, roundId)
  await h.ok('dev-staff-1', 'livelihood.proposal.moderate', { proposalId, decision: 'approve' })
  await h.ok('dev-resident-2', 'livelihood.proposal.support', { proposalId })
  await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'startShortlist' })
  const titles = ['湖滨公园适老化改造', '翠苑小区加装电梯', '望湖路口信号灯优化', '社区食堂建设', '老旧管网改造'].slice(0, options.candidates ?? 3)
  const candidateIds: string[] = []
  for (const [i, title] of titles.entries()) {
    candidateIds.push((await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, title, i === 0 ? [proposalId] : []))).id)
  }
  const now = h.clock.now().getTime()
  await h.ok(ADMIN, 'livelihood.vote.configure', {
    roundId,
    seats: options.seats ?? 2,
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 2 * 86_400_000).toISOString(),
    majority: options.majority ?? 'over_half_electorate',
  })
  await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'openVote' })
  return { roundId, proposalId, candidateIds }
}

export async function vote(h: Harness, deputy: string, roundId: string, choices: string[], code = receipt()) {
  await h.ok(deputy, 'livelihood.ballot.cast', { roundId, choices, receipt: code })
  return code
}

/** Adds `n` district deputies (区人大代表 at 湖滨) with accounts `bulk-deputy-<i>`. */
export async function addDeputies(h: Harness, n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i += 1) {
    const deputyId = `deputy-bulk-${i}`
    const userId = `bulk-deputy-${i}`
    const deputy: DeputyDoc = { _id: deputyId, code: `BK${i}`, name: `代表${i}`, level: 'county', photoUrl: '', commitment: '', bio: '', stationIds: ['station-hubin'], headOf: [] }
    await h.store.collection<DeputyDoc>('deputies').insert(deputy)
    const user: UserDoc = { _id: userId, openid: devOpenid(userId), role: 'deputy', name: deputy.name, stationIds: [], deputyId, regionId: 'region-binhu', credits: {}, createdAt: '2026-01-01T00:00:00.000Z' }
    await h.store.collection<UserDoc>('users').insert(user)
    ids.push(userId)
  }
  return ids
}

/** A round whose vote is over and published: the first candidate chosen (3 votes), a project under way. */
export async function carryingOut(h: Harness) {
  const v = await votingRound(h, { seats: 1 })
  for (const d of DISTRICT_DEPUTIES) await vote(h, d, v.roundId, [v.candidateIds[0]])
  await h.ok(ADMIN, 'livelihood.round.move', { roundId: v.roundId, command: 'publishResults' })
  return { ...v, projectId: v.candidateIds[0] }
}
