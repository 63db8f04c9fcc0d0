// Saving a generated file (述职报告 PDF, Excel export) the api returned as base64: on h5 a download
// link, on weapp a file in the user data folder opened with the system viewer (which can forward or print it).
import Taro from '@tarojs/taro'

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export async function saveFile(fileName: string, contentBase64: string): Promise<void> {
  const ext = fileName.split('.').pop() ?? ''
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH}/${fileName}`
    await new Promise<void>((resolve, reject) =>
      Taro.getFileSystemManager().writeFile({ filePath, data: contentBase64, encoding: 'base64', success: () => resolve(), fail: reject }),
    )
    await Taro.openDocument({ filePath, fileType: ext as 'pdf', showMenu: true } as never)
    return
  }
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
