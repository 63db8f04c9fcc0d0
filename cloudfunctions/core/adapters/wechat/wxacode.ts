// 小程序码 through `wxacode.getUnlimited`: the scene opens `pages/scan/index` in the mini-program.
import type { QrCodeMaker } from '../../ports'
import type { WxOpenApi } from './openapi'

export const SCAN_PAGE = 'pages/scan/index'

export function createWxacodeMaker(openapi: WxOpenApi, envVersion: 'release' | 'trial' | 'develop' = 'release'): QrCodeMaker {
  return {
    async make(scene) {
      const result = await openapi.wxacode.getUnlimited({ scene, page: SCAN_PAGE, checkPath: false, envVersion, width: 430 })
      if (result.errCode) throw new Error(`wxacode.getUnlimited failed: ${result.errCode} ${result.errMsg ?? ''}`)
      return { png: result.buffer }
    },
  }
}
