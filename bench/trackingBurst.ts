// Tracking numbers under a burst: 500 residents' opinions submitted at the same moment through the
// router (`case.submit`), on the embedded store and on the CloudBase adapter (the real node-sdk
// against the fake endpoint on 127.0.0.1, all in this one process), and 1,200 bare numbers (two bucket changes) taken
// at once from the counter on each. `*_failed=` and `*_duplicates=` must be 0; `*_max_no=` equal
// to the count means no gap.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { openNedbStore } from '../cloudfunctions/core/adapters/embedded/nedbStore'
import { nextSequence } from '../cloudfunctions/core/application/shared/sequence'
import type { Store } from '../cloudfunctions/core/ports'
import { createHarness, validOpinion } from '../tests/support/apiHarness'
import { startFakeCloudbase, type CollectionSpec } from '../tests/support/fakeCloudbase'

const SUBMISSIONS = 500
const NUMBERS = 1200

async function submissions(label: string, store: Store | undefined): Promise<Record<string, number>> {
  const h = await createHarness({ store, config: { dailySubmissionLimit: 100_000 } })
  const started = process.hrtime.bigint()
  const answers = await Promise.all(
    Array.from({ length: SUBMISSIONS }, (_, i) => h.call('dev-resident-1', 'case.submit', { ...validOpinion, content: `${validOpinion.content}（${i}）` })),
  )
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const numbers = answers.flatMap((a) => (a.ok ? [a.data.trackingNo] : []))
  if (!store) await h.close()
  return {
    [`${label}_submit_burst`]: SUBMISSIONS,
    [`${label}_submit_burst_ms`]: Math.round(ms),
    [`${label}_submit_failed`]: answers.length - numbers.length,
    [`${label}_submit_duplicates`]: numbers.length - new Set(numbers).size,
    [`${label}_submit_max_no`]: Math.max(0, ...numbers.map((n) => Number(n.slice(-4)))),
  }
}

async function numbers(label: string, store: Store): Promise<Record<string, number>> {
  const started = process.hrtime.bigint()
  const got = await Promise.all(Array.from({ length: NUMBERS }, () => nextSequence(store, 'bench-counter:2026-12-02').then((n) => n, () => null)))
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const ok = got.filter((n): n is number => n !== null)
  return {
    [`${label}_numbers_at_once`]: NUMBERS,
    [`${label}_numbers_ms`]: Math.round(ms),
    [`${label}_numbers_failed`]: NUMBERS - ok.length,
    [`${label}_numbers_duplicates`]: ok.length - new Set(ok).size,
    [`${label}_numbers_max`]: Math.max(0, ...ok),
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number> = {}
  Object.assign(figures, await submissions('embedded', undefined))
  const embedded = await openNedbStore()
  Object.assign(figures, await numbers('embedded', embedded))
  await embedded.close()

  const previous = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE }
  process.env.TENCENTCLOUD = 'true'
  process.env.SILENCE = 'true'
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '../deploy/collections.json'), 'utf8')) as { collections: CollectionSpec[] }
  const fake = await startFakeCloudbase({ collections: manifest.collections })
  try {
    const store = createCloudbaseStore(tcb.init(fake.sdkConfig))
    Object.assign(figures, await submissions('cloudbase_fake', store))
    Object.assign(figures, await numbers('cloudbase_fake', store))
  } finally {
    await fake.close()
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  return figures
}
