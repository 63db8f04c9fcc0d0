// 民生实事代表票决 through the router: round states as data (every allowed and refused move),
// proposals and 附议, the secret ballot (nothing in the store links a deputy to a choice), double and
// out-of-electorate votes, majority and tie rules, 200 concurrent casts with retries, and the
// carrying out (milestones, notices to supporters, overdue flags, inspections, assessment, export).
import { ROUND_COMMANDS, ROUND_TRANSITIONS, type RoundCommand, type RoundStatus } from '@minyi/types'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import { chooseProjects, majorityThreshold } from '../../cloudfunctions/core/domain/livelihood/rules'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { devOpenid } from '../../server/devIdentity'
import { createHarness, type Harness } from '../support/apiHarness'
import { readPdf } from '../support/pdfText'
import { CHINESE, notificationsOf, refusal, submit } from './caseFixtures'
import { ADMIN, DISTRICT_DEPUTIES, DISTRICT_OFFICE, STREET_DEPUTY, STREET_OFFICE, addDeputies, candidateInput, carryingOut, openRound, propose, receipt, vote, votingRound } from './livelihoodFixtures'

let h: Harness
afterEach(() => h?.close())

async function everything(): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {}
  for (const name of COLLECTIONS) {
    if (name === 'requests') continue
    all[name] = await h.store.collection(name as CollectionName).find({}, { sort: [['_id', 1]], limit: 100_000 })
  }
  return all
}

describe('round states as data', () => {
  it('every command is refused outside its `from` states, and the office walks the whole cycle', async () => {
    h = await createHarness()
    const roundId = await openRound(h)
    const tryAllRefused = async (status: RoundStatus) => {
      for (const command of ROUND_COMMANDS.filter((c) => !(ROUND_TRANSITIONS[c].from as readonly string[]).includes(status))) {
        const before = await everything()
        const error = refusal(await h.call(ADMIN, 'livelihood.round.move', { roundId, command }))
        expect({ status, command, code: error.code }).toEqual({ status, command, code: 'INVALID_STATE' })
        expect(error.message).toMatch(CHINESE)
        expect(await everything()).toEqual(before)
      }
    }
    const move = async (command: RoundCommand, expected: RoundStatus, who = ADMIN) => {
      const round = await h.ok(who, 'livelihood.round.move', { roundId, command })
      expect(round.status).toBe(expected)
      return round
    }
    await tryAllRefused('collecting')
    expect((await h.ok(ADMIN, 'livelihood.round.get', { roundId })).commands).toEqual(['startShortlist'])
    await move('startShortlist', 'shortlisting')
    await tryAllRefused('shortlisting')
    await move('reopenCollecting', 'collecting', DISTRICT_OFFICE)
    await move('startShortlist', 'shortlisting', DISTRICT_OFFICE)
    // openVote needs vote settings and enough candidates: refused, nothing written.
    const before = await everything()
    expect(refusal(await h.call(ADMIN, 'livelihood.round.move', { roundId, command: 'openVote' }))).toMatchObject({ code: 'INVALID_STATE', message: '请先设置票决规则（当选数量、开始和截止时间）' })
    const now = h.clock.now().getTime()
    const settings = { roundId, seats: 1, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() }
    expect(await everything()).toEqual(before)
    await h.ok(ADMIN, 'livelihood.vote.configure', settings)
    expect(refusal(await h.call(ADMIN, 'livelihood.round.move', { roundId, command: 'openVote' })).message).toBe('候选项目（0个）少于当选数量（1个），请先完善候选项目')
    const c = await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, '湖滨公园适老化改造'))
    await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, '翠苑小区加装电梯'))
    const voting = await move('openVote', 'voting')
    expect(voting.electorateSize).toBe(3)
    await tryAllRefused('voting')
    expect(refusal(await h.call(ADMIN, 'livelihood.round.move', { roundId, command: 'publishResults' })).message).toBe('票决尚未截止，且还有代表没有投票')
    for (const d of DISTRICT_DEPUTIES) await vote(h, d, roundId, [c.id])
    await move('publishResults', 'carrying_out')
    await tryAllRefused('carrying_out')
    await move('startAssessment', 'assessing')
    await tryAllRefused('assessing')
    await move('close', 'closed')
    await tryAllRefused('closed')
    const timeline = (await h.ok('dev-resident-1', 'livelihood.round.get', { roundId })).timeline.map((e) => e.label)
    expect(timeline).toEqual(['开启征集', '遴选候选项目', '征集中', '遴选候选项目', '设置票决规则：1个名额', '代表票决中', '实施监督中', '满意度测评中', '已办结'])
  })

  it('only the round’s congress office moves it: others are refused and nothing is written', async () => {
    h = await createHarness()
    const roundId = await openRound(h)
    const rows: Array<[string, string]> = [
      ['dev-resident-1', 'FORBIDDEN'],
      ['dev-deputy-1', 'FORBIDDEN'],
      ['dev-staff-1', 'FORBIDDEN'], // station staff: moderate proposals, do not run the round
      [STREET_OFFICE, 'FORBIDDEN'], // a street office does not run the district's round
      ['dev-office-3', 'FORBIDDEN'],
    ]
    for (const [who, code] of rows) {
      const before = await everything()
      const error = refusal(await h.call(who, 'livelihood.round.move', { roundId, command: 'startShortlist' }))
      expect({ who, code: error.code }).toEqual({ who, code })
      expect(error.message).toMatch(CHINESE)
      expect(await everything()).toEqual(before)
    }
    // A street office opens its own street's round, not the district's.
    expect(refusal(await h.call(STREET_OFFICE, 'livelihood.round.create', { year: 2026, level: 'district', regionId: 'region-binhu', title: '越级开启的票决', collectFrom: '2026-11-01', collectUntil: '2026-12-01' })).code).toBe('FORBIDDEN')
    const street = await h.ok(STREET_OFFICE, 'livelihood.round.create', { year: 2026, level: 'street', regionId: 'region-hubin', title: '湖滨街道民生实事征集', collectFrom: '2026-11-01', collectUntil: '2026-12-01' })
    expect(street).toMatchObject({ level: 'street', regionName: '湖滨街道', commands: ['startShortlist'] })
    // The same region and year twice is refused.
    expect(refusal(await h.call(ADMIN, 'livelihood.round.create', { year: 2026, level: 'district', regionId: 'region-binhu', title: '重复开启的票决', collectFrom: '2026-11-01', collectUntil: '2026-12-01' })).code).toBe('INVALID_STATE')
  })
})

