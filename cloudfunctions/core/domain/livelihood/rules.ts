// The pure rules of 民生实事代表票决: who may manage a round, the electorate, the receipt hashes,
// the majority threshold and who is chosen (ties at the boundary reported, not broken).
import { createHash } from 'node:crypto'
import { ROUND_TRANSITIONS, canMoveRound, type MajorityRule, type RoundCommand, type RoundStatus } from '@minyi/types'
import type { Caller } from '../caller'
import type { DeputyDoc } from '../records'
import type { MilestoneRecord, RoundDoc } from './records'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** The anonymous ballot's id: only someone holding the receipt can compute it. */
export const ballotIdFor = (roundId: string, receipt: string) => `b_${sha(`ballot|${roundId}|${receipt}`).slice(0, 40)}`
/** What the deputy's token keeps: a commitment that proves a retry is the same cast, unrelated to the ballot id. */
export const tokenCommitFor = (roundId: string, receipt: string) => sha(`token|${roundId}|${receipt}`)
export const tokenIdFor = (roundId: string, deputyId: string) => `bt_${roundId}_${deputyId}`

/**
 * The congress office of a round: the district's admin (any round of their district), or staff of
 * the congress office of the round's region (街道人大工委 for a street round, 区人大常委会 for a district one).
 */
export function managesRound(caller: Caller, round: Pick<RoundDoc, 'regionId' | 'districtId'>): boolean {
  if (caller.role === 'admin') return caller.regionId === round.districtId
  if (caller.role === 'staff') return caller.office?.regionId === round.regionId || caller.office?.regionId === round.districtId
  return false
}

/** Who may open a round for a region: the same office rule, applied to the region asked for. */
export function mayOpenRound(caller: Caller, regionId: string, districtId: string): boolean {
  return managesRound(caller, { regionId, districtId })
}

/** Station staff of the round's area moderate proposals and turn cases into proposals, as the office does. */
export function moderatesRound(caller: Caller, round: Pick<RoundDoc, 'regionId' | 'districtId'>, stationRegions: Map<string, string[]>): boolean {
  if (managesRound(caller, round)) return true
  if (caller.role !== 'staff') return false
  return caller.stationIds.some((id) => (stationRegions.get(id) ?? []).includes(round.regionId))
}

export function roundCommandsFor(caller: Caller, round: RoundDoc): RoundCommand[] {
  if (!managesRound(caller, round)) return []
  return (Object.keys(ROUND_TRANSITIONS) as RoundCommand[]).filter(
    (command) => canMoveRound(command, round.status) && (ROUND_TRANSITIONS[command].roles as readonly string[]).includes(caller.role),
  )
}

export function assertRoundStatus(round: RoundDoc, allowed: readonly RoundStatus[]): boolean {
  return allowed.includes(round.status)
}

/** The deputies of a level: 区人大代表 for a district round, 街道（乡镇）人大代表 for a street round. */
export function inElectorateOf(deputy: DeputyDoc, level: RoundDoc['level'], stationIdsInRegion: ReadonlySet<string>): boolean {
  const wanted = level === 'district' ? 'county' : 'township'
  return deputy.level === wanted && deputy.stationIds.some((id) => stationIdsInRegion.has(id))
}

/** Votes a candidate needs: more than half of the base, or one vote under plurality. */
export function majorityThreshold(rule: MajorityRule, electorateSize: number, ballots: number): number {
  if (rule === 'over_half_electorate') return Math.floor(electorateSize / 2) + 1
  if (rule === 'over_half_ballots') return Math.floor(ballots / 2) + 1
  return 1
}

export interface Outcome {
  chosenIds: string[]
  tie: { candidateIds: string[]; votes: number; seatsLeft: number } | null
}

/**
 * Chosen = the top `seats` of the candidates that reach the threshold. When the candidates with the
 * boundary number of votes do not fit into the places left, those above are chosen and the tied
 * ones are reported with how many places are left; nothing is decided by order or chance.
 */
export function chooseProjects(counts: Record<string, number>, seats: number, threshold: number): Outcome {
  const eligible = Object.entries(counts)
    .filter(([, votes]) => votes >= threshold)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (eligible.length <= seats) return { chosenIds: eligible.map(([id]) => id), tie: null }
  const boundary = eligible[seats - 1][1]
  const above = eligible.filter(([, v]) => v > boundary).map(([id]) => id)
  const at = eligible.filter(([, v]) => v === boundary).map(([id]) => id)
  if (above.length + at.length <= seats) return { chosenIds: [...above, ...at], tie: null }
  return { chosenIds: above, tie: { candidateIds: at.sort(), votes: boundary, seatsLeft: seats - above.length } }
}

/** The next time the deadline job must look at a project: its earliest undone, unflagged milestone. */
export function nextDueOf(milestones: Record<string, MilestoneRecord>): string | null {
  const due = Object.values(milestones)
    .filter((m) => !m.doneAt && !m.flaggedAt)
    .map((m) => m.dueAt)
    .sort()
  return due[0] ?? null
}
