import type { ContentCheckResult } from '@minyi/types'

/** WeChat `security.msgSecCheck` v2 in production; a word list locally. */
export interface ContentCheck {
  check(text: string, openid: string): Promise<{ result: ContentCheckResult; label?: string }>
}
