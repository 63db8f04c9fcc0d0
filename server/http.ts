// The local runtime's HTTP surface: the h5 build, the api router at POST /api (same envelope as
// the cloud function), the action catalog, the demo-user list for the development sign-in, and
// generated files (avatars, QR codes).
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Api } from '../cloudfunctions/core/api/router'
import { actionCatalog } from '../cloudfunctions/core/api/catalog'
import type { DeputyDoc, UserDoc } from '../cloudfunctions/core/domain/records'
import type { Store } from '../cloudfunctions/core/ports'
import { avatarSvg } from './avatars'
import { describeDemoUser } from './demoData'
import { DEV_USER_HEADER, devOpenidFromHeader } from './devIdentity'
import type { LocalPhotoRoutes } from './photoRoutes'
import type { Gateway } from '../cloudfunctions/core/open311/gateway'
import { LOCAL_EXPORT_PATH, type LocalArchiveStore } from '../cloudfunctions/core/adapters/local/localArchiveStore'
import { ROLE_LABELS } from '@minyi/types'

const MAX_BODY = 1024 * 1024

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export interface LocalServerOptions {
  api: Api
  store: Store
  staticDir: string
  qrDir: string
  /** Photo upload and the access-checked photo route (server/photoRoutes.ts). */
  photos?: LocalPhotoRoutes
  /** Open311 `/open311/v2/` and the 12345 webhook `/hotline/v1/` (cloudfunctions/core/open311/gateway.ts). */
  gateway?: Gateway
  /** The archive export's files, downloaded with a signed address (`/files/exports/<name>`). */
  archive?: LocalArchiveStore
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function serveFile(res: http.ServerResponse, file: string, cache: string) {
  fs.readFile(file, (error, data) => {
    if (error) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('未找到')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cache })
    res.end(data)
  })
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
function inside(root: string, urlPath: string): string | null {
  const file = path.resolve(root, `.${decodeURIComponent(urlPath)}`)
  return file.startsWith(path.resolve(root) + path.sep) ? file : null
}

export function createLocalServer(options: LocalServerOptions): http.Server {
  const { api, store, staticDir, qrDir, photos, gateway, archive } = options

  async function handleGateway(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (!gateway) return sendJson(res, 404, [{ code: 404, description: '没有这个接口' }])
    let body = ''
    try {
      body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req)
    } catch {
      return sendJson(res, 413, [{ code: 413, description: '请求体过大' }])
    }
    // The socket's address: a header saying otherwise is not trusted locally.
    const answer = await gateway.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, ip: req.socket.remoteAddress ?? '' })
    res.writeHead(answer.status, answer.headers)
    res.end(req.method === 'HEAD' ? undefined : answer.body)
  }

  async function serveExport(res: http.ServerResponse, name: string, query: URLSearchParams) {
    const bytes = archive ? await archive.read(name, query) : null
    if (!bytes) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '下载地址无效或已过期，请回到导出列表重新下载' } })
    res.writeHead(200, {
      'content-type': name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    })
    res.end(bytes)
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse) {
    let body: unknown
    try {
      body = JSON.parse((await readBody(req)) || '{}')
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
      return
    }
    const openid = await devOpenidFromHeader(store, req.headers[DEV_USER_HEADER])
    if (!openid) {
      sendJson(res, 200, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先选择演示身份' } })
      return
    }
    sendJson(res, 200, await api.handle(body, { openid }))
  }

  async function handleDevUsers(res: http.ServerResponse) {
    const users = (await store.collection<UserDoc>('users').find({}, { sort: [['_id', 1]], limit: 200 })).filter((u) =>
      u._id.startsWith('dev-'),
    )
    sendJson(res, 200, {
      users: users.map((u) => ({ id: u._id, name: u.name, role: u.role, roleLabel: ROLE_LABELS[u.role], description: describeDemoUser(u) })),
    })
  }

  async function serveAvatar(res: http.ServerResponse, code: string) {
    const [deputy] = await store.collection<DeputyDoc>('deputies').find({ code }, { limit: 1 })
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' })
    res.end(avatarSvg(deputy?.name ?? '代', code))
  }

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = `${req.method} ${url.pathname}`
    const fail = (error: unknown) => {
      console.error('[minyi] request failed', error)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    }
    if (route === 'POST /api') return void handleApi(req, res).catch(fail)
    if (url.pathname.startsWith('/open311/') || url.pathname.startsWith('/hotline/')) return void handleGateway(req, res, url).catch(fail)
    if (req.method === 'GET' && url.pathname.startsWith(LOCAL_EXPORT_PATH)) {
      return void serveExport(res, decodeURIComponent(url.pathname.slice(LOCAL_EXPORT_PATH.length)), url.searchParams).catch(fail)
    }
    if (photos && route === 'POST /api/upload/photo') return void photos.upload(req, res).catch(fail)
    const photo = /^\/files\/photos\/([A-Za-z0-9_:-]{1,80})\/([A-Za-z0-9_-]{1,20})$/.exec(url.pathname)
    if (photos && photo && req.method === 'GET') return void photos.serve(res, photo[1], photo[2], url.searchParams).catch(fail)
    if (route === 'GET /api/actions') return sendJson(res, 200, { actions: actionCatalog() })
    if (route === 'GET /api/dev/users') return void handleDevUsers(res).catch(fail)
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的请求' } })

    const avatar = /^\/files\/avatars\/([A-Za-z0-9_-]+)\.svg$/.exec(url.pathname)
    if (avatar) return void serveAvatar(res, avatar[1]).catch(fail)
    if (url.pathname.startsWith('/files/qrcodes/')) {
      const file = inside(qrDir, url.pathname.slice('/files/qrcodes'.length))
      return file ? serveFile(res, file, 'no-cache') : sendJson(res, 404, {})
    }
    const file = url.pathname === '/' ? null : inside(staticDir, url.pathname)
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Hashed assets can be cached for good; index.html must always be fresh.
      return serveFile(res, file, /\.[0-9a-f]{8}\./.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
    }
    serveFile(res, path.join(staticDir, 'index.html'), 'no-cache')
  })
}
