// The HTTP surface for other systems, one pure handler shared by the local runtime (server/http.ts)
// and the `open311` cloud function (HTTP-triggered):
// - Open311 GeoReport v2 at `/open311/v2/`: services.json, services/{code}.json, requests.json
//   (GET: public anonymised cases; POST: a partner files a case with its API key),
//   requests/{id}.json. JSON only (`.xml` answers 400). Errors in the spec's format
//   `[{ "code": 404, "description": "…" }]`.
// - The 12345 hotline's signed webhook at `/hotline/v1/{partner}/callback`.
// GETs are rate-limited per client IP (token bucket, 429) and cached briefly (Cache-Control, ETag).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  open311CreateInputSchema,
  open311CreatedSchema,
  open311RequestSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  type Category,
  type CaseStatus,
  type Open311Request,
} from '@minyi/types'
import type { Deps } from '../application/deps'
import { authenticateApiKey } from '../application/partners/apiKeys'
import { fileForPartner } from '../application/partners/partnerFiling'
import { receiveHotlineCallback } from '../application/hotline/hotlineCallback'
import { stationsById } from '../application/shared/lookups'
import { peopleNames } from '../application/partners/peopleNames'
import { DomainError } from '../domain/errors'
import { isPublicCase, isServiceCode, publicRequest, statusesFor } from '../domain/partners/publicCase'
import type { PartnerCaseDoc } from '../domain/partners/records'
import type { Filter } from '../ports'
import { TokenBuckets } from './tokenBucket'

export const OPEN311_BASE = '/open311/v2'
export const HOTLINE_BASE = '/hotline/v1'

export interface GatewayRequest {
  method: string
  /** The path, e.g. `/open311/v2/requests.json`. */
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  /** The raw body (text), '' when none. */
  body: string
  /** The client's address, for the rate limit. */
  ip: string
}

export interface GatewayResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface GatewayOptions {
  /** Seconds a GET answer is cached and may be cached by clients. */
  cacheSeconds?: number
  burst?: number
  perSecond?: number
}

export interface Gateway {
  handle(request: GatewayRequest): Promise<GatewayResponse>
}

export const PAGE_SIZE_DEFAULT = 50
export const PAGE_SIZE_MAX = 100
/** Without start_date, the spec's default window: the last 90 days. */
const DEFAULT_WINDOW_DAYS = 90

/** The short description of each category (services.json `description`, `keywords`, `group`). */
const SERVICE_TEXT: Record<Category, { description: string; keywords: string; group: string }> = {
  traffic: { description: '道路、路口、信号灯、停车、公交等交通出行问题', keywords: '道路,信号灯,停车,公交', group: '城市运行' },
  environment: { description: '垃圾、噪音、绿化、市容环境卫生问题', keywords: '垃圾,噪音,绿化,卫生', group: '城市运行' },
  housing: { description: '物业管理、小区设施、加装电梯等居住问题', keywords: '物业,小区,电梯', group: '居住生活' },
  utilities: { description: '供水、供电、燃气、路灯等市政设施问题', keywords: '供水,供电,燃气,路灯', group: '城市运行' },
  education: { description: '入学、学校、托育等教育问题', keywords: '入学,学校,托育', group: '公共服务' },
  health: { description: '看病就医、社区卫生服务等医疗卫生问题', keywords: '就医,社区医院,卫生', group: '公共服务' },
  elderly: { description: '养老服务、助餐、助残等问题', keywords: '养老,助餐,助残', group: '公共服务' },
  social_security: { description: '社保、医保、就业等问题', keywords: '社保,医保,就业', group: '公共服务' },
  safety: { description: '消防、治安、安全隐患等公共安全问题', keywords: '消防,治安,隐患', group: '平安建设' },
  economy: { description: '营商环境、市场秩序等经济问题', keywords: '营商,市场', group: '经济发展' },
  legal: { description: '法律咨询、权益保障等问题', keywords: '法律,权益', group: '法治建设' },
  other: { description: '其他意见建议', keywords: '其他', group: '其他' },
}

export function open311Services() {
  return CATEGORIES.map((code) => ({
    service_code: code,
    service_name: CATEGORY_LABELS[code],
    description: SERVICE_TEXT[code].description,
    metadata: false,
    type: 'realtime' as const,
    keywords: SERVICE_TEXT[code].keywords,
    group: SERVICE_TEXT[code].group,
  }))
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description)
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'

function json(status: number, value: unknown, headers: Record<string, string> = {}): GatewayResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) }
}

export function open311Error(status: number, description: string, headers: Record<string, string> = {}): GatewayResponse {
  return json(status, [{ code: status, description }], { 'cache-control': 'no-store', ...headers })
}

