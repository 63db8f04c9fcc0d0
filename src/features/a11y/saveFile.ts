// A file the api returned (base64): downloaded on h5, opened or shared on weapp.
import Taro from '@tarojs/taro'
import type { FileOutput } from '@minyi/types/privacyViews'

export async function saveFile(file: FileOutput): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const path = `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH ?? ''}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(path, file.base64, 'base64')
  if (file.contentType === 'application/pdf') await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true })
  else await (Taro as unknown as { shareFileMessage: (o: { filePath: string; fileName: string }) => Promise<unknown> }).shareFileMessage({ filePath: path, fileName: file.fileName })
}
