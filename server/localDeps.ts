// Wiring of the embedded default: nedb under DATA_DIR, the word-list content check, the recording
// notifier, and a phone-encryption key kept outside the data folder.
import { withInsightRollups } from '../cloudfunctions/core/application/insight/rollups'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Deps } from '../cloudfunctions/core/application/deps'
import { configFromEnv } from '../cloudfunctions/core/config'
import { createAesPhoneVault, parseKey, parsePreviousKeys } from '../cloudfunctions/core/adapters/crypto/aesPhoneVault'
import { openNedbStore } from '../cloudfunctions/core/adapters/embedded/nedbStore'
import { createRecordingNotifier } from '../cloudfunctions/core/adapters/local/recordingNotifier'
import { createLocalFileStore } from '../cloudfunctions/core/adapters/local/localFileStore'
import { createLocalQrCodeMaker } from '../cloudfunctions/core/adapters/local/qrcodePng'
import { createPdfkitRenderer } from '../cloudfunctions/core/adapters/pdf/pdfkitRenderer'
import { createExceljsWriter } from '../cloudfunctions/core/adapters/spreadsheet/exceljsWriter'
import { createWordListContentCheck } from '../cloudfunctions/core/adapters/local/wordListContentCheck'
import { hotlineLink, systemClock, type Clock, type HotlineAdapter } from '../cloudfunctions/core/ports'
import { createLocalArchiveStore } from '../cloudfunctions/core/adapters/local/localArchiveStore'
import { devClockFromEnv } from './devClock'

/**
 * The local key: MINYI_PHONE_KEY if set, else a key file (MINYI_KEY_FILE, default
 * `.secrets/phone.key`) created on first start. Never inside the data folder.
 */
export function loadLocalPhoneKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.MINYI_PHONE_KEY) return parseKey(env.MINYI_PHONE_KEY)
  const file = path.resolve(env.MINYI_KEY_FILE ?? path.join('.secrets', 'phone.key'))
  if (file.startsWith(path.resolve(dataDir) + path.sep)) {
    throw new Error('the phone key file must not live inside the data folder')
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return parseKey(fs.readFileSync(file, 'utf8'))
}

/** The address the local runtime serves h5 at: what a local QR code opens. */
export function localBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.MINYI_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? 8080}`
}

export interface LocalDepsOptions {
  dataDir: string
  env?: NodeJS.ProcessEnv
  clock?: Clock
  log?: Deps['log']
  /** 12345 adapters (server/main.ts points one at the stand-in partner). */
  hotlineAdapters?: HotlineAdapter[]
}

export async function createLocalDeps(options: LocalDepsOptions): Promise<Deps> {
  const env = options.env ?? process.env
  const clock = options.clock ?? devClockFromEnv(env) ?? systemClock
  const store = withInsightRollups(await openNedbStore({ dataDir: options.dataDir }), () => undefined, () => clock.now())
  return {
    store,
    clock,
    contentCheck: createWordListContentCheck(),
    notifier: createRecordingNotifier(store, clock, randomUUID),
    pushNeedsConsent: false,
    phoneVault: createAesPhoneVault(loadLocalPhoneKey(env, options.dataDir), parsePreviousKeys(env.MINYI_PHONE_KEY_PREVIOUS)),
    // Photos under <DATA_DIR>/uploads, served only through the access-checked route (server/photoRoutes.ts).
    fileStore: createLocalFileStore({ root: path.join(options.dataDir, 'uploads'), now: () => clock.now() }),
    qrCode: createLocalQrCodeMaker(localBaseUrl(env)),
    pdf: createPdfkitRenderer(),
    xlsx: createExceljsWriter(),
    hotline: hotlineLink(options.hotlineAdapters ?? []),
    // The nightly archive export under <DATA_DIR>/exports, downloaded through a signed address.
    archive: createLocalArchiveStore({ root: path.join(options.dataDir, 'exports'), now: () => clock.now() }),
    newId: randomUUID,
    config: configFromEnv(env),
    log: options.log ?? ((message, detail) => console.error(`[minyi] ${message}`, detail ?? '')),
  }
}
