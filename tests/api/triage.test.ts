// Triage assistance through the api: case.triage (scope, category, route, similar cases,
// intervention flag, knowledge), case.similarForDraft, and the knowledge base's maintenance.
import type { CaseDoc, KnowledgeDoc, TermStatDoc } from '../../cloudfunctions/core/domain/records'
import { backfillCaseTerms, termStatId, TOTAL_ID } from '../../cloudfunctions/core/application/triage/termStats'
import { createHarness, type Harness } from '../support/apiHarness'
import { addOtherDistrict } from './caseFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness({ config: { dailySubmissionLimit: 100 } })
})
afterEach(() => h.close())

async function submit(user: string, stationCode: string, content: string, category = 'traffic', place?: string): Promise<string> {
  const { id } = await h.ok(user, 'case.submit', { stationCode, category, content, place, privacyConsent: true })
  return id
}

const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条民意，或您无权查看' } }

describe('case.triage', () => {
  it('is for case workers, scoped like case.get: another station\'s staff get NOT_FOUND', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。')
    expect(await h.call('dev-staff-2', 'case.triage', { caseId: id })).toEqual(NOT_FOUND)
    expect(await h.call('dev-deputy-3', 'case.triage', { caseId: id })).toEqual(NOT_FOUND)
    expect(await h.call('dev-staff-1', 'case.triage', { caseId: 'c_doesnotexist' })).toEqual(NOT_FOUND)
    expect(await h.call('dev-resident-1', 'case.triage', { caseId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('dev-staff-1', 'case.triage', { caseId: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'caseId', message: '缺少民意编号' },
    })
    // Its own station's staff and deputies, and the district admin, may.
    for (const user of ['dev-staff-1', 'dev-deputy-1', 'dev-deputy-2', 'dev-admin-1']) {
      expect((await h.call(user, 'case.triage', { caseId: id })).ok).toBe(true)
    }
  })

  it('suggests a category and a transfer to the responsible unit, each with its reason', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。', 'other')
    const t = await h.ok('dev-staff-1', 'case.triage', { caseId: id })
    expect(t.category).toMatchObject({ current: 'other', currentLabel: '其他', suggested: 'traffic', label: '道路交通' })
    expect(t.category.reason).toMatch(/^因为提到：.*红绿灯/)
    expect(t.route).toMatchObject({ route: 'transfer', label: '转办', unit: { id: 'unit-urban', name: '滨湖区城市管理局' } })
    expect(t.route.reason).toContain('滨湖区城市管理局')
    expect(t.intervention).toBeNull()
    expect(t.similar).toEqual([])
    expect(t.spread).toMatchObject({ cases: 1, reason: '近90天内没有发现类似民意' })
  })

  it('分级负责: a problem the street can settle is suggested to the street\'s unit before the district\'s', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '湖滨花园5幢楼道的声控灯坏了两个月，晚上上下楼很不安全。', 'housing')
    const t = await h.ok('dev-staff-1', 'case.triage', { caseId: id })
    expect(t.route).toMatchObject({ route: 'transfer', unit: { id: 'unit-hubin-community', name: '湖滨街道社区管理办公室' } })
    expect(t.route.reason).toContain('湖滨街道社区管理办公室负责此类事项')
    // Education has no street unit: the district's bureau.
    const school = await submit('dev-resident-1', 'HBJD', '学校门口放学时段车辆乱停，孩子过马路很危险，希望增加护学岗。', 'education')
    expect((await h.ok('dev-staff-1', 'case.triage', { caseId: school })).route).toMatchObject({ route: 'transfer', unit: { id: 'unit-education' } })
  })

  it('a policy question → on-site answer with the knowledge-base entry to use', async () => {
    const id = await submit('dev-resident-2', 'HBJD', '我母亲今年满八十了，高龄津贴怎么申请？需要什么材料？', 'elderly')
    const t = await h.ok('dev-deputy-1', 'case.triage', { caseId: id })
    expect(t.route).toMatchObject({ route: 'onsite', label: '现场答复', knowledge: [{ id: 'kb-longevity-allowance', title: '高龄津贴申领' }] })
    expect(t.route.reason).toContain('政策或办事程序的咨询')
    expect(t.knowledge[0]).toMatchObject({ id: 'kb-longevity-allowance', reason: '匹配：高龄津贴' })
    expect(t.knowledge[0].answer).toContain('年满80周岁')
  })

  it('finds a near-duplicate among open cases, not unrelated ones, and lists only what the caller may see', async () => {
    const target = await submit('dev-resident-1', 'HBJD', '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。', 'traffic', '湖滨路与望湖路交叉口')
    const twin = await submit('dev-resident-2', 'HBJD', '望湖路和湖滨路路口红绿灯时间太短了，老人过马路走到一半就变灯', 'traffic')
    const elsewhere = await submit('dev-resident-2', 'CYSQ', '湖滨路望湖路交叉口红绿灯太短，老人来不及过马路', 'traffic')
    const unrelated = [
      await submit('dev-resident-2', 'HBJD', '小区楼下的垃圾桶好几天没人清运，臭气熏天', 'environment'),
      await submit('dev-resident-1', 'HBJD', '社区医院周末不开门，上班的人看不了病', 'health'),
      await submit('dev-resident-1', 'HBJD', '物业费年年涨，楼道灯坏了也不修', 'housing'),
    ]
    const t = await h.ok('dev-staff-1', 'case.triage', { caseId: target })
    const ids = t.similar.map((s) => s.id)
    expect(ids[0]).toBe(twin)
    expect(ids).not.toContain(target)
    for (const id of unrelated) expect(ids).not.toContain(id)
    // The CYSQ case belongs to another station: counted, but not shown to HBJD's staff...
    expect(ids).not.toContain(elsewhere)
    expect(t.spread.cases).toBe(3)
    expect(t.spread.stations).toHaveLength(2)
    expect(t.spread.reason).toBe('近90天内2个家站点共有3件类似民意（含本件）')
    const [first] = t.similar
    expect(first).toMatchObject({ category: 'traffic', categoryLabel: '道路交通', status: 'submitted', stationName: '临江市滨湖区湖滨街道人大代表之家' })
    expect(first.trackingNo).toMatch(/^MY\d{8}-\d{4}$/)
    expect(first.reason).toContain('红绿灯')
    expect(first.score).toBeGreaterThan(0.2)
    // ...while the district admin sees both.
    const admin = await h.ok('dev-admin-1', 'case.triage', { caseId: target })
    expect(admin.similar.map((s) => s.id)).toEqual(expect.arrayContaining([twin, elsewhere]))
  })

  it('leaves out closed cases older than the window, keeps recent ones', async () => {
    const old = await submit('dev-resident-1', 'HBJD', '望湖路口红绿灯时间太短，老人过马路来不及', 'traffic')
    await h.store.collection<CaseDoc>('cases').update({ _id: old }, { set: { status: 'closed', createdAt: '2026-01-01T00:00:00.000Z' } })
    const recent = await submit('dev-resident-2', 'HBJD', '望湖路口的红绿灯太短，老人过不去马路', 'traffic')
    await h.store.collection<CaseDoc>('cases').update({ _id: recent }, { set: { status: 'closed' } })
    const target = await submit('dev-resident-1', 'HBJD', '望湖路口红绿灯太短了，老人来不及过马路', 'traffic')
    const ids = (await h.ok('dev-staff-1', 'case.triage', { caseId: target })).similar.map((s) => s.id)
    expect(ids).toContain(recent)
    expect(ids).not.toContain(old)
  })

  it('a theme raised across stations → proposal, at the district\'s threshold', async () => {
    const h2 = await createHarness({ config: { dailySubmissionLimit: 100, triage: { proposalMinCases: 3, proposalMinStations: 2 } } })
    try {
      const texts = [
        ['HBJD', '小区周边停车太难了，晚上回来根本找不到车位，只能停到马路上'],
        ['CYSQ', '晚上回小区找不到车位，停车太难，只好停在马路边'],
        ['WHSQ', '小区停车难，车位太少，晚上车都停到马路上去了'],
      ]
      const ids: string[] = []
      for (const [code, content] of texts) ids.push((await h2.ok('dev-resident-1', 'case.submit', { stationCode: code, category: 'traffic', content, privacyConsent: true })).id)
      const t = await h2.ok('dev-admin-1', 'case.triage', { caseId: ids[0] })
      expect(t.route.route).toBe('proposal')
      expect(t.route.reason).toMatch(/3个家站点.*共有3件类似民意/)
      // With the default threshold (5 cases) the same three are still a transfer.
      const id = await submit('dev-resident-1', 'HBJD', texts[0][1])
      await submit('dev-resident-1', 'CYSQ', texts[1][1])
      expect((await h.ok('dev-admin-1', 'case.triage', { caseId: id })).route.route).toBe('transfer')
    } finally {
      await h2.close()
    }
  })

  it.each([
    ['和物业打官司打赢了，判决书下来半年了对方还不执行，能不能帮我催一下法院？', 'litigation', '人民法院'],
    ['劳动仲裁我赢了，但公司还是不给钱，希望代表帮我找找仲裁委', 'arbitration', '仲裁机构'],
    ['我们村的工程招投标有猫腻，中标的是村干部的亲戚', 'bidding', '招投标'],
  ])('flags %s (deputies must not intervene) with the guidance to give', async (content, kind, channel) => {
    const id = await submit('dev-resident-1', 'HBJD', content, 'legal')
    const t = await h.ok('dev-staff-1', 'case.triage', { caseId: id })
    expect(t.intervention).toMatchObject({ flagged: true, kinds: [kind] })
    expect(t.intervention?.reason).toContain('人大代表不得干预')
    expect(t.intervention?.guidance).toContain(channel)
    expect(t.intervention?.guidance).toContain('12348')
    expect(t.route.route).toBe('onsite')
    expect(t.route.reason).toContain('不予受理并告知依法解决的途径')
  })

  it('changes nothing: the case is the same after triage', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '湖滨路路灯坏了一个多月', 'utilities')
    const before = await h.store.collection<CaseDoc>('cases').get(id)
    await h.ok('dev-staff-1', 'case.triage', { caseId: id })
    expect(await h.store.collection<CaseDoc>('cases').get(id)).toEqual(before)
  })
})

