// Addresses of the resident's own-data pages (subpackage `packageMine`) and of the staff's 代录 page.
export const MINE_PAGES = {
  myData: '/packageMine/pages/my-data/index',
  claim: '/packageMine/pages/claim/index',
} as const

export const ASSISTED_PAGE = '/packageWork/pages/assisted/index'

export const mineUrls = {
  claim: (code?: string) => (code ? `${MINE_PAGES.claim}?code=${encodeURIComponent(code)}` : MINE_PAGES.claim),
}
