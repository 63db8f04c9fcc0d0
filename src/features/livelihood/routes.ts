// Addresses of the 民生实事 pages (subpackage packageLivelihood).
export const LIVELIHOOD_PAGES = {
  round: '/packageLivelihood/pages/round/index',
  propose: '/packageLivelihood/pages/propose/index',
  vote: '/packageLivelihood/pages/vote/index',
  deputy: '/packageLivelihood/pages/deputy/index',
  project: '/packageLivelihood/pages/project/index',
  office: '/packageLivelihood/pages/office/index',
  manage: '/packageLivelihood/pages/manage/index',
} as const

const query = (path: string, params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export const livelihoodUrls = {
  round: (params: { id?: string; station?: string } = {}) => query(LIVELIHOOD_PAGES.round, params),
  propose: (round: string, station?: string) => query(LIVELIHOOD_PAGES.propose, { round, station }),
  vote: (id: string) => query(LIVELIHOOD_PAGES.vote, { id }),
  project: (id: string) => query(LIVELIHOOD_PAGES.project, { id }),
  manage: (id: string) => query(LIVELIHOOD_PAGES.manage, { id }),
}
