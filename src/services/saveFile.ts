// A file the api returned as base64 (述职报告, 海报, Excel exports, 回执, 我的数据): on h5 a download; on
// weapp a file in the user data folder, opened with the system viewer (which can print or forward it),
// or sent as a chat file where the viewer cannot open it (JSON).
import Taro from '@tarojs/taro'

export interface SavedFile {
  fileName: string
  base64: string
  /** The MIME type; taken from the file name's extension when absent. */
  contentType?: string
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  csv: 'text/csv',
}
/** What wx.openDocument can show. */
const VIEWABLE = ['pdf', 'xlsx', 'xls', 'doc', 'docx', 'ppt', 'pptx']

export async function saveFile(file: SavedFile): Promise<void> {
  const ext = (file.fileName.split('.').pop() ?? '').toLowerCase()
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType ?? TYPES[ext] ?? 'application/octet-stream' }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const filePath = `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH ?? ''}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, file.base64, 'base64')
  if (VIEWABLE.includes(ext)) {
    await Taro.openDocument({ filePath, fileType: ext as 'pdf', showMenu: true } as never)
    return
  }
  await (Taro as unknown as { shareFileMessage: (o: { filePath: string; fileName: string }) => Promise<unknown> }).shareFileMessage({ filePath, fileName: file.fileName })
}
