import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { ACTIONS } from '@minyi/types'
import { actionCatalog, renderApiDoc } from '../../cloudfunctions/core/api/catalog'
import { handlers } from '../../cloudfunctions/core/api/handlers'
import { createLocalServer } from '../../server/http'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'

describe('the action catalog', () => {
  it('docs/api.md is generated from the actions (run `npm run docs:api` when this fails)', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/api.md'), 'utf8')
    expect(doc).toBe(renderApiDoc())
  })

  it('every action has a handler and a JSON Schema for its input', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(ACTIONS).sort())
    for (const entry of actionCatalog()) {
      expect(entry.input).toMatchObject({ type: 'object' })
      expect(entry.roles.length).toBeGreaterThan(0)
    }
  })
})

describe('the local runtime serves the same router over HTTP', () => {
  let h: Harness
  let server: http.Server
  let base: string
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-static-'))

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>民意通</title>')
    h = await createHarness()
    server = createLocalServer({ api: h.api, store: h.store, staticDir, qrDir: staticDir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await h.close()
  })

  const post = (body: unknown, user?: string) =>
    fetch(`${base}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { 'X-Dev-User': user } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json())

  it('GET /api/actions lists every action with roles and input schema', async () => {
    const body = await fetch(`${base}/api/actions`).then((r) => r.json())
    expect(body.actions).toEqual(JSON.parse(JSON.stringify(actionCatalog())))
  })

  it('lists the administration console under the admin. prefix, none of them open to residents', async () => {
    const body = (await fetch(`${base}/api/actions`).then((r) => r.json())) as { actions: Array<{ action: string; roles: string[] }> }
    const admin = body.actions.filter((a) => a.action.startsWith('admin.'))
    for (const name of [
      'admin.region.create', 'admin.station.create', 'admin.station.retire', 'admin.deputy.create', 'admin.unit.create',
      'admin.routing.set', 'admin.goal.save', 'admin.account.create', 'admin.account.revoke', 'admin.invitation.create',
      'admin.poster.station', 'admin.poster.deputy', 'admin.audit.list', 'admin.apiKey.create',
    ]) expect(admin.map((a) => a.action)).toContain(name)
    expect(admin.filter((a) => a.roles.includes('resident') || a.roles.includes('deputy'))).toEqual([])
  })

  it('POST /api answers with the envelope, as the demo user named by X-Dev-User', async () => {
    const submitted = await post({ action: 'case.submit', input: validOpinion, requestId: 'http-request-0001' }, 'dev-resident-1')
    expect(submitted).toMatchObject({ ok: true, data: { trackingNo: expect.stringMatching(/^MY\d{8}-\d{4}$/) } })
    const me = await post({ action: 'session.me', input: {} }, 'dev-staff-2')
    expect(me).toMatchObject({ ok: true, data: { role: 'staff', name: '吴磊' } })
    // Congress-office staff (分级负责) sign in the same way.
    const office = await post({ action: 'session.me', input: {} }, 'dev-office-1')
    expect(office).toMatchObject({ ok: true, data: { role: 'staff', name: '黄志明', office: { name: '湖滨街道人大工委' } } })
  })

  it('without a known demo user the api refuses', async () => {
    expect(await post({ action: 'session.me' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await post({ action: 'session.me' }, 'dev-staff-99')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await post({ action: 'session.me' }, 'somebody')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('lists the demo users for the sign-in page', async () => {
    const body = await fetch(`${base}/api/dev/users`).then((r) => r.json())
    expect(body.users.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining(['dev-resident-1', 'dev-resident-2', 'dev-deputy-1', 'dev-staff-1', 'dev-admin-1']),
    )
  })

  it('serves index.html for app routes and refuses paths outside the build', async () => {
    const page = await fetch(`${base}/pages/station/index`).then((r) => r.text())
    expect(page).toContain('民意通')
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`)
    expect(await escape.text()).not.toContain('root:')
  })
})
