// A case as the public sees it (Open311 `requests.json`, the nightly archive): the pure part.
// Published only after moderation: the content check passed (not `review`), not merged into
// another case. Text has runs of digits masked (phones, ids, house numbers), e-mail addresses
// removed; no names, phones, openids, resident ids, photos or staff notes ever appear.
import { CASE_STATUS_LABELS, CATEGORY_LABELS, CATEGORIES, type CaseStatus, type Category, type Open311Request } from '@minyi/types'
import type { PartnerCaseDoc } from './records'

const CLOSED: readonly CaseStatus[] = ['replied', 'closed', 'declined', 'proposal']

export function isPublicCase(c: Pick<PartnerCaseDoc, 'contentCheck' | 'status'>): boolean {
  return c.contentCheck === 'pass' && c.status !== 'merged'
}

export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return CLOSED.includes(status) ? 'closed' : 'open'
}

/** The statuses an Open311 `status` filter means. */
export function statusesFor(status: 'open' | 'closed'): CaseStatus[] {
  return (Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).filter((s) => s !== 'merged' && open311Status(s) === status)
}

/**
 * Runs of 3 or more digits (with spaces or hyphens between) become `*`s; e-mail addresses go; the
 * names we know belong to the case's people (its author, a partner's contact) are masked too.
 */
export function maskText(text: string, names: string[] = []): string {
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length)
  const named = known.reduce((t, name) => t.split(name).join('*'.repeat(Array.from(name).length)), text)
  return named
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***')
    .replace(/[0-9０-９](?:[\s-]*[0-9０-９]){2,}/g, (run) => run.replace(/[0-9０-９]/g, '*'))
}

/** Places keep no house, building or room numbers: every digit is masked. */
export function maskPlace(place: string, names: string[] = []): string {
  return maskText(place, names).replace(/[0-9０-９]/g, '*')
}

/** `2026-11-23T10:00:00+08:00`: the instant in Shanghai time, as the spec's examples write it. */
export function offsetIso(at: string | Date): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000)
  return `${d.toISOString().slice(0, 19)}+08:00`
}

const round3 = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null)

export function isServiceCode(code: string): code is Category {
  return (CATEGORIES as readonly string[]).includes(code)
}

/**
 * The public record of a case: Open311 field names. `stationName` is the station's public name;
 * `names` the names of the case's people, masked wherever the text mentions them.
 */
export function publicRequest(c: PartnerCaseDoc, stationName: string, names: string[] = []): Open311Request {
  const closed = open311Status(c.status) === 'closed'
  return {
    service_request_id: c.trackingNo,
    status: open311Status(c.status),
    status_notes: CASE_STATUS_LABELS[c.status],
    service_name: CATEGORY_LABELS[c.category],
    service_code: c.category,
    description: maskText(c.content, names),
    agency_responsible: c.transfer?.unitName ?? c.office?.name ?? stationName,
    service_notice: null,
    requested_datetime: offsetIso(c.createdAt),
    updated_datetime: offsetIso(c.updatedAt),
    expected_datetime: !closed && c.deadline ? offsetIso(c.deadline.dueAt) : null,
    address: c.place ? maskPlace(c.place, names) : null,
    address_id: null,
    zipcode: null,
    // Only what a partner sent, rounded to about 100 m.
    lat: round3(c.partner?.lat),
    long: round3(c.partner?.long),
    media_url: null,
  }
}

export const CSV_COLUMNS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'lat',
  'long',
] as const satisfies ReadonlyArray<keyof Open311Request>

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const s = String(value)
  // Formula injection: a cell a spreadsheet would evaluate starts with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV with a header row, CRLF line ends and a UTF-8 BOM (so spreadsheet software reads Chinese). */
export function toCsv(rows: Open311Request[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((col) => csvCell(r[col])).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function toJsonLines(rows: Open311Request[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '')
}
