// WeChat content security check v2. It needs the author's openid; `suggest` is pass/review/risky.
import type { ContentCheck } from '../../ports'
import { type WxOpenApi, wxErrorCode } from './openapi'

const SCENE_COMMENT = 2
const MAX_CHARS = 2500

export function createMsgSecCheck(openapi: WxOpenApi, log: (message: string, detail?: unknown) => void): ContentCheck {
  return {
    async check(text, openid) {
      try {
        const result = await openapi.security.msgSecCheck({ openid, scene: SCENE_COMMENT, version: 2, content: text.slice(0, MAX_CHARS) })
        const suggest = result.result?.suggest ?? 'review'
        return { result: suggest, label: result.result ? String(result.result.label) : undefined }
      } catch (error) {
        // If WeChat cannot be asked, accept the text but let a person look at it.
        log('msgSecCheck unavailable; flagging for review', wxErrorCode(error))
        return { result: 'review', label: 'check-unavailable' }
      }
    },
  }
}
