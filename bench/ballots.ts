// 民生实事代表票决 on the embedded store, through the very router the `api` function uses: 1,000
// deputies cast their secret ballots at once, and half of them also fire a second ballot with
// another receipt (a double vote) in the same burst. `ballots_per_s=` is counted ballots per second
// of the burst; `double_counted=` (stored ballots beyond one per deputy, plus any tally excess) must be 0.
import { createHarness } from '../tests/support/apiHarness'
import { ADMIN, DISTRICT_DEPUTIES, addDeputies, receipt, votingRound } from '../tests/api/livelihoodFixtures'

const DEPUTIES = 1000

export async function run(): Promise<Record<string, number | string>> {
  const h = await createHarness({ now: '2026-11-23T02:00:00.000Z' })
  const extra = await addDeputies(h, DEPUTIES - DISTRICT_DEPUTIES.length)
  const { roundId, candidateIds } = await votingRound(h, { seats: 3, candidates: 5 })
  const everyone = [...DISTRICT_DEPUTIES, ...extra]
  const started = process.hrtime.bigint()
  const answers = await Promise.all(
    everyone.flatMap((d, i) => {
      const first = h.call(d, 'livelihood.ballot.cast', { roundId, choices: [candidateIds[i % 5], candidateIds[(i + 2) % 5]], receipt: receipt() })
      return i % 2 ? [first, h.call(d, 'livelihood.ballot.cast', { roundId, choices: [candidateIds[(i + 1) % 5]], receipt: receipt() })] : [first]
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const accepted = answers.filter((a) => a.ok).length
  const stored = await h.store.collection('ballots').count({ roundId })
  const results = await h.ok(ADMIN, 'livelihood.results.get', { roundId })
  const votes = results.rows.reduce((s, r) => s + r.votes, 0)
  await h.close()
  return {
    deputies: DEPUTIES,
    requests: answers.length,
    accepted,
    ballots_stored: stored,
    ballots_per_s: Math.round(stored / seconds),
    double_counted: Math.max(0, stored - DEPUTIES) + Math.max(0, accepted - DEPUTIES) + Math.max(0, results.ballots - DEPUTIES),
    votes_tallied: votes,
    turnout: results.turnout,
  }
}
