// Rotating MINYI_PHONE_KEY without downtime: with the new key current and the old one as
// MINYI_PHONE_KEY_PREVIOUS, every number stays readable (old and new), new numbers are sealed with
// the new key, and the re-encryption job re-seals every stored phone (cases and reception
// bookings, legacy `v1` values included) in batches, resumably, until the old key can go.
import { createCipheriv, randomBytes } from 'node:crypto'
import { createAesPhoneVault, phoneKeyId } from '../../cloudfunctions/core/adapters/crypto/aesPhoneVault'
import { PHONE_SEALED_COLLECTIONS, runPhoneKeyRotationJob } from '../../cloudfunctions/core/jobs/phoneKeyRotationJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import type { CollectionName } from '../../cloudfunctions/core/ports/store'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'

const STAFF = 'dev-staff-1'
const OLD = randomBytes(32)
const NEW = randomBytes(32)

/** A number sealed the way the vault did before sealed values named their key. */
function legacySeal(key: Buffer, phone: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
}

async function sealedValues(h: Harness): Promise<string[]> {
  const out: string[] = []
  for (const name of PHONE_SEALED_COLLECTIONS) {
    const docs = await h.store.collection<{ _id: string; phoneSealed?: string | null }>(name as CollectionName).find({}, { limit: 1000 })
    for (const d of docs) if (d.phoneSealed) out.push(d.phoneSealed)
  }
  return out
}

describe('phone key rotation', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
    h.deps.phoneVault = createAesPhoneVault(OLD)
  })
  afterEach(async () => h.close())

  it('reads with old and new keys during the rotation and re-seals every stored phone with the new key', async () => {
    const phones = ['13800138001', '13800138002', '13800138003', '13800138004', '13800138005']
    const caseIds: string[] = []
    for (const phone of phones) caseIds.push((await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone, phoneVisibleToDeputy: false })).id)
    // A number stored before sealed values carried a key id, and a reception booking's number.
    await h.store.collection('cases').update({ _id: caseIds[0]! }, { set: { phoneSealed: legacySeal(OLD, phones[0]!) } })
    await h.store.collection('reception_bookings').insert({ _id: 'booking-1', phoneSealed: createAesPhoneVault(OLD).seal('13900000001') } as never)
    await h.store.collection('reception_bookings').insert({ _id: 'booking-2', phoneSealed: null } as never)

    // The switch: new key current, old key previous (both functions redeployed with these).
    h.deps.phoneVault = createAesPhoneVault(NEW, [OLD])
    expect(await h.ok(STAFF, 'case.revealPhone', { caseId: caseIds[0] })).toEqual({ phone: phones[0] })
    expect(await h.ok(STAFF, 'case.revealPhone', { caseId: caseIds[3] })).toEqual({ phone: phones[3] })
    const fresh = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone: '13800138009' })
    const freshDoc = await h.store.collection<{ _id: string; phoneSealed: string }>('cases').get(fresh.id)
    expect(freshDoc!.phoneSealed.startsWith(`v2:${phoneKeyId(NEW)}:`)).toBe(true)

    // The job, in small batches so that it takes several runs; each run resumes where the last stopped.
    const runs: Array<{ resealed: number; done: boolean }> = []
    for (let i = 0; i < 10; i++) {
      const report = await runPhoneKeyRotationJob(h.deps, { batch: 2 })
      runs.push({ resealed: report.resealed, done: report.done })
      if (report.done) break
    }
    expect(runs.length).toBeGreaterThan(1)
    expect(runs.reduce((n, r) => n + r.resealed, 0)).toBe(phones.length + 1) // 5 cases + 1 booking; the fresh one was already new
    expect(runs[runs.length - 1]!.done).toBe(true)
    for (const sealed of await sealedValues(h)) expect(sealed.startsWith(`v2:${phoneKeyId(NEW)}:`)).toBe(true)

    // The old key can go: everything opens with the new key alone.
    h.deps.phoneVault = createAesPhoneVault(NEW)
    for (const [i, id] of caseIds.entries()) expect(await h.ok(STAFF, 'case.revealPhone', { caseId: id })).toEqual({ phone: phones[i] })
    const booking = await h.store.collection<{ _id: string; phoneSealed: string }>('reception_bookings').get('booking-1')
    expect(h.deps.phoneVault.open(booking!.phoneSealed)).toBe('13900000001')

    // Finished: later timer runs do nothing (and say so).
    expect((await runScheduledJobs(h.deps)).phoneKeyRotation).toEqual({ keyId: phoneKeyId(NEW), resealed: 0, done: true })
  })

  it('without the old key a number cannot be opened: the job reports it, skips it and loses nothing', async () => {
    const { id } = await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone: '13800138001' })
    const before = (await h.store.collection<{ _id: string; phoneSealed: string }>('cases').get(id))!.phoneSealed
    const logged: string[] = []
    h.deps.log = (message) => logged.push(message)
    h.deps.phoneVault = createAesPhoneVault(NEW) // the operator forgot MINYI_PHONE_KEY_PREVIOUS
    expect(await runPhoneKeyRotationJob(h.deps)).toMatchObject({ resealed: 0, done: true })
    expect((await h.store.collection<{ _id: string; phoneSealed: string }>('cases').get(id))!.phoneSealed).toBe(before)
    expect(logged.join('\n')).toContain('cannot be opened')
    expect(logged.join('\n')).not.toContain('13800138001')
  })

  it('a new rotation (another key) starts over', async () => {
    await h.ok('dev-resident-1', 'case.submit', { ...validOpinion, phone: '13800138001' })
    expect((await runPhoneKeyRotationJob(h.deps)).done).toBe(true)
    h.deps.phoneVault = createAesPhoneVault(NEW, [OLD])
    expect(await runPhoneKeyRotationJob(h.deps)).toEqual({ keyId: phoneKeyId(NEW), resealed: 1, done: true })
  })
})

describe('every stored phone is covered by the rotation', () => {
  it('each record type with a phoneSealed field is in PHONE_SEALED_COLLECTIONS (a tripwire for new ones)', () => {
    // Record types live in cloudfunctions/core/domain; each `phoneSealed` field there is one
    // collection's documents. A new one must be added to the job's list (and this map).
    const fs = require('node:fs') as typeof import('node:fs')
    const path = require('node:path') as typeof import('node:path')
    const domain = path.resolve(__dirname, '../../cloudfunctions/core/domain')
    const found: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (file.endsWith('.ts')) {
          let current = ''
          for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
            const m = /^export interface (\w+)/.exec(line)
            if (m) current = m[1]!
            if (/^\s+phoneSealed\??:/.test(line)) found.push(current)
          }
        }
      }
    }
    walk(domain)
    const collectionOf: Record<string, string> = { CaseDoc: 'cases', BookingDoc: 'reception_bookings' }
    expect(found.map((type) => collectionOf[type] ?? `${type}: add its collection to PHONE_SEALED_COLLECTIONS`).sort()).toEqual(
      [...PHONE_SEALED_COLLECTIONS].sort(),
    )
  })
})
