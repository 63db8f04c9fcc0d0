// Monitoring: the api function writes one JSON line per request to its log (CloudBase's function
// logs, searchable in the console and by CLS). The line carries what an operator needs to see
// load, errors and slowness, and nothing personal: no openid, no input, no output, no message
// text. The action is named only when it is one of ours (a client could send anything there);
// the requestId only when it looks like one (it is random, chosen by the mini-program).
import { ACTIONS } from '@minyi/types'
import type { ApiResponse } from '@minyi/types'

export interface RequestLogLine {
  /** Always `request`: lets a log query pick these lines out. */
  kind: 'request'
  fn: string
  /** The action name, or `unknown` for anything that is not in the catalogue. */
  action: string
  /** `OK`, or the error code of the answer (`INVALID_INPUT`, `FORBIDDEN`, `INTERNAL`, …). */
  code: string
  /** Time spent in the function, milliseconds. */
  ms: number
  requestId: string | null
  /** Whether the caller had an openid (never the openid itself). */
  identified: boolean
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/

export function requestLogLine(input: {
  fn: string
  action: unknown
  requestId: unknown
  identified: boolean
  response: ApiResponse<unknown>
  ms: number
}): string {
  const line: RequestLogLine = {
    kind: 'request',
    fn: input.fn,
    action: typeof input.action === 'string' && Object.hasOwn(ACTIONS, input.action) ? input.action : 'unknown',
    code: input.response.ok ? 'OK' : input.response.error.code,
    ms: Math.max(0, Math.round(input.ms)),
    requestId: typeof input.requestId === 'string' && REQUEST_ID.test(input.requestId) ? input.requestId : null,
    identified: input.identified,
  }
  return JSON.stringify(line)
}
