// 扫一扫 on weapp: a 民意码/代表码 opens pages/scan/index with `scene`; scanning it from inside the
// mini-program returns that path (or, for a plain QR code, its text).
import Taro from '@tarojs/taro'
import { parseScene, type Scene } from '@minyi/types/scene'
import { urls } from '../../services/navigation'
import { mineUrls } from '../a11y/routes'

/** The scene in whatever a scan returned: a page path with `scene=`, a URL, or the scene itself. */
export function sceneFromScan(result: { path?: string; result?: string }): Scene | null {
  for (const text of [result.path, result.result]) {
    if (!text) continue
    const match = /[?&#]scene=([^&#]+)/.exec(text)
    const scene = parseScene(match ? match[1] : text)
    if (scene) return scene
  }
  return null
}

export function sceneUrl(scene: Scene): string {
  if (scene.kind === 'invitation') return urls.invitation(scene.code)
  if (scene.kind === 'claim') return mineUrls.claim(scene.code)
  return scene.kind === 'station' ? urls.station(scene.code) : urls.deputy(scene.code)
}

export async function scanAndOpen(): Promise<void> {
  let result: { path?: string; result?: string }
  try {
    result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] as never })
  } catch {
    return // cancelled
  }
  const scene = sceneFromScan(result)
  if (!scene) {
    await Taro.showModal({ title: '无法识别', content: '这不是民意通的民意码或代表码，请扫描联络站公示栏上的二维码。', showCancel: false, confirmText: '知道了' })
    return
  }
  await Taro.navigateTo({ url: sceneUrl(scene) })
}
