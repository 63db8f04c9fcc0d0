// Terms of office (届) of a district's congress, as data: the district's region document carries
// `terms: [{ id, name, from, to }]` (validated by `termsSchema`). A district without them gets the
// default rule: five-year terms counted from the 2021–2022 county-level elections (2022-01-01 –
// 2026-12-31, 2027-01-01 – 2031-12-31, …), named by their years. A record covers one term or one
// calendar year within a term (述职 is yearly within a term); rollups are monthly, so a period is
// counted by the months it touches (terms normally start and end with a month).
import { termsSchema, type Term } from '@minyi/types'

export const DEFAULT_TERM_YEARS = 5
export const DEFAULT_TERM_ANCHOR = 2022

function defaultTerm(year: number): Term {
  const start = DEFAULT_TERM_ANCHOR + Math.floor((year - DEFAULT_TERM_ANCHOR) / DEFAULT_TERM_YEARS) * DEFAULT_TERM_YEARS
  const end = start + DEFAULT_TERM_YEARS - 1
  return { id: `t${start}`, name: `${start}—${end}年任期`, from: `${start}-01-01`, to: `${end}-12-31` }
}

/** The district's terms (oldest first), or the default rule's current and previous term. */
export function termsOf(raw: unknown, today: string): Term[] {
  const parsed = raw === undefined || raw === null ? null : termsSchema.safeParse(raw)
  if (parsed?.success && parsed.data.length) return [...parsed.data].sort((a, b) => a.from.localeCompare(b.from))
  const current = defaultTerm(Number(today.slice(0, 4)))
  return [defaultTerm(Number(current.from.slice(0, 4)) - 1), current]
}

/** The term holding this day; else the last one that began before it; else the first. */
export function termAt(terms: Term[], date: string): Term {
  return terms.find((t) => t.from <= date && date <= t.to) ?? [...terms].reverse().find((t) => t.from <= date) ?? terms[0]
}

/** Calendar years a term touches. */
export function yearsOf(term: Term): number[] {
  const out: number[] = []
  for (let y = Number(term.from.slice(0, 4)); y <= Number(term.to.slice(0, 4)); y += 1) out.push(y)
  return out
}

/** One calendar year within a term (clipped to the term's days), or null when the year is outside it. */
export function yearWithin(term: Term, year: number): { from: string; to: string } | null {
  const from = `${year}-01-01` > term.from ? `${year}-01-01` : term.from
  const to = `${year}-12-31` < term.to ? `${year}-12-31` : term.to
  return from <= to ? { from, to } : null
}

/** The months (YYYY-MM) a period touches. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    if (key > last) break
    out.push(key)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** 2022-01-01 → 2022年1月 */
export const monthLabel = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`
