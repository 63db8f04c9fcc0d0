// A stand-in for the 12345 platform, for the local runtime and the tests: a small HTTP server that
// accepts 民意通's signed pushes (checking the signature as the real partner would), answers with
// a work-order number, and can send signed callbacks (status updates, the final answer) back to
// the webhook. Wire format: docs/hotline-12345.md.
//   POST /push                     ← 民意通 (signed)            → { partner_ref }
//   POST /trigger { case_ref, type, text } ← a person or a test → sends the signed callback
//   GET  /pushes                   → what was received
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { signBody, verifySignature } from '../cloudfunctions/core/domain/partners/webhookSignature'

export interface StandInPush {
  body: Record<string, unknown>
  partnerRef: string
  at: string
}

export interface CallbackOptions {
  /** Sign with this secret instead (a wrong-secret test). */
  secret?: string
  /** Sign as of this instant (a clock-skew test). */
  at?: Date
  nonce?: string
  eventId?: string
  partnerRef?: string
}

export interface HotlineStandIn {
  url: string
  pushes: StandInPush[]
  /** The next `n` pushes are answered 503 (a retry test). */
  failNext(n: number): void
  /** Sends a signed callback to the webhook; the webhook's status and body. */
  sendCallback(caseRef: string, type: 'status' | 'answer', text: string, options?: CallbackOptions): Promise<{ status: number; body: unknown; sent: { headers: Record<string, string>; body: string } }>
  /** Sends exactly this delivery again (a replay test). */
  resend(sent: { headers: Record<string, string>; body: string }): Promise<{ status: number; body: unknown }>
  close(): Promise<void>
}

export interface HotlineStandInOptions {
  secret: string
  /** Our webhook, e.g. http://127.0.0.1:8080/hotline/v1/12345/callback. */
  callbackUrl: string
  port?: number
  now?: () => Date
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startHotlineStandIn(options: HotlineStandInOptions): Promise<HotlineStandIn> {
  const now = options.now ?? (() => new Date())
  const pushes: StandInPush[] = []
  let failures = 0
  let seq = 0

  async function post(headers: Record<string, string>, body: string) {
    const response = await fetch(options.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed }
  }

  async function sendCallback(caseRef: string, type: 'status' | 'answer', text: string, o: CallbackOptions = {}) {
    const pushed = [...pushes].reverse().find((p) => p.body.case_ref === caseRef)
    const body = JSON.stringify({
      event_id: o.eventId ?? `ev${randomBytes(8).toString('hex')}`,
      case_ref: caseRef,
      partner_ref: o.partnerRef ?? pushed?.partnerRef ?? null,
      type,
      text,
      at: (o.at ?? now()).toISOString(),
    })
    const headers = { ...signBody(o.secret ?? options.secret, body, o.at ?? now(), o.nonce) }
    return { ...(await post(headers, body)), sent: { headers, body } }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(value))
      }
      const body = await readBody(req)
      if (req.method === 'POST' && req.url === '/push') {
        const check = verifySignature(options.secret, req.headers, body, now())
        if (!check.ok) return send(401, { error: check.reason })
        if (failures > 0) {
          failures -= 1
          return send(503, { error: 'temporarily unavailable' })
        }
        seq += 1
        const partnerRef = `RX${String(seq).padStart(6, '0')}`
        pushes.push({ body: JSON.parse(body) as Record<string, unknown>, partnerRef, at: now().toISOString() })
        return send(200, { partner_ref: partnerRef })
      }
      if (req.method === 'POST' && req.url === '/trigger') {
        const t = JSON.parse(body || '{}') as { case_ref?: string; type?: 'status' | 'answer'; text?: string }
        if (!t.case_ref || !t.type || !t.text) return send(400, { error: 'case_ref, type and text are required' })
        const result = await sendCallback(t.case_ref, t.type, t.text)
        return send(200, { webhook: { status: result.status, body: result.body } })
      }
      if (req.method === 'GET' && req.url === '/pushes') return send(200, { pushes })
      send(404, { error: 'not found' })
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    pushes,
    failNext: (n) => {
      failures = n
    },
    sendCallback,
    resend: (sent) => post(sent.headers, sent.body),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