describe('terms kept for similarity', () => {
  it('a submitted case stores its terms and counts them', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '小区想加装电梯，需要什么材料？', 'housing', '翠苑一区')
    const doc = await h.store.collection<CaseDoc>('cases').get(id)
    expect(doc?.terms).toEqual(expect.arrayContaining(['加装电梯', '电梯', '材料']))
    const stats = h.store.collection<TermStatDoc>('term_stats')
    expect(await stats.get(TOTAL_ID)).toMatchObject({ df: 1, terms: doc?.terms?.length })
    expect(await stats.get(termStatId('加装电梯'))).toMatchObject({ term: '加装电梯', df: 1 })
    await submit('dev-resident-2', 'HBJD', '加装电梯一楼不同意怎么办', 'housing')
    expect(await stats.get(termStatId('加装电梯'))).toMatchObject({ df: 2 })
  })

  it('a retried submission is counted once', async () => {
    const input = { stationCode: 'HBJD', category: 'housing', content: '小区想加装电梯', privacyConsent: true }
    await h.ok('dev-resident-1', 'case.submit', input, 'same-request-0001')
    await h.ok('dev-resident-1', 'case.submit', input, 'same-request-0001')
    expect(await h.store.collection<TermStatDoc>('term_stats').get(termStatId('加装电梯'))).toMatchObject({ df: 1 })
  })

  it('cases stored without terms get them from the backfill, once', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '望湖路口红绿灯太短', 'traffic')
    await h.store.collection<CaseDoc>('cases').update({ _id: id }, { unset: ['terms'] })
    expect(await backfillCaseTerms(h.store)).toBe(1)
    expect(await backfillCaseTerms(h.store)).toBe(0)
    expect((await h.store.collection<CaseDoc>('cases').get(id))?.terms).toContain('红绿灯')
  })
})

