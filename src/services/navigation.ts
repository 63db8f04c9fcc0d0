// Page addresses in one place, and navigation that knows which pages are tabs.
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  scan: '/pages/scan/index',
  station: '/pages/station/index',
  deputy: '/pages/deputy/index',
  submit: '/pages/submit/index',
  privacy: '/pages/privacy/index',
  case: '/pages/case/index',
  login: '/pages/login/index',
  inbox: '/packageWork/pages/inbox/index',
  workCase: '/packageWork/pages/case/index',
  knowledge: '/packageWork/pages/knowledge/index',
  suggestions: '/packageWork/pages/suggestions/index',
  suggestion: '/packageWork/pages/suggestion/index',
  invitation: '/pages/invitation/index',
  adminAccounts: '/packageAdmin/pages/accounts/index',
  adminPosters: '/packageAdmin/pages/posters/index',
  insightDashboard: '/packageInsight/pages/dashboard/index',
  insightHotspot: '/packageInsight/pages/hotspot/index',
  insightRecords: '/packageInsight/pages/records/index',
  insightRecord: '/packageInsight/pages/record/index',
} as const

export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.messages, PAGES.mine]

function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export const urls = {
  station: (code: string) => withQuery(PAGES.station, { code }),
  deputy: (code: string) => withQuery(PAGES.deputy, { code }),
  submit: (query: { station?: string; deputy?: string }) => withQuery(PAGES.submit, query),
  case: (id: string, extra: { submitted?: string; review?: boolean } = {}) =>
    withQuery(PAGES.case, { id, submitted: extra.submitted, review: extra.review ? 1 : undefined }),
  workCase: (id: string) => withQuery(PAGES.workCase, { id }),
  /** 议案建议: the list; with `caseId`, a deputy chooses the draft to add that case to. */
  suggestions: (query: { caseId?: string } = {}) => withQuery(PAGES.suggestions, query),
  suggestion: (id: string) => withQuery(PAGES.suggestion, { id }),
  /** 接受邀请: the page an invitation QR (scene `i=<code>`) opens. */
  invitation: (code: string) => withQuery(PAGES.invitation, { code }),
  /** 热点: one hot spot of the dashboard (by id, within the same period and station). */
  insightHotspot: (query: { id: string; stationId?: string }) => withQuery(PAGES.insightHotspot, query),
  /** 履职档案 of a deputy (the caller's own when omitted). */
  insightRecord: (query: { deputyId?: string; year?: number } = {}) => withQuery(PAGES.insightRecord, query),
  login: (back?: string) => withQuery(PAGES.login, { back }),
}

function pathOf(url: string): string {
  const path = url.split('?')[0]
  return path.startsWith('/') ? path : `/${path}`
}

export function isTabPage(url: string): boolean {
  return TAB_PAGES.includes(pathOf(url))
}

/** Opens a page, switching tabs when it is one (tab pages cannot be pushed). */
export function go(url: string): void {
  if (isTabPage(url)) {
    void Taro.switchTab({ url: pathOf(url) })
    return
  }
  void Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }))
}

/** Replaces the current page (scan → station, submit → case). */
export function replace(url: string): void {
  if (isTabPage(url)) {
    void Taro.switchTab({ url: pathOf(url) })
    return
  }
  void Taro.redirectTo({ url })
}

export function goBackOr(url: string): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
    return
  }
  replace(url)
}

/**
 * A query value as the page received it. h5 (hash routing) and WeChat both hand values over
 * percent-encoded, sometimes twice; decode until nothing is left to decode.
 */
export function decodeParam(value: string | undefined | null): string {
  if (!value) return ''
  let result = value
  for (let i = 0; i < 3 && /%[0-9A-Fa-f]{2}/.test(result); i += 1) {
    try {
      result = decodeURIComponent(result)
    } catch {
      break
    }
  }
  return result
}

/** The current page with its query, to come back to after signing in. */
export function currentUrl(): string {
  const page = Taro.getCurrentInstance().router
  if (!page) return PAGES.home
  const path = pathOf(page.path.split('?')[0])
  const query = Object.entries(page.params ?? {})
    .filter(([key, value]) => key !== 'stamp' && key !== '$taroTimestamp' && typeof value === 'string' && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(decodeParam(value as string))}`)
  return query.length ? `${path}?${query.join('&')}` : path
}
