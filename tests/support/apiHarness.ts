// Drives the very router the `api` cloud function uses, on an in-memory embedded store seeded with
// the demo data, with a clock the test controls and a notifier that records (or fails) pushes.
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionName, ActionOutput, ApiResponse } from '@minyi/types'
import type { Deps } from '../../cloudfunctions/core/application/deps'
import { createApi, type Api } from '../../cloudfunctions/core/api/router'
import { DEFAULT_CONFIG, type AppConfig } from '../../cloudfunctions/core/config'
import { createAesPhoneVault } from '../../cloudfunctions/core/adapters/crypto/aesPhoneVault'
import { openNedbStore } from '../../cloudfunctions/core/adapters/embedded/nedbStore'
import { createWordListContentCheck } from '../../cloudfunctions/core/adapters/local/wordListContentCheck'
import { createLocalFileStore, type LocalFileStore } from '../../cloudfunctions/core/adapters/local/localFileStore'
import { createLocalQrCodeMaker } from '../../cloudfunctions/core/adapters/local/qrcodePng'
import { createPdfkitRenderer } from '../../cloudfunctions/core/adapters/pdf/pdfkitRenderer'
import { createExceljsWriter } from '../../cloudfunctions/core/adapters/spreadsheet/exceljsWriter'
import { hotlineLink, type FileStore, type HotlineAdapter, type Notifier, type PushMessage, type PushResult, type Store } from '../../cloudfunctions/core/ports'
import { createLocalArchiveStore, type LocalArchiveStore } from '../../cloudfunctions/core/adapters/local/localArchiveStore'
import { withInsightRollups } from '../../cloudfunctions/core/application/insight/rollups'
import { seedDemoData } from '../../server/demoData'
import { devOpenid } from '../../server/devIdentity'

export class TestClock {
  constructor(private current: Date) {}
  now = () => new Date(this.current)
  set(iso: string) {
    this.current = new Date(iso)
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export class FakeNotifier implements Notifier {
  sent: PushMessage[] = []
  /** What the next sends answer; defaults to success. */
  answers: PushResult[] = []
  async send(message: PushMessage): Promise<PushResult> {
    const answer = this.answers.shift() ?? { ok: true }
    if (answer.ok) this.sent.push(message)
    return answer
  }
}

export interface Harness {
  api: Api
  deps: Deps
  store: Store
  clock: TestClock
  notifier: FakeNotifier
  /** The local photo store (a temporary folder), unless the test gave another file store. */
  files: LocalFileStore
  /** The archive export's store (a temporary folder). */
  archive: LocalArchiveStore
  /** Calls an action as a demo user, the way the entry point would after resolving the openid. */
  call<A extends ActionName>(userId: string, action: A, input?: unknown, requestId?: string): Promise<ApiResponse<ActionOutput<A>>>
  /** Like `call`, but fails the test unless the answer is ok, and returns the data. */
  ok<A extends ActionName>(userId: string, action: A, input?: unknown, requestId?: string): Promise<ActionOutput<A>>
  close(): Promise<void>
}

export interface HarnessOptions {
  now?: string
  config?: Partial<AppConfig>
  pushNeedsConsent?: boolean
  store?: Store
  /** Another photo store (e.g. the CloudBase adapter over a fake). */
  fileStore?: FileStore
  /** 12345 adapters (e.g. one pointed at the stand-in partner, server/hotlineStandIn.ts). */
  hotlineAdapters?: HotlineAdapter[]
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new TestClock(new Date(options.now ?? '2026-11-23T02:00:00.000Z'))
  const store = withInsightRollups(options.store ?? (await openNedbStore()), () => undefined, () => clock.now())
  await seedDemoData(store)
  const notifier = new FakeNotifier()
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-uploads-'))
  const files = createLocalFileStore({ root: uploads, now: () => clock.now() })
  const archive = createLocalArchiveStore({ root: path.join(uploads, 'exports'), now: () => clock.now() })
  const deps: Deps = {
    store,
    clock,
    contentCheck: createWordListContentCheck(),
    notifier,
    pushNeedsConsent: options.pushNeedsConsent ?? false,
    phoneVault: createAesPhoneVault(randomBytes(32)),
    fileStore: options.fileStore ?? files,
    qrCode: createLocalQrCodeMaker('http://127.0.0.1:8080'),
    pdf: createPdfkitRenderer(),
    xlsx: createExceljsWriter(),
    hotline: hotlineLink(options.hotlineAdapters ?? []),
    archive,
    newId: randomUUID,
    config: { ...DEFAULT_CONFIG, ...options.config },
    log: () => undefined,
  }
  const api = createApi(deps)
  const call = (async (userId: string, action: ActionName, input: unknown = {}, requestId?: string) =>
    api.handle({ action, input, requestId: requestId ?? randomUUID().replace(/-/g, '') }, { openid: devOpenid(userId) })) as Harness['call']
  const ok = (async (userId: string, action: ActionName, input?: unknown, requestId?: string) => {
    const response = await call(userId, action, input, requestId)
    if (!response.ok) throw new Error(`${action} as ${userId} failed: ${response.error.code} ${response.error.message}`)
    return response.data
  }) as Harness['ok']
  const close = async () => {
    await store.close()
    fs.rmSync(uploads, { recursive: true, force: true })
  }
  return { api, deps, store, clock, notifier, files, archive, call, ok, close }
}

export const validOpinion = {
  stationCode: 'HBJD',
  category: 'traffic',
  content: '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。',
  place: '湖滨路与望湖路交叉口',
  privacyConsent: true,
}
