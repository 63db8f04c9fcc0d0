// 民生实事, the follow-ups of issue 11: a supervisor deputy's inspection photos go through the same
// photo mechanism as a resident's opinion (upload route / policy, `photo_uploads`, the cleanup
// timer, the access-checked photo route) and are as public as the chosen project; milestone,
// progress, overdue and result notices are `progress` pushes whose values fit WeChat's limits, and
// a follower who never allowed pushes still gets the in-app message.
import { PHOTO_UPLOADS, type PhotoUploadDoc } from '../../cloudfunctions/core/application/cases/photoUploads'
import { inspectionPhotoId } from '../../cloudfunctions/core/domain/livelihood/inspectionPhotos'
import { projectOutboxItem } from '../../cloudfunctions/core/domain/livelihood/notices'
import type { NotificationDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { checkTemplateData } from '../../cloudfunctions/core/domain/subscribeMessages'
import { runPhotoCleanupJob } from '../../cloudfunctions/core/jobs/photoCleanupJob'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { serveLocally, type ServedHarness } from '../support/localServer'
import { createHarness, type Harness } from '../support/apiHarness'
import { hookedStore, notificationsOf, refusal } from './caseFixtures'
import { ADMIN, DISTRICT_DEPUTIES, candidateInput, carryingOut, openRound, propose, vote } from './livelihoodFixtures'

const SUPERVISOR = 'dev-deputy-1'
const OTHER_DEPUTY = 'dev-deputy-2'
const UPLOAD_REFUSED = '只有群众提交民意、监督代表登记民生实事视察、管理台编辑家站点和代表照片时可以上传照片'
const HOUR = 3_600_000
const jpeg = (fill = 1) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, fill)])

