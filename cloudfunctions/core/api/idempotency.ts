// A retried mutating request (same caller, action and requestId) gets the first answer back and
// does nothing twice. The first request claims the key by inserting it; a concurrent duplicate
// waits for the first to finish. Failed requests release the key so they can be tried again.
import type { ApiResponse } from '@minyi/types'
import type { RequestDoc } from '../domain/records'
import type { Store } from '../ports'

const WAIT_STEP_MS = 50
const WAIT_LIMIT_MS = 2500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A secret shown once (a new API key: `data.shownOnce`) is never kept in the request record: a
 * retry gets the same answer without it (the key itself is stored only as a hash).
 */
function withoutOneTimeSecrets(response: ApiResponse<unknown>): ApiResponse<unknown> {
  if (!response.ok || !response.data || typeof response.data !== 'object' || !('shownOnce' in response.data)) return response
  return { ok: true, data: { ...(response.data as Record<string, unknown>), shownOnce: null } }
}

export async function runOnce(
  store: Store,
  key: string,
  now: Date,
  run: () => Promise<ApiResponse<unknown>>,
): Promise<ApiResponse<unknown>> {
  const requests = store.collection<RequestDoc>('requests')
  const claimed = await requests.insert({ _id: key, status: 'pending', response: null, createdAt: now.toISOString() })
  if (!claimed) {
    for (let waited = 0; waited <= WAIT_LIMIT_MS; waited += WAIT_STEP_MS) {
      const first = await requests.get(key)
      if (!first) return runOnce(store, key, now, run)
      if (first.status === 'done') return first.response as ApiResponse<unknown>
      await sleep(WAIT_STEP_MS)
    }
    return { ok: false, error: { code: 'REQUEST_IN_PROGRESS', message: '上一次提交仍在处理中，请稍后刷新查看' } }
  }
  let response: ApiResponse<unknown>
  try {
    response = await run()
  } catch (error) {
    await requests.remove({ _id: key })
    throw error
  }
  if (response.ok) await requests.update({ _id: key }, { set: { status: 'done', response: withoutOneTimeSecrets(response) } })
  else await requests.remove({ _id: key })
  return response
}
