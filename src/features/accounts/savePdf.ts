// Hands a generated PDF (base64 from the api) to the person: a download in the browser, the
// document viewer (print / forward) in WeChat.
import Taro from '@tarojs/taro'

export async function savePdf(base64: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
}