describe('inspection photos', () => {
  let h: Harness
  let served: ServedHarness
  let base: string

  beforeEach(async () => {
    h = await createHarness()
    served = await serveLocally(h)
    base = served.base
  })
  afterEach(async () => {
    await served.close()
    await h.close()
  })

  async function upload(who: string, bytes = jpeg()) {
    const response = await fetch(`${base}/api/upload/photo`, { method: 'POST', headers: { 'X-Dev-User': who, 'content-type': 'image/jpeg' }, body: new Uint8Array(bytes) })
    return { status: response.status, body: (await response.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } } }
  }
  async function uploaded(who: string, fill = 1): Promise<string> {
    const answer = await upload(who, jpeg(fill))
    expect(answer.status).toBe(200)
    return answer.body.data!.fileId
  }
  const fetchPhoto = (url: string) => fetch(`${base}${url}`)

  /** A chosen project under way with 王建国 (deputy-1) as its supervisor. */
  async function supervised() {
    const v = await carryingOut(h)
    await h.ok(ADMIN, 'livelihood.supervisor.assign', { projectId: v.projectId, deputyIds: ['deputy-1'] })
    return v
  }

  it('only residents and the deputies supervising a chosen project may upload; the supervisor attaches up to 3 of his own', async () => {
    const { projectId } = await carryingOut(h)
    // Before he supervises anything, 王建国 may not upload (route and cloud policy alike).
    expect(await upload(SUPERVISOR)).toEqual({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: UPLOAD_REFUSED } } })
    expect(refusal(await h.call(SUPERVISOR, 'photo.uploadPolicy', {}))).toEqual({ code: 'FORBIDDEN', message: UPLOAD_REFUSED })
    // (Station staff may upload for their station's photos in the console: tests/api/adminPhotos.test.ts.)
    expect(await h.store.collection(PHOTO_UPLOADS).count({})).toBe(0)

    await h.ok(ADMIN, 'livelihood.supervisor.assign', { projectId, deputyIds: ['deputy-1'] })
    expect((await h.ok(SUPERVISOR, 'photo.uploadPolicy', {})).maxCount).toBe(3)
    expect((await upload(OTHER_DEPUTY)).status).toBe(403)
    const mine = [await uploaded(SUPERVISOR, 1), await uploaded(SUPERVISOR, 2)]
    expect(await h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS).count({ ownerId: SUPERVISOR, status: 'pending' })).toBe(2)

    // Someone else's photo, or more than 3: refused, nothing written.
    const theirs = await uploaded('dev-resident-1')
    expect(refusal(await h.call(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '现场查看，座椅已进场', photos: [theirs] }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '第1张照片：照片不是您本人上传的，请重新上传',
    })
    expect(refusal(await h.call(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '现场查看', photos: [...mine, theirs, 'local:dev-deputy-1/0123456789abcdef0123456789abcdef.jpg'] })).message).toBe('最多上传3张照片')
    expect((await h.ok(ADMIN, 'livelihood.project.get', { projectId })).inspections).toEqual([])

    const view = await h.ok(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '现场查看，座椅已进场，扶手高度合适', photos: mine })
    expect(view.inspections).toEqual([expect.objectContaining({ deputyName: '王建国', photoCount: 2, photos: [expect.objectContaining({ url: expect.any(String) }), expect.objectContaining({ url: expect.any(String) })] })])
    // Taken off the timer's list, like an opinion's photos.
    expect(await h.store.collection(PHOTO_UPLOADS).count({ _id: { $in: mine } })).toBe(0)
  })

  it('the photos are as public as the chosen project: every viewer of the project sees them, others get nothing', async () => {
    const { projectId } = await supervised()
    const photos = [await uploaded(SUPERVISOR)]
    const { inspections } = await h.ok(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '现场查看，座椅已进场', photos })
    const inspectionId = inspections[0].id
    const photoId = inspectionPhotoId(inspectionId, 'p1')
    expect(inspections[0].photos.map((p) => p.id)).toEqual([photoId])

    // Residents (a follower and one who is not), other deputies, station staff, the office.
    for (const who of ['dev-resident-1', 'dev-resident-2', OTHER_DEPUTY, 'dev-deputy-3', 'dev-staff-2', 'dev-office-1', ADMIN]) {
      const url = (await h.ok(who, 'livelihood.project.get', { projectId })).inspections[0].photos[0].url!
      expect(url).toContain(`/files/photos/${projectId}/${photoId}?`)
      const response = await fetchPhoto(url)
      expect({ who, status: response.status, type: response.headers.get('content-type') }).toEqual({ who, status: 200, type: 'image/jpeg' })
    }

    // Someone of another district: no project, no address; a changed address is refused.
    const resident = (await h.store.collection<UserDoc>('users').get('dev-resident-2'))!
    await h.store.collection<UserDoc>('users').insert({ ...resident, _id: 'dev-resident-far', openid: 'dev:dev-resident-far', regionId: 'region-elsewhere' })
    expect(refusal(await h.call('dev-resident-far', 'livelihood.project.get', { projectId })).code).toBe('NOT_FOUND')
    const url = (await h.ok('dev-resident-1', 'livelihood.project.get', { projectId })).inspections[0].photos[0].url!
    const farId = 'dev-resident-far'
    expect((await fetchPhoto(url.replace(/v=[^&]+/, `v=${farId}`))).status).toBe(403)
    expect((await fetchPhoto(url.replace(`/${photoId}?`, `/${inspectionPhotoId(inspectionId, 'p2')}?`))).status).toBe(403)
    expect((await fetchPhoto(`/files/photos/${projectId}/${photoId}`)).status).toBe(403)
    // Checked again when served: a viewer who moved away, or a project no longer shown, gets nothing.
    await h.store.collection<UserDoc>('users').update({ _id: 'dev-resident-1' }, { set: { regionId: 'region-elsewhere' } })
    expect((await fetchPhoto(url)).status).toBe(404)
    await h.store.collection<UserDoc>('users').update({ _id: 'dev-resident-1' }, { set: { regionId: 'region-binhu' } })
    expect((await fetchPhoto(url)).status).toBe(200)
    await h.store.collection('livelihood_projects').update({ _id: projectId }, { set: { removed: true } })
    expect((await fetchPhoto(url)).status).toBe(404)
  })

  it('the cleanup timer deletes a supervisor’s unused upload and keeps every inspection photo', async () => {
    const { projectId } = await supervised()
    const used = await uploaded(SUPERVISOR, 1)
    const unused = await uploaded(SUPERVISOR, 2)
    await h.ok(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '现场查看，座椅已进场', photos: [used] })
    // A record left behind for the used photo (as after a crash between the inspection and the forgetting).
    const at = h.clock.now().toISOString()
    await h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS).insert({ _id: used, ownerId: SUPERVISOR, createdAt: at, status: 'pending', claimedAt: at })

    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 0, keptInCase: 0, failed: 0 })
    h.clock.advance(25 * HOUR)
    expect(await runPhotoCleanupJob(h.deps)).toEqual({ deleted: 1, keptInCase: 1, failed: 0 })
    expect(await h.files.read(unused)).toBeNull()
    expect(await h.files.read(used)).not.toBeNull()
    expect(await h.store.collection(PHOTO_UPLOADS).count({})).toBe(0)
    // The inspection still shows it.
    const url = (await h.ok('dev-resident-1', 'livelihood.project.get', { projectId })).inspections[0].photos[0].url!
    expect((await fetchPhoto(url)).status).toBe(200)
    // A photo the timer is deleting cannot be attached afterwards.
    const late = await uploaded(SUPERVISOR, 3)
    await h.store.collection<PhotoUploadDoc>(PHOTO_UPLOADS).update({ _id: late }, { set: { status: 'deleting' } })
    expect(refusal(await h.call(SUPERVISOR, 'livelihood.inspection.record', { projectId, note: '第二次视察', photos: [late] })).message).toBe('第1张照片：照片没有上传成功或已失效，请重新上传')
    expect((await h.ok(ADMIN, 'livelihood.project.get', { projectId })).inspections).toHaveLength(1)
  })
})

