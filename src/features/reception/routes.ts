// Addresses of the reception-day pages (subpackage `packageReception`), for links from the main
// package (station page, 我的) and within the subpackage.
export const RECEPTION_PAGES = {
  book: '/packageReception/pages/book/index',
  myBookings: '/packageReception/pages/my-bookings/index',
  duties: '/packageReception/pages/duties/index',
  manage: '/packageReception/pages/manage/index',
  day: '/packageReception/pages/day/index',
  rules: '/packageReception/pages/rules/index',
} as const

const query = (path: string, params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export const receptionUrls = {
  /** The booking page of a station, optionally with one day already chosen. */
  book: (stationCode: string, occurrenceId?: string) => query(RECEPTION_PAGES.book, { station: stationCode, day: occurrenceId }),
  day: (occurrenceId: string) => query(RECEPTION_PAGES.day, { id: occurrenceId }),
  manage: (stationId?: string) => query(RECEPTION_PAGES.manage, { station: stationId }),
  rules: (stationId?: string) => query(RECEPTION_PAGES.rules, { station: stationId }),
}
