// Photos in CloudBase storage. The mini-program uploads with `Taro.cloud.uploadFile` to
// `uploads/<openid>/<random>.<ext>` and passes the returned fileID to `case.submit`. A resident's
// openid is in the path, so "is this file the caller's own" is a path-prefix check; existence,
// size and type come from `getFileInfo` (node-sdk 3.18: a temp URL plus a HEAD request).
// The path is chosen by `uploadTarget` (a fresh random name per photo) and its file id learnt with
// `getUploadMetadata`, so the api can remember every upload it handed out and the timer can delete
// the ones never submitted (`deleteFile`; storage cannot be listed from node-sdk).
// Viewing: `getTempFileURL` with a short maxAge, issued only after the api checked that the viewer
// may see the case. The storage security rule must not let other users read these files directly
// (see docs/deploy.md: 仅创建者可读写).
import { randomBytes } from 'node:crypto'
import { PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES, PHOTO_UPLOAD_DIR } from '@minyi/types/photos'
import type { FileOwner, FileStore, RemovedFiles, UploadTarget, VerifiedFile } from '../../ports/fileStore'

/** The part of `@cloudbase/node-sdk`'s app this adapter uses (so tests can stand in for it). */
export interface CloudStorageApi {
  getTempFileURL(options: {
    fileList: Array<string | { fileID: string; maxAge?: number }>
  }): Promise<{ fileList?: Array<{ code?: string; status?: number; fileID: string; tempFileURL?: string }> }>
  getFileInfo(options: {
    fileList: string[]
  }): Promise<{ fileList?: Array<{ code?: string; fileID: string; size?: number; mime?: string; contentType?: string }> }>
  /** Only for the file id a path will get (the same call `Taro.cloud.uploadFile` makes first); nothing is uploaded. */
  getUploadMetadata(options: { cloudPath: string }): Promise<{ code?: string; data?: { fileId?: string } }>
  deleteFile(options: {
    fileList: string[]
  }): Promise<{ code?: string; message?: string; fileList?: Array<{ code?: string; status?: number; fileID?: string; fileid?: string }> }>
  /** node-sdk's download (a deputy's portrait drawn on a poster); optional in stand-ins. */
  downloadFile?(options: { fileID: string }): Promise<{ code?: string; fileContent?: Buffer }>
}

export interface CloudbaseFileStoreOptions {
  /** Seconds a viewing address stays valid (CloudBase allows up to a day; private files default to 10 minutes). */
  urlTtlSeconds?: number
  log?: (message: string, detail?: unknown) => void
}

const CLOUD_ID = /^cloud:\/\/([A-Za-z0-9._-]+)\/(.+)$/
const EXTENSIONS = /\.(jpe?g|png|webp)$/i
/** getTempFileURL answers at most 50 files per call. */
const BATCH = 50

/** The storage path of a cloud file id, e.g. `uploads/<openid>/a1b2.jpg`, or null. */
export function cloudPathOf(fileId: string): string | null {
  const m = CLOUD_ID.exec(fileId)
  if (!m) return null
  const p = m[2]
  if (p.split('/').some((part) => part === '..' || part === '.' || part === '')) return null
  return p
}

export function ownsCloudFile(fileId: string, openid: string): boolean {
  const p = cloudPathOf(fileId)
  if (!p || !/^[A-Za-z0-9_-]+$/.test(openid)) return false
  const prefix = `${PHOTO_UPLOAD_DIR}/${openid}/`
  return p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && EXTENSIONS.test(p)
}

const succeeded = (item: { code?: string; status?: number }) =>
  item.code === 'SUCCESS' || (item.code === undefined && item.status === 0)

export function createCloudbaseFileStore(app: CloudStorageApi, options: CloudbaseFileStoreOptions = {}): FileStore {
  const ttl = options.urlTtlSeconds ?? 600
  const log = options.log ?? (() => undefined)
  return {
    async uploadTarget(owner: FileOwner, ext): Promise<UploadTarget> {
      const pathPrefix = `${PHOTO_UPLOAD_DIR}/${owner.openid}/`
      const cloudPath = `${pathPrefix}${randomBytes(16).toString('hex')}.${ext}`
      let fileId: string | null = null
      try {
        const answer = await app.getUploadMetadata({ cloudPath })
        const id = answer?.data?.fileId
        if (typeof id === 'string' && cloudPathOf(id) === cloudPath) fileId = id
        else log('upload file id not learnt', { code: answer?.code })
      } catch (error) {
        log('upload file id not learnt', String(error))
      }
      return { mode: 'cloud', uploadUrl: null, pathPrefix, cloudPath, fileId }
    },

    async verify(fileId, owner): Promise<VerifiedFile> {
      if (!ownsCloudFile(fileId, owner.openid)) return { ok: false, reason: 'not_owner' }
      const info = (await app.getFileInfo({ fileList: [fileId] })).fileList?.find((f) => f.fileID === fileId)
      if (!info || !succeeded(info)) return { ok: false, reason: 'not_found' }
      const mime = (info.mime ?? info.contentType ?? '').split(';')[0].trim().toLowerCase()
      if (mime && !(PHOTO_CONTENT_TYPES as readonly string[]).includes(mime)) return { ok: false, reason: 'bad_type' }
      if (info.size !== undefined && info.size > PHOTO_MAX_BYTES) return { ok: false, reason: 'too_large' }
      return { ok: true, contentType: mime || null, size: info.size ?? null }
    },

    async read(fileId) {
      if (!app.downloadFile || !cloudPathOf(fileId)?.startsWith(`${PHOTO_UPLOAD_DIR}/`)) return null
      try {
        const answer = await app.downloadFile({ fileID: fileId })
        if (answer.code || !answer.fileContent || answer.fileContent.length > PHOTO_MAX_BYTES) return null
        return { bytes: Buffer.from(answer.fileContent), contentType: null }
      } catch (error) {
        log('a photo could not be downloaded', String(error))
        return null
      }
    },

    async viewUrls(items) {
      const urls = new Map<string, string>()
      const ids = [...new Set(items.map((i) => i.fileId))]
      for (let i = 0; i < ids.length; i += BATCH) {
        try {
          const answer = await app.getTempFileURL({ fileList: ids.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge: ttl })) })
          for (const f of answer.fileList ?? []) if (succeeded(f) && f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
        } catch (error) {
          log('temp file URLs could not be issued', String(error))
        }
      }
      return items.map((i) => urls.get(i.fileId) ?? null)
    },

    async remove(fileIds) {
      const result: RemovedFiles = { removed: [], failed: [] }
      // Only our own upload folder: the timer never deletes anything else in the bucket.
      const ours = fileIds.filter((id) => cloudPathOf(id)?.startsWith(`${PHOTO_UPLOAD_DIR}/`))
      result.failed.push(...fileIds.filter((id) => !ours.includes(id)))
      for (let i = 0; i < ours.length; i += BATCH) {
        const batch = ours.slice(i, i + BATCH)
        try {
          const answer = await app.deleteFile({ fileList: batch })
          const done = new Set(
            (answer.fileList ?? [])
              .filter((f) => succeeded(f) || f.code === 'STORAGE_FILE_NONEXIST')
              .map((f) => f.fileID ?? f.fileid),
          )
          for (const id of batch) (done.has(id) ? result.removed : result.failed).push(id)
          if (answer.code) log('files could not be deleted', { code: answer.code, message: answer.message })
        } catch (error) {
          log('files could not be deleted', String(error))
          result.failed.push(...batch)
        }
      }
      return result
    },
  }
}