describe('征集: proposals, moderation and 附议', () => {
  it('a resident proposes (content-checked, then moderated); others see it once approved and support it once', async () => {
    h = await createHarness()
    const roundId = await openRound(h)
    const id = await propose(h, roundId)
    expect((await h.ok('dev-resident-2', 'livelihood.proposal.list', { roundId })).proposals).toEqual([])
    expect((await h.ok('dev-resident-1', 'livelihood.proposal.list', { roundId })).proposals[0]).toMatchObject({ id, status: 'pending', isMine: true, stationName: expect.stringContaining('湖滨') })
    expect(refusal(await h.call('dev-resident-2', 'livelihood.proposal.support', { proposalId: id })).code).toBe('INVALID_STATE')
    expect(refusal(await h.call('dev-staff-1', 'livelihood.proposal.moderate', { proposalId: id, decision: 'reject' })).message).toBe('不予采纳时请填写理由')
    await h.ok('dev-staff-1', 'livelihood.proposal.moderate', { proposalId: id, decision: 'approve' })
    const once = await h.ok('dev-resident-2', 'livelihood.proposal.support', { proposalId: id })
    const twice = await h.ok('dev-resident-2', 'livelihood.proposal.support', { proposalId: id })
    expect([once.supportCount, twice.supportCount, twice.supportedByMe]).toEqual([1, 1, true])
    expect(refusal(await h.call('dev-resident-1', 'livelihood.proposal.support', { proposalId: id })).message).toBe('这是您自己提出的建议，不需要附议')
    // Risky text is refused, nothing stored.
    const before = await everything()
    const risky = refusal(await h.call('dev-resident-2', 'livelihood.proposal.submit', { roundId, title: '六合彩代开发票', description: '网络赌博六合彩代开发票，联系我们。', place: '湖滨路', beneficiaries: '所有人' }))
    expect(risky.code).toBe('CONTENT_REJECTED')
    expect(await everything()).toEqual(before)
    // After the collection's last day (Shanghai date), nothing more is proposed.
    h.clock.set('2027-01-01T00:30:00+08:00')
    expect(refusal(await h.call('dev-resident-2', 'livelihood.proposal.submit', { roundId, title: '望湖社区助老食堂', description: '社区老年人吃饭不方便，建议建设助老食堂。', place: '望湖社区', beneficiaries: '社区老人' })).message).toBe('本轮项目征集已于2026-12-31截止')
  })

  it('concurrent supports by the same resident count once', async () => {
    h = await createHarness()
    const roundId = await openRound(h)
    const id = await propose(h, roundId)
    await h.ok('dev-staff-1', 'livelihood.proposal.moderate', { proposalId: id, decision: 'approve' })
    await Promise.all(Array.from({ length: 10 }, () => h.ok('dev-resident-2', 'livelihood.proposal.support', { proposalId: id })))
    expect((await h.ok('dev-resident-1', 'livelihood.proposal.list', { roundId })).proposals[0].supportCount).toBe(1)
  })

  it('livelihood.proposal.fromCases: staff turn their cases into a proposal in one call; the cases’ residents follow it', async () => {
    h = await createHarness()
    const roundId = await openRound(h)
    const a = await submit(h, 'dev-resident-1')
    const b = await submit(h, 'dev-resident-2', { content: '望湖路口红绿灯太短，老人过不去马路。' })
    const p = await h.ok('dev-staff-1', 'livelihood.proposal.fromCases', { roundId, title: '湖滨片区路口信号灯适老化改造', description: '多位群众反映路口绿灯时间短，建议统一改造。', caseIds: [a, b] })
    expect(p).toMatchObject({ status: 'approved', source: 'cases', caseCount: 2 })
    // A case of a station the caller does not work at is refused.
    const other = await submit(h, 'dev-resident-1', { stationCode: 'CYSQ' })
    expect(refusal(await h.call('dev-staff-1', 'livelihood.proposal.fromCases', { roundId, title: '越权的项目建议', description: '用别的联络站的民意整理项目。', caseIds: [other] })).code).toBe('NOT_FOUND')
    expect(refusal(await h.call('dev-resident-1', 'livelihood.proposal.fromCases', { roundId, title: '群众不能整理', description: '群众不能直接由民意整理项目。', caseIds: [a] })).code).toBe('FORBIDDEN')
  })
})

