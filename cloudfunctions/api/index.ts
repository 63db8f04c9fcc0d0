// The `api` cloud function. The caller's identity is the OPENID in WeChat's context and nothing
// else: not a header, not a field of the payload. The event is reduced to the three fields of the
// envelope before the router sees it. Every request writes one JSON log line (action, code,
// duration; nothing personal: core/api/requestLog.ts).
import cloud from 'wx-server-sdk'
import tcb from '@cloudbase/node-sdk'
import type { ApiResponse } from '@minyi/types'
import { createApi, type Api } from '../core/api/router'
import { createCloudDeps } from '../core/composition/cloudDeps'
import { requestLogLine } from '../core/api/requestLog'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

let api: Api | null = null

function getApi(): Api {
  api ??= createApi(
    createCloudDeps({
      app: tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }),
      openapi: cloud.openapi as never,
      env: process.env,
    }),
  )
  return api
}

interface ApiEvent {
  action?: unknown
  input?: unknown
  requestId?: unknown
}

async function answer(event: ApiEvent, openid: string | null): Promise<ApiResponse<unknown>> {
  let handler: Api
  try {
    handler = getApi()
  } catch (error) {
    console.error('[minyi] api function is misconfigured', error)
    return { ok: false, error: { code: 'INTERNAL', message: '服务配置有误，请联系管理员' } }
  }
  return handler.handle({ action: event?.action, input: event?.input, requestId: event?.requestId }, { openid })
}

export async function main(event: ApiEvent): Promise<ApiResponse<unknown>> {
  const started = performance.now()
  const { OPENID } = cloud.getWXContext()
  const openid = typeof OPENID === 'string' && OPENID ? OPENID : null
  const response = await answer(event, openid)
  console.log(
    requestLogLine({ fn: 'api', action: event?.action, requestId: event?.requestId, identified: Boolean(openid), response, ms: performance.now() - started }),
  )
  return response
}
