// Photos on this machine: files under `<DATA_DIR>/uploads/<userId>/<random>.<ext>`, referenced as
// `local:<userId>/<random>.<ext>`. They are never served as static files: the local runtime serves
// `/files/photos/<caseId>/<photoId>?…` only with a signature this store issued after the api
// checked that the viewer may see the case, and checks that access again when serving (see
// server/photoRoutes.ts). Signed addresses expire after `urlTtlSeconds`, like CloudBase's temp URLs.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PHOTO_EXTENSIONS, PHOTO_MAX_BYTES, type PhotoContentType } from '@minyi/types/photos'
import type { FileOwner, FileStore, PhotoGrant, RemovedFiles, UploadTarget, VerifiedFile } from '../../ports/fileStore'

const LOCAL_REF = /^local:([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\.(jpg|png|webp)$/

/** The image type from the file's first bytes; the declared type and the name are not trusted. */
export function sniffImageType(bytes: Uint8Array): PhotoContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png'
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1')
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

export type PutResult =
  | { ok: true; fileId: string; contentType: PhotoContentType; size: number }
  | { ok: false; reason: 'bad_type' | 'too_large' | 'empty' }

export interface LocalFileStore extends FileStore {
  /** Stores an uploaded photo of `owner`; checks type (by content) and size. */
  put(owner: FileOwner, bytes: Buffer): Promise<PutResult>
  /** The bytes and type of a stored reference, or null. */
  read(fileId: string): Promise<{ bytes: Buffer; contentType: PhotoContentType } | null>
  /** The grant a signed address carries, or null when the signature is wrong or expired. */
  checkSignature(caseId: string, photoId: string, query: URLSearchParams, now?: Date): PhotoGrant | null
}

export interface LocalFileStoreOptions {
  /** `<DATA_DIR>/uploads`. */
  root: string
  /** Prefix of served addresses, e.g. '' (same origin) or 'http://127.0.0.1:8080'. */
  baseUrl?: string
  urlTtlSeconds?: number
  /** Signing key for addresses (random per process by default: addresses die with the process). */
  key?: Buffer
  now?: () => Date
}

export const LOCAL_UPLOAD_PATH = '/api/upload/photo'

export function createLocalFileStore(options: LocalFileStoreOptions): LocalFileStore {
  const root = path.resolve(options.root)
  const ttl = options.urlTtlSeconds ?? 600
  const key = options.key ?? randomBytes(32)
  const now = options.now ?? (() => new Date())
  const base = options.baseUrl ?? ''

  const fileOf = (fileId: string): { owner: string; file: string; ext: string } | null => {
    const m = LOCAL_REF.exec(fileId)
    if (!m) return null
    const file = path.join(root, m[1], `${m[2]}.${m[3]}`)
    return file.startsWith(root + path.sep) ? { owner: m[1], file, ext: m[3] } : null
  }

  const sign = (grant: PhotoGrant, expires: number) =>
    createHmac('sha256', key).update(`${grant.caseId}\n${grant.photoId}\n${grant.viewerId}\n${expires}`).digest('base64url')

  async function read(fileId: string) {
    const target = fileOf(fileId)
    if (!target) return null
    try {
      const bytes = await fs.promises.readFile(target.file)
      const contentType = sniffImageType(bytes)
      return contentType ? { bytes, contentType } : null
    } catch {
      return null
    }
  }

  return {
    async uploadTarget(): Promise<UploadTarget> {
      // The upload route remembers each stored photo itself (server/photoRoutes.ts).
      return { mode: 'local', uploadUrl: `${base}${LOCAL_UPLOAD_PATH}`, pathPrefix: null, cloudPath: null, fileId: null }
    },

    async put(owner, bytes) {
      if (!bytes.length) return { ok: false, reason: 'empty' }
      if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: 'too_large' }
      const contentType = sniffImageType(bytes)
      if (!contentType) return { ok: false, reason: 'bad_type' }
      if (!/^[A-Za-z0-9_-]+$/.test(owner.userId)) throw new Error('unexpected user id for a file path')
      const name = randomUUID().replace(/-/g, '')
      const ext = PHOTO_EXTENSIONS[contentType]
      const dir = path.join(root, owner.userId)
      await fs.promises.mkdir(dir, { recursive: true })
      // Written under a temporary name and renamed: a reference never points at half a file.
      const file = path.join(dir, `${name}.${ext}`)
      await fs.promises.writeFile(`${file}.part`, bytes, { mode: 0o600 })
      await fs.promises.rename(`${file}.part`, file)
      return { ok: true, fileId: `local:${owner.userId}/${name}.${ext}`, contentType, size: bytes.length }
    },

    read,

    async verify(fileId, owner): Promise<VerifiedFile> {
      const target = fileOf(fileId)
      if (!target) return { ok: false, reason: 'not_found' }
      if (target.owner !== owner.userId) return { ok: false, reason: 'not_owner' }
      let size: number
      try {
        size = (await fs.promises.stat(target.file)).size
      } catch {
        return { ok: false, reason: 'not_found' }
      }
      if (size > PHOTO_MAX_BYTES) return { ok: false, reason: 'too_large' }
      const stored = await read(fileId)
      if (!stored) return { ok: false, reason: 'bad_type' }
      return { ok: true, contentType: stored.contentType, size }
    },

    async viewUrls(items) {
      const expires = Math.floor(now().getTime() / 1000) + ttl
      return items.map(({ fileId, grant }) => {
        if (!fileOf(fileId)) return null
        const query = new URLSearchParams({ v: grant.viewerId, e: String(expires), s: sign(grant, expires) })
        return `${base}/files/photos/${encodeURIComponent(grant.caseId)}/${encodeURIComponent(grant.photoId)}?${query}`
      })
    },

    async remove(fileIds) {
      const result: RemovedFiles = { removed: [], failed: [] }
      for (const fileId of fileIds) {
        const target = fileOf(fileId)
        if (!target) {
          result.failed.push(fileId)
          continue
        }
        try {
          await fs.promises.unlink(target.file)
          result.removed.push(fileId)
        } catch (error) {
          // Already gone counts as removed.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') result.removed.push(fileId)
          else result.failed.push(fileId)
        }
      }
      return result
    },

    checkSignature(caseId, photoId, query, at = now()) {
      const viewerId = query.get('v') ?? ''
      const expires = Number.parseInt(query.get('e') ?? '', 10)
      const signature = query.get('s') ?? ''
      if (!viewerId || !Number.isFinite(expires) || expires * 1000 < at.getTime()) return null
      const grant = { caseId, photoId, viewerId }
      const expected = Buffer.from(sign(grant, expires))
      const given = Buffer.from(signature)
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
      return grant
    },
  }
}
