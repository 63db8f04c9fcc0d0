// Production wiring: CloudBase database, WeChat open APIs, keys from the function's environment.
// Nothing here can enable the local development sign-in; that lives only in server/.
import { randomUUID } from 'node:crypto'
import type { Deps } from '../application/deps'
import { configFromEnv } from '../config'
import { createAesPhoneVault, parseKey, parsePreviousKeys } from '../adapters/crypto/aesPhoneVault'
import { createCloudbaseStore } from '../adapters/cloudbase/cloudbaseStore'
import { createCloudbaseFileStore, type CloudStorageApi } from '../adapters/cloudbase/cloudbaseFileStore'
import { createMsgSecCheck } from '../adapters/wechat/msgSecCheck'
import type { WxOpenApi } from '../adapters/wechat/openapi'
import { createSubscribeNotifier, type TemplateBinding } from '../adapters/wechat/subscribeNotifier'
import { createWxacodeMaker } from '../adapters/wechat/wxacode'
import { createPdfkitRenderer } from '../adapters/pdf/pdfkitRenderer'
import { createExceljsWriter } from '../adapters/spreadsheet/exceljsWriter'
import { systemClock, hotlineLink } from '../ports'
import { hotlineAdaptersFromEnv } from '../adapters/hotline/signedJsonHotline'
import { createCloudbaseArchiveStore, type CloudArchiveApi } from '../adapters/cloudbase/cloudbaseArchiveStore'
import { withInsightRollups } from '../application/insight/rollups'

export interface CloudRuntime {
  /** An initialised `@cloudbase/node-sdk` app. */
  app: Parameters<typeof createCloudbaseStore>[0]
  openapi: WxOpenApi
  env: NodeJS.ProcessEnv
}

function templatesFromEnv(env: NodeJS.ProcessEnv): Record<string, TemplateBinding> {
  if (!env.MINYI_TEMPLATES) return {}
  return JSON.parse(env.MINYI_TEMPLATES) as Record<string, TemplateBinding>
}

function wxacodeEnvVersion(env: NodeJS.ProcessEnv): 'release' | 'trial' | 'develop' {
  const state = env.MINYI_MINIPROGRAM_STATE ?? 'formal'
  return state === 'developer' ? 'develop' : state === 'trial' ? 'trial' : 'release'
}

export function createCloudDeps(runtime: CloudRuntime): Deps {
  const { env } = runtime
  if (!env.MINYI_PHONE_KEY) {
    throw new Error('MINYI_PHONE_KEY is not set: refusing to run without the phone-number encryption key')
  }
  const log = (message: string, detail?: unknown) => console.error(`[minyi] ${message}`, detail ?? '')
  return {
    // Cases are counted into the dashboards' rollups where they change (application/insight/rollups.ts).
    store: withInsightRollups(createCloudbaseStore(runtime.app), log),
    clock: systemClock,
    contentCheck: createMsgSecCheck(runtime.openapi, log),
    notifier: createSubscribeNotifier(runtime.openapi, templatesFromEnv(env), env.MINYI_MINIPROGRAM_STATE ?? 'formal'),
    pushNeedsConsent: true,
    // During a key rotation MINYI_PHONE_KEY_PREVIOUS holds the old key: read with both, seal with the new.
    phoneVault: createAesPhoneVault(parseKey(env.MINYI_PHONE_KEY), parsePreviousKeys(env.MINYI_PHONE_KEY_PREVIOUS)),
    // Photos: the mini-program uploads to cloud storage under uploads/<openid>/; temp URLs to view.
    fileStore: createCloudbaseFileStore(runtime.app as unknown as CloudStorageApi, { log }),
    qrCode: createWxacodeMaker(runtime.openapi, wxacodeEnvVersion(env)),
    pdf: createPdfkitRenderer(),
    xlsx: createExceljsWriter(),
    // 12345: MINYI_HOTLINE_12345_URL + MINYI_HOTLINE_12345_SECRET (docs/hotline-12345.md).
    hotline: hotlineLink(hotlineAdaptersFromEnv(env)),
    // The nightly archive export, in storage under exports/.
    archive: createCloudbaseArchiveStore(runtime.app as unknown as CloudArchiveApi),
    newId: randomUUID,
    config: configFromEnv(env),
    log,
  }
}