describe('the secret ballot', () => {
  it('after three deputies vote, no stored document links a deputy to a choice', async () => {
    h = await createHarness()
    const { roundId, candidateIds } = await votingRound(h, { seats: 2 })
    const choices: Record<string, string[]> = {
      'dev-deputy-1': [candidateIds[0], candidateIds[1]],
      'dev-deputy-2': [candidateIds[0]],
      'dev-deputy-5': [candidateIds[2], candidateIds[1]],
    }
    const receipts: Record<string, string> = {}
    for (const [d, c] of Object.entries(choices)) receipts[d] = await vote(h, d, roundId, c)

    const all = await everything()
    const requests = await h.store.collection('requests').find({}, { limit: 10_000 })
    const ballots = all.ballots as Array<Record<string, unknown>>
    expect(ballots).toHaveLength(3)
    // Ballots: the round and the choices, nothing else — no deputy, no time, no sequence.
    for (const b of ballots) expect(Object.keys(b).sort()).toEqual(['_id', 'choices', 'roundId'])
    const ballotIds = ballots.map((b) => String(b._id))
    const deputyIds = ['deputy-1', 'deputy-2', 'deputy-5']
    const markers = [...deputyIds, ...DISTRICT_DEPUTIES, ...DISTRICT_DEPUTIES.map(devOpenid)]
    // No document anywhere (requests included) that names a deputy holds a ballot id or a receipt.
    for (const [name, docs] of Object.entries({ ...all, requests })) {
      for (const doc of docs) {
        const text = JSON.stringify(doc)
        if (!markers.some((m) => text.includes(m))) continue
        for (const id of [...ballotIds, ...ballotIds.map((x) => x.slice(2)), ...Object.values(receipts)]) {
          expect({ name, leaks: text.includes(id) }).toEqual({ name, leaks: false })
        }
        // ...nor any choices at all: those live only in the anonymous ballots.
        expect({ name, choices: text.includes('"choices"') }).toEqual({ name, choices: false })
      }
    }
    for (const b of ballots) expect(markers.some((m) => JSON.stringify(b).includes(m))).toBe(false)
    // Tokens say only "voted", with a commitment unrelated to the ballot's id.
    for (const t of all.ballot_tokens as Array<Record<string, unknown>>) expect(Object.keys(t).sort()).toEqual(['_id', 'commit', 'deputyId', 'roundId', 'voted'])
    // No action gives anyone a deputy's choice: the admin's reads carry counts only.
    const adminView = JSON.stringify([
      await h.ok(ADMIN, 'livelihood.results.get', { roundId }),
      await h.ok(ADMIN, 'livelihood.round.get', { roundId }),
      await h.ok(ADMIN, 'admin.audit.list', {}),
    ])
    expect(adminView).not.toMatch(/deputy-1[^0-9].*choices|receipt/)
    // The deputy verifies their own ballot with the receipt; a wrong receipt finds nothing.
    expect(await h.ok('dev-deputy-2', 'livelihood.ballot.verify', { roundId, receipt: receipts['dev-deputy-2'] })).toEqual({ found: true, choices: [{ id: candidateIds[0], title: '湖滨公园适老化改造' }] })
    expect((await h.ok('dev-deputy-2', 'livelihood.ballot.verify', { roundId, receipt: receipt() })).found).toBe(false)
  })

  it('refuses a second ballot, a deputy outside the electorate, too many choices and unknown candidates; a retry with the same receipt counts once', async () => {
    h = await createHarness()
    const { roundId, candidateIds } = await votingRound(h, { seats: 2 })
    const code = await vote(h, 'dev-deputy-1', roundId, [candidateIds[0]])
    const rows: Array<[string, Record<string, unknown>, string, string]> = [
      ['dev-deputy-1', { roundId, choices: [candidateIds[1]], receipt: receipt() }, 'INVALID_STATE', '您已经投过票了，每位代表只能投一票'],
      [STREET_DEPUTY, { roundId, choices: [candidateIds[1]], receipt: receipt() }, 'FORBIDDEN', '您不在本次票决的应投票代表名单中，不能投票'],
      ['dev-deputy-2', { roundId, choices: candidateIds, receipt: receipt() }, 'INVALID_INPUT', '最多选择2个项目'],
      ['dev-deputy-2', { roundId, choices: ['lc_notacandidate'], receipt: receipt() }, 'INVALID_INPUT', '选择的项目不在本次候选项目中，请刷新后重新选择'],
      ['dev-deputy-2', { roundId, choices: [candidateIds[0]], receipt: '1234' }, 'INVALID_INPUT', '回执码格式不正确，应为16位字母和数字'],
      ['dev-resident-1', { roundId, choices: [candidateIds[0]], receipt: receipt() }, 'FORBIDDEN', '您的身份不能进行此操作'],
    ]
    for (const [who, input, code2, message] of rows) {
      const before = await everything()
      const error = refusal(await h.call(who, 'livelihood.ballot.cast', input))
      expect({ who, code: error.code, message: error.message }).toEqual({ who, code: code2, message })
      expect(await everything()).toEqual(before)
    }
    // The same receipt under a new requestId (the app retried after losing the answer): still one ballot.
    await h.ok('dev-deputy-1', 'livelihood.ballot.cast', { roundId, choices: [candidateIds[0]], receipt: code.toLowerCase().replace(/(.{4})/g, '$1-') })
    expect(await h.store.collection('ballots').count({ roundId })).toBe(1)
    // Out of time: after the close nobody votes.
    h.clock.advance(3 * 86_400_000)
    expect(refusal(await h.call('dev-deputy-2', 'livelihood.ballot.cast', { roundId, choices: [candidateIds[0]], receipt: receipt() })).message).toBe('票决已经截止')
    const status = await h.ok('dev-deputy-1', 'livelihood.ballot.status', { roundId })
    expect(status).toMatchObject({ inElectorate: true, voted: true, open: false })
    expect((await h.ok(STREET_DEPUTY, 'livelihood.ballot.status', { roundId })).closedReason).toBe('票决已经截止')
  })

  it('a cast cut off between the token and the ballot is finished by a retry with the same receipt', async () => {
    h = await createHarness()
    const { roundId, candidateIds } = await votingRound(h, { seats: 1 })
    const code = receipt()
    const ballots = h.store.collection('ballots')
    const insert = ballots.insert.bind(ballots)
    const original = h.store.collection.bind(h.store)
    let failOnce = true
    ;(h.store as { collection: typeof h.store.collection }).collection = ((name: CollectionName) => {
      const c = original(name)
      if (name !== 'ballots' || !failOnce) return c
      return { ...c, insert: async () => { failOnce = false; throw new Error('store went away') } }
    }) as typeof h.store.collection
    expect(refusal(await h.call('dev-deputy-1', 'livelihood.ballot.cast', { roundId, choices: [candidateIds[0]], receipt: code })).code).toBe('INTERNAL')
    ;(h.store as { collection: typeof h.store.collection }).collection = original
    void insert
    const results = await h.ok(ADMIN, 'livelihood.results.get', { roundId })
    expect([results.turnout, results.ballots]).toEqual([1, 0])
    await h.ok('dev-deputy-1', 'livelihood.ballot.cast', { roundId, choices: [candidateIds[0]], receipt: code })
    expect(await h.store.collection('ballots').count({ roundId })).toBe(1)
  })

  it('200 concurrent casts from 100 deputies, with retries and second attempts, count exactly 100', async () => {
    h = await createHarness()
    const deputies = await addDeputies(h, 97) // + the 3 district deputies of the demo data = 100
    const { roundId, candidateIds } = await votingRound(h, { seats: 2, candidates: 4 })
    const everyone = [...DISTRICT_DEPUTIES, ...deputies]
    expect((await h.ok(ADMIN, 'livelihood.round.get', { roundId })).electorateSize).toBe(100)
    const calls = everyone.flatMap((d, i) => {
      const code = receipt()
      const input = { roundId, choices: [candidateIds[i % 4]], receipt: code }
      const requestId = `cast${String(i).padStart(6, '0')}`
      // Even deputies: the same request sent twice (a retry); odd ones: a second, different ballot.
      return i % 2 === 0
        ? [h.call(d, 'livelihood.ballot.cast', input, requestId), h.call(d, 'livelihood.ballot.cast', input, requestId)]
        : [h.call(d, 'livelihood.ballot.cast', input, requestId), h.call(d, 'livelihood.ballot.cast', { ...input, choices: [candidateIds[(i + 1) % 4]], receipt: receipt() })]
    })
    const answers = await Promise.all(calls)
    expect(answers.filter((a) => a.ok)).toHaveLength(150)
    expect(await h.store.collection('ballots').count({ roundId })).toBe(100)
    const results = await h.ok(ADMIN, 'livelihood.results.get', { roundId })
    expect(results).toMatchObject({ counted: true, turnout: 100, ballots: 100 })
    expect(results.rows.reduce((s, r) => s + r.votes, 0)).toBe(100)
  })
})