describe('case.similarForDraft', () => {
  it('shows a resident open similar cases at that station, masked, to second instead of duplicating', async () => {
    const same = await submit('dev-resident-2', 'HBJD', '望湖路12号门口的红绿灯时间太短，老人过马路来不及', 'traffic')
    const otherStation = await submit('dev-resident-2', 'CYSQ', '望湖路口的红绿灯时间太短，老人过马路来不及', 'traffic')
    const unrelated = await submit('dev-resident-2', 'HBJD', '小区垃圾桶没人清运，臭气熏天', 'environment')
    const closed = await submit('dev-resident-2', 'HBJD', '望湖路红绿灯时间太短，老人来不及过马路', 'traffic')
    await h.store.collection<CaseDoc>('cases').update({ _id: closed }, { set: { status: 'closed' } })

    const { cases } = await h.ok('dev-resident-1', 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路的红绿灯太短了，老人过不去' })
    expect(cases.map((c) => c.id)).toEqual([same])
    expect(cases[0]).toMatchObject({ category: 'traffic', categoryLabel: '道路交通', status: 'submitted', isMine: false })
    expect(cases[0].excerpt).toBe('望湖路**号门口的红绿灯时间太短，老人过马路来不及')
    expect(cases[0].reason).toContain('红绿灯')
    expect(JSON.stringify(cases)).not.toContain('trackingNo')
    for (const id of [otherStation, unrelated, closed]) expect(cases.map((c) => c.id)).not.toContain(id)
    // The author sees it as their own.
    expect((await h.ok('dev-resident-2', 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路红绿灯太短' })).cases[0]?.isMine).toBe(true)
  })

  it('refuses bad input, unknown stations and non-residents', async () => {
    expect(await h.call('dev-resident-1', 'case.similarForDraft', { stationCode: 'HBJD', text: '短' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '反映内容至少需要5个字', field: 'text' },
    })
    expect(await h.call('dev-resident-1', 'case.similarForDraft', { stationCode: 'NOPE', text: '望湖路红绿灯太短' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call('dev-staff-1', 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路红绿灯太短' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('does not show cases whose content awaits review', async () => {
    const id = await submit('dev-resident-2', 'HBJD', '望湖路口红绿灯时间太短，老人过马路来不及', 'traffic')
    await h.store.collection<CaseDoc>('cases').update({ _id: id }, { set: { contentCheck: 'review' } })
    expect((await h.ok('dev-resident-1', 'case.similarForDraft', { stationCode: 'HBJD', text: '望湖路红绿灯太短' })).cases).toEqual([])
  })
})

describe('knowledge base', () => {
  const entry = {
    title: '垃圾分类投放时间和规则',
    keywords: '垃圾分类，投放时间、厨余垃圾',
    answer: '本区小区厨余垃圾定时定点投放，时间为每天7:00—9:00和18:00—20:00，其他时间可投放至误时投放点。',
    category: 'environment',
  }

  it('staff create, search, edit and retire entries of their district', async () => {
    const created = await h.ok('dev-staff-1', 'knowledge.create', entry)
    expect(created).toMatchObject({
      title: entry.title,
      keywords: ['垃圾分类', '投放时间', '厨余垃圾'],
      category: 'environment',
      categoryLabel: '市容环境',
      status: 'active',
      statusLabel: '使用中',
      updatedBy: '孙晓燕',
      reason: null,
    })
    const stored = await h.store.collection<KnowledgeDoc>('knowledge').get(created.id)
    expect(stored).toMatchObject({ regionId: 'region-binhu', createdBy: 'dev-staff-1' })

    const search = await h.ok('dev-deputy-4', 'knowledge.list', { query: '厨余垃圾几点可以扔' })
    expect(search.entries[0]).toMatchObject({ id: created.id })
    expect(search.entries[0].reason).toContain('厨余垃圾')
    expect((await h.ok('dev-staff-2', 'knowledge.list', { query: '加装电梯' })).entries[0].id).toBe('kb-elevator')
    expect((await h.ok('dev-staff-1', 'knowledge.list', {})).total).toBe(9)
    expect((await h.ok('dev-staff-1', 'knowledge.list', { category: 'social_security' })).entries.map((e) => e.id).sort()).toEqual([
      'kb-medical-insurance-remote',
      'kb-minimum-living',
    ])

    h.clock.advance(60_000)
    const edited = await h.ok('dev-admin-1', 'knowledge.update', { id: created.id, answer: `${entry.answer}大件垃圾请预约上门收运。` })
    expect(edited.answer).toContain('大件垃圾')
    expect(edited.title).toBe(entry.title)
    expect(edited.updatedBy).toBe('滨湖区人大常委会联络科')
    expect(edited.updatedAt).not.toBe(created.updatedAt)

    const retired = await h.ok('dev-staff-1', 'knowledge.retire', { id: created.id, reason: '政策已调整' })
    expect(retired).toMatchObject({ status: 'retired', statusLabel: '已停用', retiredReason: '政策已调整' })
    expect((await h.ok('dev-staff-1', 'knowledge.list', {})).entries.map((e) => e.id)).not.toContain(created.id)
    expect((await h.ok('dev-staff-1', 'knowledge.list', { includeRetired: true })).entries.map((e) => e.id)).toContain(created.id)
    // Deputies see only what is in use.
    expect((await h.ok('dev-deputy-1', 'knowledge.list', { includeRetired: true })).entries.map((e) => e.id)).not.toContain(created.id)
    expect(await h.call('dev-staff-1', 'knowledge.update', { id: created.id, title: '新的标题' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: '该条目已停用，不能再修改' },
    })
    expect(await h.call('dev-staff-1', 'knowledge.retire', { id: created.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('a retired entry is no longer suggested by triage', async () => {
    const id = await submit('dev-resident-1', 'HBJD', '我母亲满八十了，高龄津贴怎么申请？', 'elderly')
    expect((await h.ok('dev-staff-1', 'case.triage', { caseId: id })).knowledge.map((k) => k.id)).toContain('kb-longevity-allowance')
    await h.ok('dev-staff-1', 'knowledge.retire', { id: 'kb-longevity-allowance' })
    const t = await h.ok('dev-staff-1', 'case.triage', { caseId: id })
    expect(t.knowledge.map((k) => k.id)).not.toContain('kb-longevity-allowance')
    expect(t.route.reason).toContain('知识库中暂无对应条目')
  })

  it.each([
    [{ title: '垃' }, 'title', '标题至少需要2个字'],
    [{ title: '长'.repeat(61) }, 'title', '标题不能超过60个字'],
    [{ keywords: '' }, 'keywords', '请至少填写一个关键词'],
    [{ keywords: [] }, 'keywords', '请至少填写一个关键词'],
    [{ keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) }, 'keywords', '关键词不能超过20个'],
    [{ keywords: ['这是一个远远超过二十个字的关键词用来测试长度限制是否生效'] }, 'keywords.0', '每个关键词不能超过20个字'],
    [{ answer: '太短了' }, 'answer', '答复内容至少需要10个字'],
    [{ category: 'weather' }, 'category', '请选择正确的问题类别'],
    [{ answer: undefined }, 'answer', '请填写答复内容'],
  ])('create refuses %j with a Chinese message naming the field, writing nothing', async (change, field, message) => {
    const before = await h.store.collection<KnowledgeDoc>('knowledge').count({})
    expect(await h.call('dev-staff-1', 'knowledge.create', { ...entry, ...change })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message, field },
    })
    expect(await h.store.collection<KnowledgeDoc>('knowledge').count({})).toBe(before)
  })

  it('update needs at least one change', async () => {
    expect(await h.call('dev-staff-1', 'knowledge.update', { id: 'kb-elevator' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请至少修改一项内容' },
    })
  })

  it('only staff and admins edit; residents cannot read it', async () => {
    expect(await h.call('dev-deputy-1', 'knowledge.create', entry)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('dev-deputy-1', 'knowledge.retire', { id: 'kb-elevator' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('dev-resident-1', 'knowledge.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.store.collection<KnowledgeDoc>('knowledge').get('kb-elevator'))?.status).toBe('active')
  })

  it('is scoped to the district: another district neither sees nor edits it', async () => {
    await addOtherDistrict(h)
    const theirs = await h.ok('other-staff', 'knowledge.create', entry)
    expect((await h.store.collection<KnowledgeDoc>('knowledge').get(theirs.id))?.regionId).toBe('region-other')
    expect((await h.ok('other-staff', 'knowledge.list', {})).entries.map((e) => e.id)).toEqual([theirs.id])
    expect((await h.ok('dev-staff-1', 'knowledge.list', {})).entries.map((e) => e.id)).not.toContain(theirs.id)
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条知识库条目' } }
    expect(await h.call('dev-staff-1', 'knowledge.update', { id: theirs.id, title: '改一下标题' })).toEqual(notFound)
    expect(await h.call('dev-staff-1', 'knowledge.retire', { id: theirs.id })).toEqual(notFound)
    expect(await h.call('other-staff', 'knowledge.retire', { id: 'kb-elevator' })).toEqual(notFound)
    expect((await h.store.collection<KnowledgeDoc>('knowledge').get(theirs.id))?.status).toBe('active')
  })

  it('a retried create with the same requestId makes one entry', async () => {
    const first = await h.call('dev-staff-1', 'knowledge.create', entry, 'kb-create-request-1')
    const again = await h.call('dev-staff-1', 'knowledge.create', entry, 'kb-create-request-1')
    expect(again).toEqual(first)
    expect(await h.store.collection<KnowledgeDoc>('knowledge').count({ title: entry.title })).toBe(1)
  })
})
