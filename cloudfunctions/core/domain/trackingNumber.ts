import { shanghaiDate } from '@minyi/types'

/** A resident-facing number such as `MY20261122-0007`: the Shanghai date and that day's sequence. */
export function formatTrackingNo(at: Date, sequence: number): string {
  return `MY${shanghaiDate(at).replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`
}

export function trackingCounterId(at: Date): string {
  return `case-tracking:${shanghaiDate(at)}`
}
