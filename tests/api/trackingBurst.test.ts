// The day's tracking numbers under a burst: many cases created at the same moment each get their
// own number, with no failures and no gaps, on the embedded store and on the CloudBase adapter
// (the real node-sdk against the fake endpoint). The counter (application/shared/sequence.ts)
// appends a ticket to a bucket document in one conditional update and reads its position back,
// so writers never contend; a full bucket (500 tickets) continues in the next one.
import tcb from '@cloudbase/node-sdk'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { openNedbStore } from '../../cloudfunctions/core/adapters/embedded/nedbStore'
import { bucketId, nextSequence, TICKETS_PER_BUCKET, type TicketBucketDoc } from '../../cloudfunctions/core/application/shared/sequence'
import type { Store } from '../../cloudfunctions/core/ports'
import { startFakeCloudbase, type CollectionSpec, type FakeCloudbase } from '../support/fakeCloudbase'
import { createHarness, validOpinion, type Harness } from '../support/apiHarness'

const BURST = 500
const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../deploy/collections.json'), 'utf8')) as { collections: CollectionSpec[] }

async function burstOfSubmissions(h: Harness, n = BURST) {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      h.call('dev-resident-1', 'case.submit', { ...validOpinion, content: `${validOpinion.content}（第${i + 1}位）` }, `burst-${String(i).padStart(4, '0')}-0000000000`),
    ),
  )
  const failed = answers.filter((a) => !a.ok)
  const numbers = answers.flatMap((a) => (a.ok ? [a.data.trackingNo] : []))
  return { failed, numbers }
}

const expectedNumbers = (n: number) => Array.from({ length: n }, (_, i) => `MY20261123-${String(i + 1).padStart(4, '0')}`)

describe(`${BURST} residents' opinions submitted at the same moment`, () => {
  it('embedded store: every one stored, each with its own number, 0001 to 0500 without a gap', async () => {
    const h = await createHarness({ config: { dailySubmissionLimit: 10_000 } })
    try {
      const { failed, numbers } = await burstOfSubmissions(h)
      expect(failed).toEqual([])
      expect([...numbers].sort()).toEqual(expectedNumbers(BURST))
      expect(await h.store.collection('cases').count({ trackingNo: { $in: numbers } })).toBe(BURST)
    } finally {
      await h.close()
    }
  }, 60_000)

  describe('CloudBase adapter against the fake endpoint', () => {
    let fake: FakeCloudbase
    let store: Store
    const previous = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE }
    beforeAll(async () => {
      process.env.TENCENTCLOUD = 'true'
      // node-sdk warns about every database request slower than 3 s, as they are when 500 queue up here.
      process.env.SILENCE = 'true'
      fake = await startFakeCloudbase({ collections: manifest.collections })
      store = createCloudbaseStore(tcb.init(fake.sdkConfig))
    })
    afterAll(async () => {
      await fake.close()
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    })

    it(`${BURST} numbers taken at once: each its own, 1 to ${BURST}; once the bucket exists, one update and one read each`, async () => {
      // The first number of the day also creates the bucket document.
      expect(await nextSequence(store, 'case-tracking:2026-12-02')).toBe(1)
      const before = fake.requests.length
      const got = await Promise.all(Array.from({ length: BURST - 1 }, () => nextSequence(store, 'case-tracking:2026-12-02')))
      expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: BURST - 1 }, (_, i) => i + 2))
      expect(fake.requests.slice(before).map((r) => r.action).sort()).toEqual([
        ...Array(BURST - 1).fill('database.getDocument'),
        ...Array(BURST - 1).fill('database.modifyDocument'),
      ])
    }, 60_000)

    // 100 here (each submission is ~15 requests to the fake, all on this one thread); the bench
    // (bench/trackingBurst.ts) runs 500.
    it('100 case.submit at once through the adapter: every one stored with its own number', async () => {
      const h = await createHarness({ store, config: { dailySubmissionLimit: 10_000 } })
      const { failed, numbers } = await burstOfSubmissions(h, 100)
      expect(failed).toEqual([])
      expect([...numbers].sort()).toEqual(expectedNumbers(100))
    }, 120_000)
  })
})

describe('the counter itself', () => {
  it('crosses from one bucket to the next without a gap or a repeat, all at once', async () => {
    const store = await openNedbStore()
    try {
      const n = TICKETS_PER_BUCKET * 2 + 37
      const got = await Promise.all(Array.from({ length: n }, () => nextSequence(store, 'test-counter:a')))
      expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      const buckets = await store.collection<TicketBucketDoc>('counters').find({ _id: { $in: [0, 1, 2, 3].map((i) => bucketId('test-counter:a', i)) } })
      expect(buckets.map((b) => [b._id, b.start, b.size]).sort()).toEqual([
        [bucketId('test-counter:a', 0), 1, TICKETS_PER_BUCKET],
        [bucketId('test-counter:a', 1), TICKETS_PER_BUCKET + 1, TICKETS_PER_BUCKET],
        [bucketId('test-counter:a', 2), 2 * TICKETS_PER_BUCKET + 1, 37],
      ])
      // Later calls continue where the burst ended.
      expect(await nextSequence(store, 'test-counter:a')).toBe(n + 1)
    } finally {
      await store.close()
    }
  })

  it('continues a counter of the former kind ({ value }) where it stopped, so a deploy mid-day repeats no number', async () => {
    const store = await openNedbStore()
    try {
      await store.collection<{ _id: string; value: number }>('counters').insert({ _id: 'test-counter:b', value: 41 })
      expect(await Promise.all([nextSequence(store, 'test-counter:b'), nextSequence(store, 'test-counter:b')])).toEqual(expect.arrayContaining([42, 43]))
    } finally {
      await store.close()
    }
  })

  it('keeps counters apart, and a fresh store starts at 1 whatever another store reached', async () => {
    const first = await openNedbStore()
    const second = await openNedbStore()
    try {
      for (let i = 0; i < TICKETS_PER_BUCKET + 1; i += 1) await nextSequence(first, 'test-counter:c')
      expect(await nextSequence(first, 'test-counter:d')).toBe(1)
      expect(await nextSequence(second, 'test-counter:c')).toBe(1)
      expect(await nextSequence(first, 'test-counter:c')).toBe(TICKETS_PER_BUCKET + 2)
    } finally {
      await first.close()
      await second.close()
    }
  })
})
