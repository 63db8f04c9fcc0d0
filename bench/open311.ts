// Open311 and partner filing on the embedded store, through the very gateway the `open311`
// function and the local runtime use: `requests.json` pages over a district's cases (cache off, so
// every request reads the store), one case by id, the nightly export of a busy day, and partners
// filing many cases at once with retries (`duplicates=` must be 0).
import type { PartnerCaseDoc } from '../cloudfunctions/core/domain/partners/records'
import { exportDay } from '../cloudfunctions/core/application/exports/archiveExport'
import { createHarness } from '../tests/support/apiHarness'
import { aCaseDoc } from '../tests/support/caseDocs'
import { gatewayClient, createPartnerKey, partnerCase } from '../tests/api/partnerFixtures'
import { generateCase, rng } from './support/caseGenerator'

const CASES = 5000
const READS = 200
const PARTNER_IDS = 100
const RETRIES_EACH = 5

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]

export async function run(): Promise<Record<string, number | string>> {
  const h = await createHarness({ now: '2026-11-24T02:00:00.000Z' })
  const r = rng(12)
  const cases = h.store.collection<PartnerCaseDoc>('cases')
  // 5,000 cases raised over the day before (Shanghai 2026-11-23), one in ten flagged for review.
  const dayStart = Date.parse('2026-11-22T16:00:00.000Z')
  for (let i = 0; i < CASES; i += 1) {
    const g = generateCase(r)
    const at = new Date(dayStart + Math.floor((i / CASES) * 86_400_000)).toISOString()
    await cases.insert({
      ...aCaseDoc({ _id: `bench-${i}`, trackingNo: `MY20261123-${String(i + 1).padStart(4, '0')}`, category: g.category, content: g.text, place: g.place, createdAt: at, updatedAt: at, contentCheck: i % 10 === 0 ? 'review' : 'pass' }),
    })
  }
  const client = gatewayClient(h, { burst: 1e9, perSecond: 1e9, cacheSeconds: 0 })
  const timed = async (target: string) => {
    const started = process.hrtime.bigint()
    const answer = await client.get(target)
    if (answer.status !== 200) throw new Error(`${target}: ${answer.status} ${answer.text}`)
    return Number(process.hrtime.bigint() - started) / 1e6
  }
  const page: number[] = []
  const filtered: number[] = []
  const one: number[] = []
  for (let i = 0; i < READS; i += 1) {
    page.push(await timed(`/open311/v2/requests.json?page=${1 + (i % 20)}&page_size=50`))
    filtered.push(await timed('/open311/v2/requests.json?status=open&service_code=traffic,environment&start_date=2026-11-23T08:00:00%2B08:00&end_date=2026-11-23T20:00:00%2B08:00'))
    // An odd index: never one of the cases flagged for review (every tenth), which are not public.
    one.push(await timed(`/open311/v2/requests/MY20261123-${String(1 + (((i * 37) % CASES) | 1)).padStart(4, "0")}.json`))
  }

  const started = Date.now()
  const exported = await exportDay(h.deps, '2026-11-23')
  const exportMs = Date.now() - started

  // Partners: 100 work orders, each sent 5 times at once (retries racing), all in flight together.
  const key = await createPartnerKey(h)
  const fileStarted = Date.now()
  const answers = await Promise.all(
    Array.from({ length: PARTNER_IDS * RETRIES_EACH }, (_, i) => client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, `GD-${i % PARTNER_IDS}`))),
  )
  const fileMs = Date.now() - fileStarted
  const stored = await cases.count({ channel: 'partner' })
  await h.close()
  return {
    open311_cases: CASES,
    open311_page_median_ms: median(page).toFixed(1),
    open311_page_p95_ms: p95(page).toFixed(1),
    open311_filtered_median_ms: median(filtered).toFixed(1),
    open311_by_id_median_ms: median(one).toFixed(1),
    export_day_cases: exported.count ?? 0,
    export_day_ms: exportMs,
    partner_posts: answers.length,
    partner_posts_per_s: Math.round((answers.length / fileMs) * 1000),
    partner_cases_stored: stored,
    duplicates: stored - PARTNER_IDS,
    failed_posts: answers.filter((a) => a.status >= 300).length,
  }
}