describe('majority and tie rules', () => {
  it('thresholds and the top N, with a boundary tie reported', () => {
    expect(majorityThreshold('over_half_electorate', 100, 60)).toBe(51)
    expect(majorityThreshold('over_half_electorate', 3, 3)).toBe(2)
    expect(majorityThreshold('over_half_ballots', 100, 60)).toBe(31)
    expect(majorityThreshold('plurality', 100, 60)).toBe(1)
    expect(chooseProjects({ a: 60, b: 55, c: 40 }, 2, 51)).toEqual({ chosenIds: ['a', 'b'], tie: null })
    // Fewer reach the majority than there are places: only those are chosen.
    expect(chooseProjects({ a: 60, b: 50, c: 40 }, 2, 51)).toEqual({ chosenIds: ['a'], tie: null })
    // b and c tie for the last place: reported, not broken.
    expect(chooseProjects({ a: 70, b: 55, c: 55, d: 10 }, 2, 51)).toEqual({ chosenIds: ['a'], tie: { candidateIds: ['b', 'c'], votes: 55, seatsLeft: 1 } })
    // A tie that fits inside the places is no tie.
    expect(chooseProjects({ a: 70, b: 55, c: 55 }, 3, 51)).toEqual({ chosenIds: ['a', 'b', 'c'], tie: null })
    expect(chooseProjects({ a: 2, b: 2 }, 1, 2)).toEqual({ chosenIds: [], tie: { candidateIds: ['a', 'b'], votes: 2, seatsLeft: 1 } })
  })

  it('a tie blocks publishing until the office records how it was resolved; the results then reach residents', async () => {
    h = await createHarness()
    const { roundId, candidateIds } = await votingRound(h, { seats: 1 })
    await vote(h, 'dev-deputy-1', roundId, [candidateIds[0]])
    await vote(h, 'dev-deputy-2', roundId, [candidateIds[1]])
    await vote(h, 'dev-deputy-5', roundId, [candidateIds[2]])
    // Nobody has more than half of 3: under the default rule nothing is chosen and there is no tie to break.
    let results = await h.ok(ADMIN, 'livelihood.results.get', { roundId })
    expect(results).toMatchObject({ counted: true, threshold: 2, chosenIds: [], tie: null })
    // The resident sees nothing before publication.
    expect(await h.ok('dev-resident-1', 'livelihood.results.get', { roundId })).toMatchObject({ counted: false, rows: [] })

    h = await createHarness()
    const v = await votingRound(h, { seats: 1, majority: 'plurality' })
    await vote(h, 'dev-deputy-1', v.roundId, [v.candidateIds[0]])
    await vote(h, 'dev-deputy-2', v.roundId, [v.candidateIds[1]])
    await vote(h, 'dev-deputy-5', v.roundId, [v.candidateIds[2]])
    results = await h.ok(ADMIN, 'livelihood.results.get', { roundId: v.roundId })
    expect(results.tie).toEqual({ candidateIds: [...v.candidateIds].sort(), votes: 1, seatsLeft: 1 })
    const before = await everything()
    expect(refusal(await h.call(ADMIN, 'livelihood.round.move', { roundId: v.roundId, command: 'publishResults' })).message).toBe('有3个项目同为1票，争夺剩余1个名额，请先登记同票处理结果')
    expect(await everything()).toEqual(before)
    expect(refusal(await h.call(ADMIN, 'livelihood.results.resolveTie', { roundId: v.roundId, candidateIds: v.candidateIds.slice(0, 2), note: '主任会议决定' })).code).toBe('INVALID_INPUT')
    await h.ok(ADMIN, 'livelihood.results.resolveTie', { roundId: v.roundId, candidateIds: [v.candidateIds[1]], note: '经主任会议研究决定' })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId: v.roundId, command: 'publishResults' })
    const published = await h.ok('dev-resident-1', 'livelihood.results.get', { roundId: v.roundId })
    expect(published).toMatchObject({ published: true, chosenIds: [v.candidateIds[1]], tieResolution: { note: '经主任会议研究决定' } })
    expect(published.rows.map((r) => r.votes)).toEqual([1, 1, 1])
  })
})