describe('milestone and result notices as WeChat pushes', () => {
  let h: Harness
  afterEach(() => h?.close())

  const pushOf = async (who: string, title: string) => {
    const list = await notificationsOf(h, who)
    const n = list.find((x) => x.title === title)
    if (!n) throw new Error(`${who} has no notice「${title}」: ${list.map((x) => x.title).join(', ')}`)
    return n.push
  }

  it('the values fit WeChat’s limits whatever the text', () => {
    const long = '湖滨公园适老化改造暨环湖步道无障碍通道和休息座椅增设工程（一期）'
    for (const kind of ['chosen', 'notChosen', 'progress', 'milestoneDone', 'overdue'] as const) {
      const item = projectOutboxItem('x', 'u', { year: 2027 }, { _id: 'lc_1', no: 12, title: long }, { kind, title: 't', body: 'b', remark: long.repeat(3) }, '2027-04-02T02:00:00.000Z')
      expect(item.template).toBe('progress')
      expect(checkTemplateData('progress', item.data)).toEqual([])
      expect(item.data).toMatchObject({ trackingNo: 'MS2027-12', time: '2027年4月2日 10:00' })
    }
  })

  it('chosen and not chosen, a milestone done, progress and an overdue milestone: a push for who allowed it, a message for everyone', async () => {
    h = await createHarness({ pushNeedsConsent: true })
    const roundId = await openRound(h)
    const park = await propose(h, roundId, 'dev-resident-1', '湖滨公园增设适老化休息座椅')
    const lift = await propose(h, roundId, 'dev-resident-2', '翠苑小区老旧住宅加装电梯')
    for (const proposalId of [park, lift]) await h.ok('dev-staff-1', 'livelihood.proposal.moderate', { proposalId, decision: 'approve' })
    await h.ok('dev-resident-2', 'livelihood.proposal.support', { proposalId: park })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'startShortlist' })
    const parkId = (await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, '湖滨公园适老化改造', [park]))).id
    const liftId = (await h.ok(ADMIN, 'livelihood.candidate.save', candidateInput(roundId, '翠苑小区加装电梯', [lift]))).id
    const now = h.clock.now().getTime()
    await h.ok(ADMIN, 'livelihood.vote.configure', { roundId, seats: 1, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 86_400_000).toISOString(), majority: 'over_half_electorate' })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'openVote' })
    for (const d of DISTRICT_DEPUTIES) await vote(h, d, roundId, [d === 'dev-deputy-5' ? liftId : parkId])

    // 刘阿姨 allowed four progress pushes (the propose and 附议 taps ask for them); 周大伯 none.
    for (let i = 0; i < 4; i += 1) await h.ok('dev-resident-1', 'subscription.record', { accepted: ['progress'] })
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'publishResults' })
    const chosen = await pushOf('dev-resident-1', '您关注的民生实事项目已当选')
    expect(chosen).toMatchObject({ status: 'sent', template: 'progress', data: { trackingNo: 'MS2026-1', subject: '湖滨公园适老化改造', status: '票决当选', remark: '得票2票，将按节点推进实施' } })
    // 周大伯 supported the park and proposed the lift: told both results, in 消息 only.
    expect(await pushOf('dev-resident-2', '您关注的民生实事项目已当选')).toMatchObject({ status: 'no_consent', template: 'progress' })
    const notChosen = await pushOf('dev-resident-2', '您关注的民生实事候选项目未当选')
    expect(notChosen).toMatchObject({ status: 'no_consent', data: { status: '未当选', remark: '得票1票，感谢您的参与' } })
    expect((await notificationsOf(h, 'dev-resident-2')).find((n) => n.title.includes('未当选'))!.body).toContain('得票1票，未当选')

    // A milestone reported done, with a long note: the push is shortened to fit, the message is whole.
    const { milestones } = await h.ok(ADMIN, 'livelihood.milestone.add', { projectId: parkId, title: '完成设计方案', dueDate: '2026-11-30' })
    const note = '设计方案已通过专家评审和居民代表座谈，计划下月进场施工，施工期间环湖步道东段临时封闭'
    await h.ok(ADMIN, 'livelihood.progress.report', { projectId: parkId, milestoneId: milestones[0].id, done: true, note })
    const done = await pushOf('dev-resident-1', '民生实事项目节点「完成设计方案」已完成')
    expect(done).toMatchObject({ status: 'sent', template: 'progress', data: { status: '节点完成' } })
    expect(checkTemplateData('progress', done.data)).toEqual([])
    expect(Array.from(done.data.remark)).toHaveLength(20)
    const doneForZhou = (await notificationsOf(h, 'dev-resident-2')).find((n) => n.title === '民生实事项目节点「完成设计方案」已完成')!
    expect(doneForZhou.push).toMatchObject({ status: 'no_consent', template: 'progress' })
    expect(doneForZhou.body).toContain(note)

    await h.ok(ADMIN, 'livelihood.progress.report', { projectId: parkId, note: '座椅样品已进场' })
    expect(await pushOf('dev-resident-1', '民生实事项目有新进展')).toMatchObject({ status: 'sent', data: { status: '有新进展', remark: '座椅样品已进场' } })

    // The last credit goes to the overdue notice; the supervisor (no credit) gets the message.
    await h.ok(ADMIN, 'livelihood.milestone.add', { projectId: parkId, title: '完成座椅安装', dueDate: '2027-03-31' })
    await h.ok(ADMIN, 'livelihood.supervisor.assign', { projectId: parkId, deputyIds: ['deputy-1'] })
    h.clock.set('2027-04-02T02:00:00.000Z')
    await runScheduledJobs(h.deps)
    expect(await pushOf('dev-resident-1', '民生实事项目节点逾期')).toMatchObject({ status: 'sent', data: { status: '节点逾期', time: '2027年4月2日 10:00' } })
    expect(await pushOf('dev-deputy-1', '民生实事项目节点逾期')).toMatchObject({ status: 'no_consent' })
    expect(h.notifier.sent.map((m) => [m.openid, m.template, m.data.status])).toEqual([
      ['dev:dev-resident-1', 'progress', '票决当选'],
      ['dev:dev-resident-1', 'progress', '节点完成'],
      ['dev:dev-resident-1', 'progress', '有新进展'],
      ['dev:dev-resident-1', 'progress', '节点逾期'],
    ])
    const all = await h.store.collection<NotificationDoc>('notifications').find({ 'push.template': 'progress' }, { limit: 1000 })
    for (const n of all) expect(checkTemplateData('progress', n.push.data)).toEqual([])
  })

  it('a publish cut off after telling the followers is finished by a retry, and nobody is told twice', async () => {
    let failOnce = true
    const store = await hookedStore({
      before: (collection, method, args) => {
        const [filter, update] = args as [Record<string, unknown>, { set?: Record<string, unknown> }]
        if (failOnce && collection === 'livelihood_rounds' && method === 'update' && filter?.status === 'voting' && update?.set?.results) {
          failOnce = false
          throw new Error('the function timed out')
        }
      },
    })
    h = await createHarness({ store })
    const v = await carryingOut(h).catch(() => null)
    expect(v).toBeNull()
    const roundId = (await h.ok(ADMIN, 'livelihood.round.list', {})).rounds[0].id
    expect((await h.ok(ADMIN, 'livelihood.round.get', { roundId })).status).toBe('voting')
    // Told already (the results were final); the retry moves the round and tells nobody again.
    expect((await notificationsOf(h, 'dev-resident-2')).filter((n) => n.title === '您关注的民生实事项目已当选')).toHaveLength(1)
    await h.ok(ADMIN, 'livelihood.round.move', { roundId, command: 'publishResults' })
    expect((await h.ok('dev-resident-2', 'livelihood.round.get', { roundId })).status).toBe('carrying_out')
    for (const who of ['dev-resident-1', 'dev-resident-2']) {
      expect((await notificationsOf(h, who)).filter((n) => n.title === '您关注的民生实事项目已当选')).toHaveLength(1)
    }
  })
})
