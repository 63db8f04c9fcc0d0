// Locally a 民意码 is a plain QR code of the h5 URL that carries the same scene the 小程序码
// would carry in production.
import QRCode from 'qrcode'
import type { QrCodeMaker } from '../../ports'

export function h5ScanUrl(baseUrl: string, scene: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/pages/scan/index?scene=${encodeURIComponent(scene)}`
}

export function createLocalQrCodeMaker(baseUrl: string): QrCodeMaker {
  return {
    async make(scene) {
      const png = await QRCode.toBuffer(h5ScanUrl(baseUrl, scene), { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' })
      return { png }
    },
  }
}
