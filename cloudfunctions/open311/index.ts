// The `open311` cloud function, HTTP-triggered (CloudBase HTTP 访问服务, paths `/open311` and
// `/hotline`, see config.json and docs/deploy.md): Open311 GeoReport v2 for the public and partner
// systems, and the 12345 hotline's signed webhook. It shares the one handler with the local runtime
// (cloudfunctions/core/open311/gateway.ts). No WeChat identity here: partners authenticate with an
// API key (POST requests.json) or a webhook signature; everything else is public, anonymised data.
import cloud from 'wx-server-sdk'
import tcb from '@cloudbase/node-sdk'
import { createCloudDeps } from '../core/composition/cloudDeps'
import { createGateway, type Gateway } from '../core/open311/gateway'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

let gateway: Gateway | null = null

/** The event CloudBase's HTTP access service hands an HTTP-triggered function. */
export interface HttpEvent {
  path?: string
  httpMethod?: string
  headers?: Record<string, string>
  queryStringParameters?: Record<string, string>
  body?: string
  isBase64Encoded?: boolean
}

export interface HttpResult {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

/** The client's address as the platform's proxy reports it (the first hop of X-Forwarded-For). */
export function clientIp(headers: Record<string, string>): string {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return (lower['x-forwarded-for'] ?? '').split(',')[0].trim() || lower['x-real-ip'] || 'unknown'
}

export async function main(event: HttpEvent): Promise<HttpResult> {
  try {
    gateway ??= createGateway(createCloudDeps({ app: tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }), openapi: cloud.openapi as never, env: process.env }))
  } catch (error) {
    console.error('[minyi] open311 function is misconfigured', error)
    return { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: 500, description: '服务配置有误' }]), isBase64Encoded: false }
  }
  const headers = event?.headers ?? {}
  const body = event?.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : ''
  const answer = await gateway.handle({
    method: event?.httpMethod ?? 'GET',
    path: event?.path ?? '/',
    query: new URLSearchParams(event?.queryStringParameters ?? {}),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    ip: clientIp(headers),
  })
  return { statusCode: answer.status, headers: answer.headers, body: answer.body, isBase64Encoded: false }
}
