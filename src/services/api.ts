// The one way the front end talks to the back end. Every action goes through `callApi`, which
// returns the action's data or throws an `ApiError` carrying the server's code and its Chinese
// message (shown to people as is).
//
// Transport: on weapp the `api` cloud function (identity comes from WeChat); on h5 the local
// runtime's `POST /api` with the development sign-in header `X-Dev-User`.
//
// Only types come from `@minyi/types/actions`, so no zod code is pulled into the main package.
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@minyi/types/actions'
import type { ApiResponse, ErrorCode } from '@minyi/types/errors'
import { newRequestId } from './requestId'
import { getDevUserId } from './devUser'

export const NETWORK_ERROR_MESSAGE = '网络不太稳定，没有连上服务器，请检查网络后再试'

export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK'
  /** For INVALID_INPUT: the offending field, e.g. `content`. */
  readonly field?: string

  constructor(code: ErrorCode | 'NETWORK', message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
}

/** A failure to reach the server at all (as opposed to an answer saying no). */
class TransportError extends Error {}

export interface CallOptions {
  /**
   * Idempotency key of this user intent. Pass the same one when the person repeats the very
   * same request (e.g. taps 提交 again after a network failure). When omitted a new one is made
   * for this call; the automatic retry below always reuses it.
   */
  requestId?: string
}

const REQUEST_TIMEOUT_MS = 15_000

type Envelope = { action: ActionName; input: unknown; requestId: string }

async function sendWeapp(envelope: Envelope): Promise<ApiResponse<unknown>> {
  let result: unknown
  try {
    const response = await Taro.cloud.callFunction({ name: 'api', data: envelope as unknown as Record<string, unknown> })
    result = response.result
  } catch (error) {
    throw new TransportError(String((error as { errMsg?: string })?.errMsg ?? error))
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new TransportError('empty result')
  return result as ApiResponse<unknown>
}

async function sendH5(envelope: Envelope): Promise<ApiResponse<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const devUser = getDevUserId()
  if (devUser) headers['X-Dev-User'] = devUser
  const controller = typeof AbortController === 'function' ? new AbortController() : null
  const timer = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : null
  let response: Response
  try {
    response = await fetch(`${process.env.TARO_APP_API_BASE || ''}/api`, {
      method: 'POST',
      headers,
      body: JSON.stringify(envelope),
      signal: controller?.signal,
    })
  } catch (error) {
    throw new TransportError(String(error))
  } finally {
    if (timer) clearTimeout(timer)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    // A proxy's error page or a cut connection: the request may or may not have been handled.
    throw new TransportError(`HTTP ${response.status}`)
  }
  if (!body || typeof body !== 'object' || !('ok' in body)) throw new TransportError(`HTTP ${response.status}`)
  return body as ApiResponse<unknown>
}

function send(envelope: Envelope): Promise<ApiResponse<unknown>> {
  if (process.env.TARO_ENV === 'weapp') return sendWeapp(envelope)
  return sendH5(envelope)
}

type Listener = (error: ApiError) => void
const unauthenticatedListeners = new Set<Listener>()

/** Called when the server says nobody is signed in (h5: the demo user is missing or unknown). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener)
  return () => unauthenticatedListeners.delete(listener)
}

export async function callApi<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
  options: CallOptions = {},
): Promise<ActionOutput<A>> {
  // The server ignores requestId on reading actions and requires it on mutating ones, so every
  // call carries one: no list of mutating actions to keep in step with the registry.
  const envelope: Envelope = { action, input, requestId: options.requestId ?? newRequestId() }
  let response: ApiResponse<unknown>
  try {
    response = await send(envelope)
  } catch (first) {
    if (!(first instanceof TransportError)) throw first
    // One automatic retry of the very same request (same requestId: the server dedupes).
    await new Promise((resolve) => setTimeout(resolve, 800))
    try {
      response = await send(envelope)
    } catch (second) {
      if (second instanceof TransportError) throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE)
      throw second
    }
  }
  if (response.ok) return response.data as ActionOutput<A>
  const error = new ApiError(response.error.code, response.error.message, response.error.field)
  if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener(error))
  throw error
}

/** A message a person can read, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return '出了点问题，请稍后再试'
}
