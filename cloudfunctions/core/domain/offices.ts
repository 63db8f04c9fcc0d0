// 分级负责 (graded transfer), the pure part: where a case goes when it is forwarded or escalated.
// A station's same-level office is the people's-congress organ of the station's own region
// (湖滨街道 → 湖滨街道人大工委); an office's upper level is the organ of the parent region
// (湖滨街道人大工委 → 滨湖区人大常委会). `chain` is the station's region and its ancestors, nearest first
// (application/shared/lookups.ts regionChain).
import { CASE_STATUS_LABELS, type CaseHandler, type HandlingLevel } from '@minyi/types'
import { DomainError } from './errors'
import type { CaseDoc, CaseOffice, RegionDoc } from './records'

/** The short name people use: "湖滨街道人大工委", "滨湖区人大常委会". */
export function officeShortName(region: Pick<RegionDoc, 'name' | 'level'>): string {
  return region.level === 'street' ? `${region.name}人大工委` : `${region.name}人大常委会`
}

export function officeOf(region: RegionDoc): CaseOffice {
  return { regionId: region._id, level: region.level, name: officeShortName(region) }
}

/** Where the case is held: at its station until it is forwarded, then with an office. */
export function holdingLevel(c: Pick<CaseDoc, 'office'>): HandlingLevel {
  return c.office ? 'office' : 'station'
}

/** The office one level above whoever holds the case now, or null when an office at the top holds it. */
export function upperOffice(c: Pick<CaseDoc, 'office'>, chain: RegionDoc[]): CaseOffice | null {
  if (!c.office) return chain[0] ? officeOf(chain[0]) : null
  const at = chain.findIndex((r) => r._id === c.office?.regionId)
  const parent = at >= 0 ? chain[at + 1] : undefined
  return parent ? officeOf(parent) : null
}

/** Where `forward` takes the case; refused (nothing changes) when the top office holds it already. */
export function forwardTarget(c: Pick<CaseDoc, 'office' | 'status'>, chain: RegionDoc[]): CaseOffice {
  const target = upperOffice(c, chain)
  if (!target) {
    throw new DomainError(
      'INVALID_STATE',
      `这条民意当前为「${CASE_STATUS_LABELS[c.status]}」，已由${c.office?.name ?? '最高一级人大机关'}办理，不能再向上转报`,
    )
  }
  return target
}

/**
 * Where a third 不满意 takes the case: one level above whoever handled it. At the top there is none
 * above: the top office handles it again, supervised by the district's 人大机关 (admin).
 */
export function escalationTarget(c: Pick<CaseDoc, 'office'>, chain: RegionDoc[]): { office: CaseOffice; atTop: boolean } {
  const upper = upperOffice(c, chain)
  if (upper) return { office: upper, atTop: false }
  const top = c.office ?? (chain.length ? officeOf(chain[chain.length - 1]) : null)
  if (!top) throw new Error('a case without any region above its station cannot be escalated')
  return { office: top, atTop: true }
}

/** The fields a move to `office` sets: the new holder, and one more office that may read the case. */
export function officeFields(c: Pick<CaseDoc, 'officeIds'>, office: CaseOffice): Pick<CaseDoc, 'office' | 'officeIds'> {
  const reached = c.officeIds ?? []
  return { office, officeIds: reached.includes(office.regionId) ? reached : [...reached, office.regionId] }
}

export function presentHandler(c: Pick<CaseDoc, 'office'>, stationName: string): CaseHandler {
  return c.office ? { level: c.office.level, name: c.office.name } : { level: 'station', name: stationName }
}
