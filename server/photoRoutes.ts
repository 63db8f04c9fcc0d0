// The local runtime's photo endpoints (the embedded default only; in production the mini-program
// uploads to CloudBase storage and shows temp URLs):
//   POST /api/upload/photo            a resident uploads one photo (raw body or multipart/form-data
//                                     with one file, as Taro.uploadFile sends it), ≤ 2 MB, JPEG/PNG/WEBP
//                                     judged by content; answers { ok, data: { fileId, size, contentType } }
//                                     for `case.submit`'s `photos`.
//   GET  /files/photos/<case>/<photo> the photo, only with a signature the api issued to a viewer of
//                                     the case, and only if that viewer may still see the case and the
//                                     photo now (hidden photos: staff and admins of the station only).
//                                     The same route serves a 民生实事 project's inspection photos
//                                     (`<case>` is then the project id): to whoever may see the project
//                                     (domain/livelihood/inspectionPhotos.ts).
//                                     And stations' and deputies' public photos uploaded in the console
//                                     (`<case>` is the station or deputy id, the grant's viewer `public`):
//                                     to anyone, while the station or deputy shows it
//                                     (application/admin/publicPhotos.ts).
// Uploads: residents (opinions), deputies supervising a chosen project (inspections), the admin and
// station staff (station and deputy photos in the console).
import type http from 'node:http'
import { PHOTO_DAILY_UPLOAD_LIMIT, PHOTO_LIMIT_MESSAGES, PHOTO_MAX_BYTES, type ApiResponse } from '@minyi/types'
import type { LocalFileStore } from '../cloudfunctions/core/adapters/local/localFileStore'
import { mayUploadPhotos, photoFileFor, UPLOAD_REFUSED, uploadAllowanceId } from '../cloudfunctions/core/application/cases/casePhotos'
import { rememberUpload } from '../cloudfunctions/core/application/cases/photoUploads'
import { PUBLIC_VIEWER, publicPhotoFile } from '../cloudfunctions/core/application/admin/publicPhotos'
import type { Deps } from '../cloudfunctions/core/application/deps'
import { resolveCaller } from '../cloudfunctions/core/application/session/resolveCaller'
import { releaseAllowance, takeAllowance } from '../cloudfunctions/core/application/shared/sequence'
import { inspectionPhotoFile } from '../cloudfunctions/core/domain/livelihood/inspectionPhotos'
import type { ProjectDoc, RoundDoc } from '../cloudfunctions/core/domain/livelihood/records'
import type { CaseDoc, UserDoc } from '../cloudfunctions/core/domain/records'
import { DEV_USER_HEADER, devOpenidFromHeader } from './devIdentity'

/** Photos one resident may upload per day (each submission takes at most 3); the cloud policy counts against the same allowance. */
export const DAILY_UPLOAD_LIMIT = PHOTO_DAILY_UPLOAD_LIMIT
/** Room for multipart headers around the file. */
const ENVELOPE_BYTES = 64 * 1024

export interface LocalPhotoRoutes {
  upload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>
  serve(res: http.ServerResponse, caseId: string, photoId: string, query: URLSearchParams): Promise<void>
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResponse<unknown>) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const refuse = (res: http.ServerResponse, status: number, code: 'INVALID_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED', message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } })

/** Reads at most `limit` bytes; a longer body is drained (so the client gets the answer) and reported as null. */
function readLimited(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        // Far too big: stop listening rather than reading it all.
        if (size > limit * 8) req.destroy()
        return
      }
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('close', () => (over ? resolve(null) : undefined))
    req.on('error', reject)
  })
}

/** The first file part of a multipart/form-data body, or null. */
export function firstFilePart(body: Buffer, contentType: string): Buffer | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const boundary = m ? (m[1] ?? m[2]) : null
  if (!boundary) return null
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const headerStart = start + delimiter.length + 2 // after CRLF
    const next = body.indexOf(delimiter, headerStart)
    if (next === -1) return null
    const headerEnd = body.indexOf('\r\n\r\n', headerStart)
    if (headerEnd !== -1 && headerEnd < next) {
      const headers = body.subarray(headerStart, headerEnd).toString('utf8')
      if (/filename=/i.test(headers)) return body.subarray(headerEnd + 4, next - 2) // the CRLF before the delimiter
    }
    start = next
  }
  return null
}