function dateParam(query: URLSearchParams, name: string): Date | null {
  const value = query.get(name)
  if (value === null || value === '') return null
  // W3C / ISO 8601 as the spec says, e.g. 2026-11-01T00:00:00+08:00 or 2026-11-01T00:00:00Z.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new HttpError(400, `${name} 应为 ISO 8601 时间，例如 2026-11-01T00:00:00+08:00`)
  }
  const at = new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value)
  if (Number.isNaN(at.getTime())) throw new HttpError(400, `${name} 不是有效的时间`)
  return at
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const value = query.get(name)
  if (value === null || value === '') return fallback
  if (!/^\d{1,6}$/.test(value)) throw new HttpError(400, `${name} 应为正整数`)
  const n = Number(value)
  if (n < min || n > max) throw new HttpError(400, `${name} 应在 ${min} 到 ${max} 之间`)
  return n
}

function listParam(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

async function present(deps: Deps, docs: PartnerCaseDoc[]): Promise<Open311Request[]> {
  const stations = await stationsById(deps.store, docs.map((d) => d.stationId))
  const names = await peopleNames(deps, docs)
  return z.array(open311RequestSchema).parse(docs.map((d) => publicRequest(d, stations.get(d.stationId)?.name ?? '', names.get(d._id))))
}

/** The public cases a `requests.json` query asks for (newest first), Open311 fields. */
export async function findPublicRequests(deps: Deps, query: URLSearchParams): Promise<Open311Request[]> {
  const cases = deps.store.collection<PartnerCaseDoc>('cases')
  const ids = listParam(query, 'service_request_id')
  if (ids.length) {
    if (ids.length > PAGE_SIZE_MAX || ids.some((id) => !/^[A-Za-z0-9-]{1,40}$/.test(id))) throw new HttpError(400, 'service_request_id 格式不正确')
    const docs = await cases.find({ trackingNo: { $in: ids }, contentCheck: 'pass' }, { limit: PAGE_SIZE_MAX })
    return present(deps, docs.filter(isPublicCase))
  }
  // The spec's default window is 90 days: before end_date, after start_date, or up to now.
  const window = DEFAULT_WINDOW_DAYS * 86_400_000
  const givenStart = dateParam(query, 'start_date')
  const givenEnd = dateParam(query, 'end_date')
  const end = givenEnd ?? (givenStart ? new Date(givenStart.getTime() + window) : deps.clock.now())
  const start = givenStart ?? new Date(end.getTime() - window)
  if (start > end) throw new HttpError(400, 'start_date 不能晚于 end_date')
  const statusValues = listParam(query, 'status')
  if (statusValues.some((s) => s !== 'open' && s !== 'closed')) throw new HttpError(400, 'status 只能是 open 或 closed')
  const statuses: CaseStatus[] = statusValues.length
    ? [...new Set(statusValues.flatMap((s) => statusesFor(s as 'open' | 'closed')))]
    : [...statusesFor('open'), ...statusesFor('closed')]
  const codes = listParam(query, 'service_code')
  const unknown = codes.find((c) => !isServiceCode(c))
  if (unknown) throw new HttpError(400, `没有这个 service_code：${unknown}`)
  const page = intParam(query, 'page', 1, 1, 100_000)
  const pageSize = intParam(query, 'page_size', PAGE_SIZE_DEFAULT, 1, PAGE_SIZE_MAX)
  const filter: Filter = {
    contentCheck: 'pass',
    status: { $in: statuses },
    createdAt: { $gte: start.toISOString(), $lte: end.toISOString() },
  }
  if (codes.length) filter.category = { $in: codes }
  const docs = await cases.find(filter, { sort: [['createdAt', -1]], skip: (page - 1) * pageSize, limit: pageSize })
  return present(deps, docs)
}

async function readCreateInput(request: GatewayRequest): Promise<unknown> {
  const type = String(request.headers['content-type'] ?? '').toLowerCase()
  if (type.includes('application/json')) {
    try {
      return JSON.parse(request.body || '{}')
    } catch {
      throw new HttpError(400, '请求体不是有效的 JSON')
    }
  }
  // The spec's form encoding; the query string counts too (api_key may be sent there).
  const form = new URLSearchParams(request.body)
  for (const [k, v] of request.query) if (!form.has(k)) form.set(k, v)
  return Object.fromEntries(form)
}

const STATUS_OF: Partial<Record<string, number>> = { NOT_FOUND: 404, FORBIDDEN: 403, RATE_LIMITED: 429, INVALID_INPUT: 400, CONTENT_REJECTED: 400 }

export function createGateway(deps: Deps, options: GatewayOptions = {}): Gateway {
  const cacheSeconds = options.cacheSeconds ?? 30
  const limiter = new TokenBuckets({ burst: options.burst ?? 60, perSecond: options.perSecond ?? 1 })
  const cache = new Map<string, { body: string; etag: string; expires: number }>()
  function cached(key: string, nowMs: number) {
    const hit = cache.get(key)
    if (hit && hit.expires > nowMs) return hit
    if (hit) cache.delete(key)
    return null
  }

  function answerGet(request: GatewayRequest, key: string, body: string, nowMs: number, fresh: boolean): GatewayResponse {
    let entry = cached(key, nowMs)
    if (!entry || fresh) {
      entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, expires: nowMs + cacheSeconds * 1000 }
      cache.set(key, entry)
      if (cache.size > 500) cache.delete(cache.keys().next().value as string)
    }
    const headers = { 'content-type': JSON_TYPE, 'cache-control': `public, max-age=${cacheSeconds}`, etag: entry.etag }
    if (request.headers['if-none-match'] === entry.etag) return { status: 304, headers, body: '' }
    return { status: 200, headers, body: entry.body }
  }

  async function open311Get(path: string, query: URLSearchParams): Promise<unknown> {
    if (path === '/services.json') return z.array(open311ServiceSchema).parse(open311Services())
    const service = /^\/services\/([A-Za-z_]{1,40})\.json$/.exec(path)
    if (service) {
      if (!isServiceCode(service[1])) throw new HttpError(404, `没有这个 service_code：${service[1]}`)
      return open311ServiceDefinitionSchema.parse({ service_code: service[1], attributes: [] })
    }
    if (path === '/requests.json') return findPublicRequests(deps, query)
    const one = /^\/requests\/([A-Za-z0-9-]{1,40})\.json$/.exec(path)
    if (one) {
      const found = await findPublicRequests(deps, new URLSearchParams({ service_request_id: one[1] }))
      if (!found.length) throw new HttpError(404, `没有找到公开的民意 ${one[1]}`)
      return found
    }
    throw new HttpError(404, '没有这个接口')
  }

  async function open311Post(request: GatewayRequest): Promise<GatewayResponse> {
    const raw = (await readCreateInput(request)) as Record<string, unknown>
    const apiKey = typeof raw?.api_key === 'string' ? raw.api_key : ''
    const key = apiKey ? await authenticateApiKey(deps, apiKey) : null
    if (!key) throw new HttpError(401, 'api_key 无效或已吊销', { 'www-authenticate': 'api_key' })
    const parsed = open311CreateInputSchema.safeParse(raw)
    if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? '请求格式不正确')
    const filed = await fileForPartner(deps, key, parsed.data)
    cache.clear()
    const created = open311CreatedSchema.parse({
      service_request_id: filed.trackingNo,
      service_notice: filed.created ? '已进入家站点待受理，办理进展可按编号查询' : '该工单此前已接收（按 partner_request_id 去重）',
      account_id: null,
    })
    return json(filed.created ? 201 : 200, [created], { 'cache-control': 'no-store' })
  }

  return {
    async handle(request) {
      const nowMs = deps.clock.now().getTime()
      const method = request.method.toUpperCase()
      try {
        const wait = limiter.take(request.ip || 'unknown', nowMs)
        if (wait) throw new HttpError(429, '请求过于频繁，请稍后再试', { 'retry-after': String(wait) })
        if (request.path.startsWith(`${HOTLINE_BASE}/`)) {
          const m = /^\/hotline\/v1\/([A-Za-z0-9_-]{1,32})\/callback$/.exec(request.path)
          if (!m) throw new HttpError(404, '没有这个接口')
          if (method !== 'POST') throw new HttpError(405, '只接受 POST')
          const result = await receiveHotlineCallback(deps, m[1], request.headers, request.body)
          return json(result.status, result.body, { 'cache-control': 'no-store' })
        }
        if (!request.path.startsWith(`${OPEN311_BASE}/`)) throw new HttpError(404, '没有这个接口')
        const path = request.path.slice(OPEN311_BASE.length)
        if (path.endsWith('.xml')) throw new HttpError(400, '只支持 JSON 格式，请把 .xml 换成 .json')
        if (method === 'POST' && path === '/requests.json') return await open311Post(request)
        if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, '不支持的请求方法')
        const key = `${path}?${[...request.query].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&')}`
        const hit = cached(key, nowMs)
        if (hit) return answerGet(request, key, hit.body, nowMs, false)
        return answerGet(request, key, JSON.stringify(await open311Get(path, request.query)), nowMs, true)
      } catch (error) {
        if (error instanceof HttpError) return open311Error(error.status, error.description, error.headers)
        if (error instanceof DomainError) return open311Error(STATUS_OF[error.code] ?? 409, error.message)
        deps.log('open311 gateway failed', error instanceof Error ? error.stack : error)
        // Nothing was stored half-way (the case insert is the last step): the partner may retry.
        return open311Error(503, '系统繁忙，请稍后重试', { 'retry-after': '5' })
      }
    },
  }
}
