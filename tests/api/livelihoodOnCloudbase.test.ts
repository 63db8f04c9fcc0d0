// The secret ballot's concurrency rules on the CloudBase adapter: the real @cloudbase/node-sdk
// talks to the fake CloudBase endpoint, so the token claim (`{ voted: false }` → voted), the ballot
// insert under a receipt-hash id and the 附议 marker (`supporters.<id>` $exists false) are the very
// requests production sends.
import type { Harness } from '../support/apiHarness'
import { useCloudbaseHarness } from '../support/cloudbaseApiHarness'
import { ADMIN, DISTRICT_DEPUTIES, addDeputies, openRound, propose, receipt, votingRound } from './livelihoodFixtures'

const cloudbase = useCloudbaseHarness()
let h: Harness
beforeEach(() => {
  h = cloudbase.current()
})

it('40 concurrent casts from 20 deputies (retries and second ballots) count exactly 20', async () => {
  const extra = await addDeputies(h, 17)
  const { roundId, candidateIds } = await votingRound(h, { seats: 1 })
  const everyone = [...DISTRICT_DEPUTIES, ...extra]
  const answers = await Promise.all(
    everyone.flatMap((d, i) => {
      const input = { roundId, choices: [candidateIds[i % 3]], receipt: receipt() }
      const requestId = `cbcast${String(i).padStart(4, '0')}`
      return i % 2 === 0
        ? [h.call(d, 'livelihood.ballot.cast', input, requestId), h.call(d, 'livelihood.ballot.cast', input, requestId)]
        : [h.call(d, 'livelihood.ballot.cast', input, requestId), h.call(d, 'livelihood.ballot.cast', { ...input, receipt: receipt() })]
    }),
  )
  expect(answers.filter((a) => a.ok)).toHaveLength(30)
  const results = await h.ok(ADMIN, 'livelihood.results.get', { roundId })
  expect(results).toMatchObject({ counted: true, turnout: 20, ballots: 20 })
  expect(results.rows.reduce((s, r) => s + r.votes, 0)).toBe(20)
})

it('concurrent 附议 by one resident counts once', async () => {
  const roundId = await openRound(h)
  const id = await propose(h, roundId)
  await h.ok('dev-staff-1', 'livelihood.proposal.moderate', { proposalId: id, decision: 'approve' })
  await Promise.all(Array.from({ length: 8 }, () => h.call('dev-resident-2', 'livelihood.proposal.support', { proposalId: id })))
  expect((await h.ok('dev-resident-1', 'livelihood.proposal.list', { roundId })).proposals[0].supportCount).toBe(1)
})
