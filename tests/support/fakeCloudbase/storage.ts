// Cloud storage for the fake CloudBase endpoint: the protocol `@cloudbase/node-sdk` 3.18 speaks for
// `uploadFile`, `getUploadMetadata`, `getTempFileURL`, `getFileInfo`, `downloadFile` and
// `deleteFile` (read from node_modules/@cloudbase/node-sdk/src/storage/index.ts):
//
//   storage.getUploadMetadata  { path, method: 'put' }
//     → { data: { url, token, authorization, fileId, cosFileId, download_url } }
//     node-sdk 3.x (also the copy nested in wx-server-sdk 4) then PUTs the bytes to `url` (COS
//     style) with headers `authorization`, `Signature`, `x-cos-security-token`,
//     `x-cos-meta-fileid`, `key`; COS answers an empty 200 or an XML
//     `<Error><Code/><Message/><RequestId/><TraceId/></Error>`. Clients that upload with a COS POST
//     form instead (the mini-program's `wx.cloud.uploadFile`, node-sdk 2.x) send multipart fields
//     `key`, `Signature`, `x-cos-security-token`, `x-cos-meta-fileid`, `success_action_status`
//     and `file`; that is accepted too (POST to `url` or to the bucket root `/cos/`), answered 204
//     or with the status asked for.
//   storage.batchGetDownloadUrl { file_list: [{ fileid, max_age? }] }
//     → { data: { download_list: [{ code: 'SUCCESS' | 'STORAGE_FILE_NONEXIST', fileID, tempFileURL }] } }
//     `getFileInfo` then sends HEAD to each tempFileURL and reads content-length and content-type.
//   storage.batchDeleteFile    { fileid_list: [fileID] }
//     → { data: { delete_list: [{ code: 'SUCCESS' | 'STORAGE_FILE_NONEXIST', fileID }] } }
//
// The COS side is served by the fake itself under `/cos/<path>`: PUT needs the authorization and
// token `getUploadMetadata` issued for that path (until it expires), GET/HEAD need the `sign` of a
// temp URL that has not expired. A PUT without Content-Type gets the type COS infers from the
// extension. File ids look like CloudBase's: `cloud://<env>.<bucket>/<path>`.
//
// Not emulated: copyFile, getFileAuthority, storage security rules (the admin SDK bypasses them
// anyway), COS multipart (chunked) uploads, listing (node-sdk cannot list either).
import { randomBytes } from 'node:crypto'
import type http from 'node:http'

export interface StoredFile {
  body: Buffer
  contentType: string
  uploadedAt: number
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  csv: 'text/csv',
  json: 'application/json',
  jsonl: 'application/octet-stream',
  txt: 'text/plain',
  pdf: 'application/pdf',
}

/** How long an upload authorization lasts (CloudBase's is about 10 minutes). */
const UPLOAD_TTL_MS = 10 * 60_000
/** CloudBase caps a temp URL at one day; without max_age it is 10 minutes. */
const MAX_AGE_LIMIT_S = 86_400
const DEFAULT_MAX_AGE_S = 600

export class FakeStorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export class FakeStorage {
  /** Stored objects by path (`uploads/<openid>/a1.jpg`). */
  readonly files = new Map<string, StoredFile>()
  private readonly uploads = new Map<string, { authorization: string; token: string; cosFileId: string; expires: number }>()
  private readonly signs = new Map<string, { path: string; expires: number }>()
  readonly bucket: string

  constructor(
    readonly env: string,
    private readonly baseUrl: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = `${env}-bucket`
  }

  fileIdOf(path: string): string {
    return `cloud://${this.env}.${this.bucket}/${path}`
  }

