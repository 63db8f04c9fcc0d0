// Fixtures of issue 12's suites: the Open311 gateway driven like an HTTP client, and a partner key.
import { createGateway, type Gateway, type GatewayOptions } from '../../cloudfunctions/core/open311/gateway'
import type { Harness } from '../support/apiHarness'

export interface Answer {
  status: number
  headers: Record<string, string>
  json: unknown
  text: string
}

export function gatewayClient(h: Harness, options: GatewayOptions = { burst: 10_000, perSecond: 1000 }) {
  const gateway: Gateway = createGateway(h.deps, options)
  const send = async (method: string, target: string, init: { body?: string; headers?: Record<string, string>; ip?: string } = {}): Promise<Answer> => {
    const url = new URL(target, 'http://gateway.test')
    const answer = await gateway.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: init.headers ?? {},
      body: init.body ?? '',
      ip: init.ip ?? '203.0.113.7',
    })
    let json: unknown = null
    try {
      json = answer.body ? JSON.parse(answer.body) : null
    } catch {
      json = null
    }
    return { status: answer.status, headers: answer.headers, json, text: answer.body }
  }
  return {
    gateway,
    get: (target: string, headers?: Record<string, string>, ip?: string) => send('GET', target, { headers, ip }),
    /** The spec's form encoding. */
    postForm: (target: string, fields: Record<string, string>, ip?: string) =>
      send('POST', target, { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, ip }),
    postJson: (target: string, value: unknown, ip?: string) =>
      send('POST', target, { body: JSON.stringify(value), headers: { 'content-type': 'application/json' }, ip }),
    send,
  }
}

export const ADMIN = 'dev-admin-1'

export async function createPartnerKey(h: Harness, stationId = 'station-hubin', name = '市12345平台'): Promise<{ id: string; apiKey: string }> {
  const created = await h.ok(ADMIN, 'admin.apiKey.create', { name, stationId })
  if (!created.shownOnce) throw new Error('a new key must be shown once')
  return { id: created.key.id, apiKey: created.shownOnce.apiKey }
}

export const partnerCase = (apiKey: string, partnerId: string, change: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'environment',
  partner_request_id: partnerId,
  description: '望湖路菜场门口垃圾桶满溢，气味很大，请尽快清运。联系人张三。',
  address_string: '望湖路88号菜场门口',
  lat: '30.27415',
  long: '120.15515',
  first_name: '三',
  last_name: '张',
  phone: '13912345678',
  email: 'zhangsan@example.com',
  ...change,
})
