// Photos a resident attaches to an opinion: chosen, made smaller on the device, then uploaded the way
// `photo.uploadPolicy` says. Kept in this one small module (no UI) so the main package carries little.
//   weapp: Taro.chooseMedia (compressed) → Taro.compressImage (long side ≤ 1280 px) →
//          `photo.uploadPolicy { ext }` (a fresh server-chosen `cloudPath` per photo, remembered so
//          that an unsubmitted photo is deleted after a day) → Taro.cloud.uploadFile to it; the file
//          id goes into `case.submit`.
//   h5:    a File from <input type=file> → canvas, long side ≤ 1280 px, JPEG 0.7 →
//          POST to `uploadUrl` (raw body, X-Dev-User) → `{ fileId }`.
// Every failure is a PhotoError with a Chinese message for the page.
import Taro from '@tarojs/taro'
import type { ActionOutput } from '@minyi/types/actions'
import { PHOTO_LIMIT_MESSAGES, PHOTO_MAX_BYTES } from '@minyi/types/photos'
import { callApi, NETWORK_ERROR_MESSAGE } from '../../services/api'
import { getDevUserId } from '../../services/devUser'

export type UploadPolicy = ActionOutput<'photo.uploadPolicy'>
/** weapp: a temp file path; h5: the File the person picked. */
export type PhotoSource = string | File

/** Longest side after compression, in pixels, and the JPEG quality (0–1). */
export const MAX_SIDE = 1280
export const JPEG_QUALITY = 0.7
const UPLOAD_TIMEOUT_MS = 60_000
const UPLOAD_FAILED = '照片上传失败，请点一下照片重试'

export class PhotoError extends Error {}

type PhotoExt = 'jpg' | 'png' | 'webp'

let policy: Promise<UploadPolicy> | null = null
/**
 * h5 (no `ext`): asked once per session; a failure is not cached. weapp: asked for every photo with
 * its extension: the server picks the cloud path and remembers it (a photo never submitted is
 * deleted after a day).
 */
export function uploadPolicy(ext?: PhotoExt): Promise<UploadPolicy> {
  if (ext) return callApi('photo.uploadPolicy', { ext })
  policy ??= callApi('photo.uploadPolicy', {}).catch((error: unknown) => {
    policy = null
    throw error
  })
  return policy
}

async function policyOrError(ext?: PhotoExt): Promise<UploadPolicy> {
  try {
    return await uploadPolicy(ext)
  } catch (error) {
    throw new PhotoError(error instanceof Error && error.message ? error.message : UPLOAD_FAILED)
  }
}

function randomName(): string {
  let name = Date.now().toString(36)
  while (name.length < 24) name += Math.floor(Math.random() * 36 ** 6).toString(36)
  return name.slice(0, 24)
}

/** weapp: lets the person pick up to `count` photos (album or camera); [] when they cancel. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp' || count <= 0) return []
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return result.tempFiles.map((file) => file.tempFilePath)
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return []
    throw new PhotoError('没有选到照片，请再试一次')
  }
}

async function compressWeapp(path: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path })
    const longSide = Math.max(info.width, info.height)
    const size = longSide > MAX_SIDE ? (info.width >= info.height ? { compressedWidth: MAX_SIDE } : { compressedHeight: MAX_SIDE }) : {}
    const result = await Taro.compressImage({ src: path, quality: Math.round(JPEG_QUALITY * 100), ...size })
    return result.tempFilePath
  } catch {
    // Older WeChat versions: chooseMedia already gave the compressed copy.
    return path
  }
}

async function uploadWeapp(path: string, onProgress: (percent: number) => void): Promise<string> {
  const filePath = await compressWeapp(path)
  const ext: PhotoExt = /\.png$/i.test(filePath) ? 'png' : /\.webp$/i.test(filePath) ? 'webp' : 'jpg'
  const target = await policyOrError(ext)
  // The server's path for this photo; an older server only gives the folder.
  const cloudPath = target.cloudPath ?? (target.pathPrefix ? `${target.pathPrefix}${randomName()}.${ext}` : null)
  if (!cloudPath) throw new PhotoError(UPLOAD_FAILED)
  return new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (result) => resolve(result.fileID),
      fail: () => reject(new PhotoError(UPLOAD_FAILED)),
    })
    task?.onProgressUpdate?.((update) => onProgress(update.progress))
  })
}

function loadImage(file: File): Promise<{ image: HTMLImageElement; release: () => void }> {
  const url = URL.createObjectURL(file)
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve({ image, release: () => URL.revokeObjectURL(url) })
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new PhotoError('这张图片打不开，请换一张照片'))
    }
    image.src = url
  })
}

/** h5: draws the photo into a canvas no larger than MAX_SIDE and encodes it as JPEG. */
export async function compressInBrowser(file: File): Promise<Blob> {
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError(PHOTO_LIMIT_MESSAGES.type)
  const { image, release } = await loadImage(file)
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight, 1))
    const width = Math.max(1, Math.round(image.naturalWidth * scale))
    const height = Math.max(1, Math.round(image.naturalHeight * scale))
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new PhotoError(UPLOAD_FAILED)
    // Transparent PNGs would turn black in a JPEG.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.drawImage(image, 0, 0, width, height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
    if (!blob) throw new PhotoError(UPLOAD_FAILED)
    return blob
  } finally {
    release()
  }
}

function postInBrowser(url: string, body: Blob, onProgress: (percent: number) => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${process.env.TARO_APP_API_BASE || ''}${url}`)
    xhr.setRequestHeader('content-type', body.type || 'image/jpeg')
    const devUser = getDevUserId()
    if (devUser) xhr.setRequestHeader('X-Dev-User', devUser)
    xhr.timeout = UPLOAD_TIMEOUT_MS
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)))
    }
    xhr.onload = () => {
      let answer: { ok?: boolean; data?: { fileId?: string }; error?: { message?: string } } | null = null
      try {
        answer = JSON.parse(xhr.responseText)
      } catch {
        answer = null
      }
      if (answer?.ok && answer.data?.fileId) resolve(answer.data.fileId)
      // The server's own Chinese message (too large, wrong type, daily limit…).
      else reject(new PhotoError(answer?.error?.message || UPLOAD_FAILED))
    }
    xhr.onerror = () => reject(new PhotoError(NETWORK_ERROR_MESSAGE))
    xhr.ontimeout = () => reject(new PhotoError(NETWORK_ERROR_MESSAGE))
    xhr.send(body)
  })
}

/** Compresses and uploads one photo; resolves with the reference `case.submit` takes. */
export async function uploadPhoto(source: PhotoSource, onProgress: (percent: number) => void = () => undefined): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof source !== 'string') throw new PhotoError(UPLOAD_FAILED)
    const fileId = await uploadWeapp(source, onProgress)
    onProgress(100)
    return fileId
  }
  const target = await policyOrError()
  if (typeof source === 'string' || !target.uploadUrl) throw new PhotoError(UPLOAD_FAILED)
  const blob = await compressInBrowser(source)
  if (blob.size > (target.maxBytes || PHOTO_MAX_BYTES)) throw new PhotoError(PHOTO_LIMIT_MESSAGES.size)
  const fileId = await postInBrowser(target.uploadUrl, blob, onProgress)
  onProgress(100)
  return fileId
}