  /** The path of a file id of this bucket, or null. */
  pathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null
    const prefix = `cloud://${this.env}.${this.bucket}/`
    return fileId.startsWith(prefix) && fileId.length > prefix.length ? fileId.slice(prefix.length) : null
  }

  private cosUrl(path: string): string {
    return `${this.baseUrl()}/cos/${path.split('/').map(encodeURIComponent).join('/')}`
  }

  /** Handles one `storage.*` action of the SDK's JSON API; the answer goes in `data`. */
  handle(body: Record<string, unknown>): unknown {
    switch (body.action) {
      case 'storage.getUploadMetadata': {
        const path = body.path
        if (typeof path !== 'string' || !path || path.startsWith('/') || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
          throw new FakeStorageError('INVALID_PARAM', `path ${JSON.stringify(path)} is not a valid cloud path`)
        }
        const issued = {
          authorization: `q-sign-algorithm=sha1&q-ak=fake&q-signature=${randomBytes(12).toString('hex')}`,
          token: randomBytes(16).toString('hex'),
          cosFileId: randomBytes(8).toString('hex'),
          expires: this.now() + UPLOAD_TTL_MS,
        }
        this.uploads.set(path, issued)
        return {
          url: this.cosUrl(path),
          token: issued.token,
          authorization: issued.authorization,
          fileId: this.fileIdOf(path),
          cosFileId: issued.cosFileId,
          download_url: this.cosUrl(path),
        }
      }
      case 'storage.batchGetDownloadUrl': {
        const list = body.file_list
        if (!Array.isArray(list) || list.length === 0) throw new FakeStorageError('INVALID_PARAM', 'file_list must be a non-empty array')
        if (list.length > 50) throw new FakeStorageError('INVALID_PARAM', 'at most 50 files per call')
        return {
          download_list: list.map((item: { fileid?: unknown; max_age?: unknown }) => {
            const fileID = String(item?.fileid ?? '')
            const path = this.pathOf(item?.fileid)
            if (!path || !this.files.has(path)) return { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '', message: '文件不存在' }
            const age = item.max_age === undefined ? DEFAULT_MAX_AGE_S : Number(item.max_age)
            if (!Number.isFinite(age) || age <= 0) return { code: 'INVALID_PARAM', fileID, tempFileURL: '', message: 'max_age is invalid' }
            const sign = randomBytes(12).toString('hex')
            const expires = this.now() + Math.min(age, MAX_AGE_LIMIT_S) * 1000
            this.signs.set(sign, { path, expires })
            // Like CloudBase's, the path in a temp URL is not percent-encoded (node-sdk encodeURI()s it).
            return { code: 'SUCCESS', fileID, tempFileURL: `${this.baseUrl()}/cos/${path}?sign=${sign}&t=${Math.floor(expires / 1000)}` }
          }),
        }
      }
      case 'storage.batchDeleteFile': {
        const list = body.fileid_list
        if (!Array.isArray(list) || list.length === 0) throw new FakeStorageError('INVALID_PARAM', 'fileid_list must be a non-empty array')
        if (list.length > 50) throw new FakeStorageError('INVALID_PARAM', 'at most 50 files per call')
        return {
          delete_list: list.map((fileID: unknown) => {
            const path = this.pathOf(fileID)
            if (!path || !this.files.delete(path)) return { code: 'STORAGE_FILE_NONEXIST', fileID, message: '文件不存在' }
            return { code: 'SUCCESS', fileID }
          }),
        }
      }
      default:
        throw new FakeStorageError('INVALID_ACTION', `action ${String(body.action)} is not emulated by the fake endpoint`)
    }
  }

  /** The COS side: `PUT|GET|HEAD /cos/<path>`. */
  serveCos(req: http.IncomingMessage, url: URL, body: Buffer, res: http.ServerResponse): void {
    const cosError = (status: number, code: string, message: string) => {
      const id = randomBytes(8).toString('hex')
      res.writeHead(status, { 'content-type': 'application/xml' })
      res.end(
        `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
          `<Resource>${url.pathname}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`,
      )
    }
    let path: string
    try {
      path = decodeURIComponent(url.pathname.slice('/cos/'.length))
    } catch {
      cosError(400, 'InvalidURI', 'the object key is not valid')
      return
    }
    const store = (key: string, authorization: unknown, token: unknown, bytes: Buffer, given: string | undefined): boolean => {
      const issued = this.uploads.get(key)
      if (!issued || authorization !== issued.authorization || token !== issued.token) {
        cosError(403, 'AccessDenied', 'Access Denied.')
        return false
      }
      if (issued.expires < this.now()) {
        cosError(403, 'AccessDenied', 'Request has expired')
        return false
      }
      const ext = key.split('.').pop()?.toLowerCase() ?? ''
      this.files.set(key, { body: bytes, contentType: given || TYPES[ext] || 'application/octet-stream', uploadedAt: this.now() })
      return true
    }
    if (req.method === 'PUT') {
      if (store(path, req.headers.authorization, req.headers['x-cos-security-token'], body, req.headers['content-type'])) {
        res.writeHead(200, { etag: `"${randomBytes(16).toString('hex')}"`, 'content-length': 0 })
        res.end()
      }
      return
    }
    if (req.method === 'POST') {
      const form = parseMultipart(String(req.headers['content-type'] ?? ''), body)
      const key = form?.fields.get('key')
      const file = form?.file
      if (!form || !key || !file) {
        cosError(400, 'InvalidArgument', 'a POST upload needs the form fields key and file')
        return
      }
      if (path && path !== key) {
        cosError(400, 'InvalidArgument', 'the form key does not match the address')
        return
      }
      // The object's type: a Content-Type field, else the part's own type, else from the extension.
      const given = form.fields.get('Content-Type') || (file.contentType && file.contentType !== 'application/octet-stream' ? file.contentType : undefined)
      if (store(key, form.fields.get('Signature'), form.fields.get('x-cos-security-token'), file.body, given)) {
        const status = Number(form.fields.get('success_action_status') ?? 204)
        res.writeHead([200, 201, 204].includes(status) ? status : 204, { etag: `"${randomBytes(16).toString('hex')}"` })
        res.end()
      }
      return
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const sign = this.signs.get(url.searchParams.get('sign') ?? '')
      if (!sign || sign.path !== path || sign.expires < this.now()) {
        cosError(403, 'AccessDenied', 'Access Denied.')
        return
      }
      const file = this.files.get(path)
      if (!file) {
        cosError(404, 'NoSuchKey', 'The specified key does not exist.')
        return
      }
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length })
      res.end(req.method === 'HEAD' ? undefined : file.body)
      return
    }
    cosError(405, 'MethodNotAllowed', `${req.method} is not allowed`)
  }
}

/** A small multipart/form-data reader for the COS POST upload: text fields and the one `file` part. */
function parseMultipart(contentType: string, body: Buffer): { fields: Map<string, string>; file: { body: Buffer; contentType?: string } | null } | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!/^multipart\/form-data/i.test(contentType) || !m) return null
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`)
  const fields = new Map<string, string>()
  let file: { body: Buffer; contentType?: string } | null = null
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next < 0) break
    // A part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2)
    const split = part.indexOf('\r\n\r\n')
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8')
      const content = part.subarray(split + 4)
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim()
      if (name === 'file') file = { body: Buffer.from(content), contentType: type }
      else if (name) fields.set(name, content.toString('utf8'))
    }
    at = next
  }
  return { fields, file }
}
