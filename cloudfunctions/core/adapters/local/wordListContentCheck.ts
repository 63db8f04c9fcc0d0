// The local stand-in for WeChat's content check: a small word list. `risky` words are refused,
// `review` words are accepted and flagged for staff. Production uses security.msgSecCheck.
import type { ContentCheck } from '../../ports'

export const RISKY_WORDS = ['六合彩', '代开发票', '办证刻章', '出售枪支', '毒品交易', '网络赌博', '色情服务']
export const REVIEW_WORDS = ['去死', '王八蛋', '狗官', '傻逼', '人肉搜索']

export function createWordListContentCheck(words = { risky: RISKY_WORDS, review: REVIEW_WORDS }): ContentCheck {
  return {
    async check(text) {
      const risky = words.risky.find((w) => text.includes(w))
      if (risky) return { result: 'risky', label: risky }
      const review = words.review.find((w) => text.includes(w))
      if (review) return { result: 'review', label: review }
      return { result: 'pass' }
    },
  }
}