export function createLocalPhotoRoutes(deps: Deps, files: LocalFileStore): LocalPhotoRoutes {
  return {
    async upload(req, res) {
      const openid = await devOpenidFromHeader(deps.store, req.headers[DEV_USER_HEADER])
      if (!openid) return refuse(res, 401, 'UNAUTHENTICATED', '请先选择演示身份')
      const caller = await resolveCaller(deps, openid)
      if (!(await mayUploadPhotos(deps, caller))) return refuse(res, 403, 'FORBIDDEN', UPLOAD_REFUSED)
      const body = await readLimited(req, PHOTO_MAX_BYTES + ENVELOPE_BYTES)
      if (!body) return refuse(res, 413, 'INVALID_INPUT', PHOTO_LIMIT_MESSAGES.size)
      const contentType = String(req.headers['content-type'] ?? '')
      const bytes = /^multipart\/form-data/i.test(contentType) ? firstFilePart(body, contentType) : body
      if (!bytes?.length) return refuse(res, 400, 'INVALID_INPUT', '请选择要上传的照片')

      const allowanceId = uploadAllowanceId(caller.userId, deps.clock.now())
      if (!(await takeAllowance(deps.store, allowanceId, DAILY_UPLOAD_LIMIT))) {
        return refuse(res, 429, 'RATE_LIMITED', PHOTO_LIMIT_MESSAGES.daily)
      }
      const stored = await files.put({ userId: caller.userId, openid }, bytes).catch(async (error: unknown) => {
        await releaseAllowance(deps.store, allowanceId)
        throw error
      })
      if (!stored.ok) {
        await releaseAllowance(deps.store, allowanceId)
        if (stored.reason === 'too_large') return refuse(res, 413, 'INVALID_INPUT', PHOTO_LIMIT_MESSAGES.size)
        if (stored.reason === 'bad_type') return refuse(res, 415, 'INVALID_INPUT', PHOTO_LIMIT_MESSAGES.type)
        return refuse(res, 400, 'INVALID_INPUT', '请选择要上传的照片')
      }
      // Remembered so that the timer deletes it if no case ever takes it (photoUploads.ts).
      // A photo that could not be remembered is not kept: nothing would ever delete it.
      await rememberUpload(deps, caller.userId, stored.fileId).catch(async (error: unknown) => {
        await files.remove([stored.fileId])
        await releaseAllowance(deps.store, allowanceId)
        throw error
      })
      sendJson(res, 200, { ok: true, data: { fileId: stored.fileId, size: stored.size, contentType: stored.contentType } })
    },

    async serve(res, caseId, photoId, query) {
      const notFound = (status = 404, text = '没有找到这张照片，或您无权查看') => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        res.end(text)
      }
      const grant = files.checkSignature(caseId, photoId, query, deps.clock.now())
      if (!grant) return notFound(403, '照片链接已失效，请刷新页面')
      if (grant.viewerId === PUBLIC_VIEWER) {
        // A station's or deputy's public photo: to anyone, while it still shows it.
        const publicFile = await publicPhotoFile(deps, caseId, photoId)
        const shown = publicFile ? await files.read(publicFile) : null
        if (!shown) return notFound()
        res.writeHead(200, {
          'content-type': shown.contentType,
          'content-length': shown.bytes.length,
          'cache-control': 'public, max-age=300',
          'x-content-type-options': 'nosniff',
          'content-disposition': 'inline',
        })
        res.end(shown.bytes)
        return
      }
      const viewer = await deps.store.collection<UserDoc>('users').get(grant.viewerId)
      if (!viewer) return notFound()
      // Checked again now, like the case itself: access may have ended, the photo may have been hidden.
      const caller = await resolveCaller(deps, viewer.openid)
      const c = await deps.store.collection<CaseDoc>('cases').get(caseId)
      let fileId = photoFileFor(caller, c, photoId)
      if (!c && !fileId) {
        // Not a case: a 民生实事 project's inspection photo, as public as the project.
        const project = await deps.store.collection<ProjectDoc>('livelihood_projects').get(caseId)
        const round = project ? await deps.store.collection<RoundDoc>('livelihood_rounds').get(project.roundId) : null
        fileId = inspectionPhotoFile(caller, round, project, photoId)
      }
      const stored = fileId ? await files.read(fileId) : null
      if (!stored) return notFound()
      res.writeHead(200, {
        'content-type': stored.contentType,
        'content-length': stored.bytes.length,
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline',
      })
      res.end(stored.bytes)
    },
  }
}