describe('carrying out and assessment', () => {
  it('milestones, a progress report reaching proposer and supporter, overdue flags, inspections, ratings and the report', async () => {
    h = await createHarness()
    const { roundId, projectId } = await carryingOut(h)
    const chosenNotice = (await notificationsOf(h, 'dev-resident-2')).map((n) => n.title)
    expect(chosenNotice).toContain('您关注的民生实事项目已当选')
    const p1 = await h.ok(ADMIN, 'livelihood.milestone.add', { projectId, title: '完成设计方案', dueDate: '2026-11-30' })
    await h.ok(ADMIN, 'livelihood.milestone.add', { projectId, title: '完成座椅安装', dueDate: '2027-03-31' })
    const first = p1.milestones[0]
    await h.ok(ADMIN, 'livelihood.progress.report', { projectId, milestoneId: first.id, done: true, note: '设计方案已通过专家评审' })
    for (const who of ['dev-resident-1', 'dev-resident-2']) {
      expect((await notificationsOf(h, who)).map((n) => n.body)).toContainEqual(expect.stringContaining('设计方案已通过专家评审'))
    }
    // The second milestone runs out undone: the deadline machinery flags it once.
    await h.ok(ADMIN, 'livelihood.supervisor.assign', { projectId, deputyIds: ['deputy-1'] })
    expect(refusal(await h.call(ADMIN, 'livelihood.supervisor.assign', { projectId, deputyIds: ['deputy-3'] })).message).toBe('监督代表应为本轮票决的代表')
    h.clock.set('2027-04-02T02:00:00.000Z')
    expect((await runScheduledJobs(h.deps)).livelihoodMilestones).toEqual({ milestonesFlagged: 1 })
    expect((await runScheduledJobs(h.deps)).livelihoodMilestones).toEqual({ milestonesFlagged: 0 })
    const project = await h.ok('dev-resident-1', 'livelihood.project.get', { projectId })
    expect(project.milestones.map((m) => [m.title, m.overdue, !!m.flaggedAt])).toEqual([['完成设计方案', false, false], ['完成座椅安装', true, true]])
    expect((await notificationsOf(h, 'dev-deputy-1')).map((n) => n.title)).toContain('民生实事项目节点逾期')
    // The supervisor records an inspection with a photo; another deputy may not.
    const stored = await h.files.put({ userId: 'dev-deputy-1', openid: devOpenid('dev-deputy-1') }, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 1)]))
    if (!stored.ok) throw new Error('photo not stored')
    const inspected = await h.ok('dev-deputy-1', 'livelihood.inspection.record', { projectId, note: '现场查看，座椅已进场', photos: [stored.fileId] })
    expect(inspected.inspections).toEqual([expect.objectContaining({ deputyName: '王建国', photoCount: 1 })])
    expect(refusal(await h.call('dev-deputy-2', 'livelihood.inspection.record', { projectId, note: '不是监督代表' })).code).toBe('FORBIDDEN')
    expect((await h.ok('dev-deputy-1', 'livelihood.project.listMine', {})).projects.map((p) => p.id)).toEqual([projectId])
    // Assessment: deputies of the electorate and the supporters rate; others may not.
    expect(refusal(await h.call('dev-resident-2', 'livelihood.project.rate', { projectId, rating: 'satisfied' })).code).toBe('INVALID_STATE')
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'startAssessment' })
    await h.ok('dev-resident-2', 'livelihood.project.rate', { projectId, rating: 'satisfied' })
    await h.ok('dev-deputy-1', 'livelihood.project.rate', { projectId, rating: 'basically' })
    await h.ok('dev-deputy-2', 'livelihood.project.rate', { projectId, rating: 'unsatisfied' })
    expect(refusal(await h.call(STREET_DEPUTY, 'livelihood.project.rate', { projectId, rating: 'satisfied' })).code).toBe('FORBIDDEN')
    const report = await h.ok(ADMIN, 'livelihood.report.get', { roundId })
    expect(report.projects[0]).toMatchObject({ milestonesDone: 1, milestonesTotal: 2, overdue: 1, completion: 0.5, satisfactionRate: 0.667 })
    const xlsx = await h.ok(ADMIN, 'livelihood.report.export', { roundId, format: 'xlsx' })
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
    const pdf = await h.ok(ADMIN, 'livelihood.report.export', { roundId, format: 'pdf' })
    const text = (await readPdf(Buffer.from(pdf.base64, 'base64'))).pages.join('\n')
    expect(text).toContain('民生实事项目总结')
    expect(text).toContain('湖滨公园适老化改造')
  })
})
