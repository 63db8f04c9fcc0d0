// Intervention flag, knowledge matching, route suggestion and similarity scoring.
import { checkIntervention } from '../../cloudfunctions/core/domain/triage/intervention'
import { matchKnowledge } from '../../cloudfunctions/core/domain/triage/knowledge'
import { procedureCues, suggestRoute, type RouteInput } from '../../cloudfunctions/core/domain/triage/route'
import { prepareQuery, retrievalTerms, scoreTerms, type TermStatsView } from '../../cloudfunctions/core/domain/triage/similarity'
import { termsOf } from '../../cloudfunctions/core/domain/triage/tokenizer'
import { knowledgeEntries } from '../../server/demoKnowledge'
import { units } from '../../server/demoData'

describe('intervention flag', () => {
  it.each([
    ['和物业打官司打赢了，判决书下来半年了对方还不执行，能不能帮我催一下法院？', 'litigation', '人民法院'],
    ['下周开庭，希望代表帮我跟法官打个招呼', 'litigation', '人民法院'],
    ['执行款一直没到账，帮我问问', 'litigation', '强制执行'],
    ['劳动仲裁我赢了，但公司还是不给钱', 'arbitration', '仲裁机构'],
    ['我们村的工程招投标有猫腻，中标的是村干部亲戚', 'bidding', '招投标'],
  ])('%s is flagged as %s with guidance to the lawful channel', (text, kind, channel) => {
    const flag = checkIntervention(text)
    expect(flag).not.toBeNull()
    expect(flag?.kinds).toContain(kind)
    expect(flag?.reason).toContain('人大代表不得干预')
    expect(flag?.guidance).toContain(channel)
    expect(flag?.guidance).toContain('12348')
    expect(flag?.guidance).toContain('法律援助')
  })

  it('a court named as a place, or an ordinary complaint, is not flagged', () => {
    expect(checkIntervention('法院门口的路灯坏了一个月')).toBeNull()
    expect(checkIntervention('小区垃圾桶没人清运')).toBeNull()
    expect(checkIntervention('请不起律师，法律援助怎么申请')).toBeNull()
  })

  it('a court with a case around it is flagged', () => {
    expect(checkIntervention('我的案子在区法院放了一年了')?.kinds).toEqual(['litigation'])
  })
})

describe('knowledge matching', () => {
  it('finds entries by their keywords and says which words matched', () => {
    const [first] = matchKnowledge('我母亲今年满八十了，高龄津贴怎么申请？', knowledgeEntries)
    expect(first).toMatchObject({ id: 'kb-longevity-allowance', title: '高龄津贴申领' })
    expect(first.reason).toContain('高龄津贴')
    expect(matchKnowledge('想去上海跟儿子住，医保异地备案怎么办', knowledgeEntries)[0].id).toBe('kb-medical-insurance-remote')
    expect(matchKnowledge('老房子想加装电梯有补贴吗', knowledgeEntries)[0].id).toBe('kb-elevator')
  })

  it('finds nothing for an unrelated text', () => {
    expect(matchKnowledge('楼下烧烤店油烟太大', knowledgeEntries)).toEqual([])
  })
})

describe('route suggestion', () => {
  const base: RouteInput = {
    text: '',
    category: 'traffic',
    knowledge: [],
    units,
    spread: { cases: 1, stations: ['湖滨街道人大代表之家'] },
    intervention: null,
  }

  it('a question about a policy or procedure → on-site answer, with the matching knowledge', () => {
    const text = '我母亲今年满八十了，高龄津贴怎么申请？需要什么材料？'
    const route = suggestRoute({ ...base, text, category: 'elderly', knowledge: matchKnowledge(text, knowledgeEntries) })
    expect(route.route).toBe('onsite')
    expect(route.reason).toContain('政策或办事程序的咨询')
    expect(route.reason).toContain('《高龄津贴申领》')
    expect(route.knowledge).toEqual([{ id: 'kb-longevity-allowance', title: '高龄津贴申领' }])
  })

  it.each([
    ['医保异地备案怎么办？'],
    ['公积金能不能用来付房租？'],
    ['残疾证办下来了，有什么补贴可以领？'],
    ['低保需要哪些材料'],
    ['创业担保贷款怎么申请？需要什么条件？'],
  ])('%s reads as a procedure question', (text) => {
    expect(procedureCues(text).length).toBeGreaterThan(0)
  })

  it.each([
    ['能不能优化一下信号灯的时间'],
    ['小区门口路灯坏了一个多月'],
    ['离婚后前夫一直不给抚养费，我该怎么办？'],
  ])('%s is a request or a problem, not a procedure question', (text) => {
    expect(procedureCues(text)).toEqual([])
  })

  it('a concrete local problem → transfer to the unit the district has for the category', () => {
    const route = suggestRoute({ ...base, text: '望湖路口红绿灯时间太短' })
    expect(route).toMatchObject({ route: 'transfer', unit: { id: 'unit-urban', name: '滨湖区城市管理局' } })
    expect(route.reason).toContain('道路交通')
    expect(route.reason).toContain('滨湖区城市管理局')
  })

  it('no unit for the category → transfer, asking staff to choose one', () => {
    const route = suggestRoute({ ...base, text: '社区医院医生太少', category: 'health' })
    expect(route.route).toBe('transfer')
    expect(route.unit).toBeUndefined()
    expect(route.reason).toContain('请工作人员选择承办单位')
  })

  it('a general remark with no unit → on-site answer', () => {
    expect(suggestRoute({ ...base, text: '希望多组织文化活动', category: 'other' }).route).toBe('onsite')
  })

  it('a theme raised by many residents across stations → proposal (configurable threshold)', () => {
    const spread = { cases: 6, stations: ['湖滨街道人大代表之家', '翠苑社区联络站', '望湖社区联络站'] }
    const route = suggestRoute({ ...base, text: '红绿灯时间太短', spread })
    expect(route.route).toBe('proposal')
    expect(route.reason).toContain('3个家站点')
    expect(route.reason).toContain('6件类似民意')
    expect(suggestRoute({ ...base, text: '红绿灯时间太短', spread, settings: { proposalMinCases: 7 } }).route).toBe('transfer')
    // Many cases at one station only are not general.
    expect(suggestRoute({ ...base, text: '红绿灯时间太短', spread: { cases: 9, stations: ['湖滨街道人大代表之家'] } }).route).toBe('transfer')
  })

  it('an item deputies must not take up → on-site, declining with the lawful channel', () => {
    const text = '劳动仲裁我赢了，公司不给钱，能不能帮我催一下'
    const route = suggestRoute({ ...base, text, category: 'legal', intervention: checkIntervention(text) })
    expect(route.route).toBe('onsite')
    expect(route.reason).toContain('不予受理并告知依法解决的途径')
  })
})

describe('similarity', () => {
  const docs = [
    '望湖路口红绿灯时间太短，老人过马路来不及',
    '湖滨路红绿灯绿灯太短，行人过不去',
    '翠苑小区垃圾桶没人清运，臭气熏天',
    '社区医院看病排队太久',
    '翠苑小区物业费太贵',
  ].map((t) => termsOf(t))
  const df = new Map<string, number>()
  for (const terms of docs) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  const stats: TermStatsView = { total: docs.length, avgTerms: docs.reduce((s, d) => s + d.length, 0) / docs.length, df }

  it('a text scores 1 against itself and next to nothing against one sharing no word', () => {
    const q = prepareQuery(docs[0], stats)
    expect(scoreTerms(q, docs[0], stats).score).toBe(1)
    // Only 太 (太短 / 太久) is shared: a common character, not a problem.
    const other = scoreTerms(q, docs[3], stats)
    expect(other.shared).toEqual([])
    expect(other.score).toBeLessThan(0.05)
    expect(scoreTerms(prepareQuery(termsOf('燃气表漏气'), stats), termsOf('孩子转学手续'), stats).score).toBe(0)
  })

  it('the same problem told in other words meets through its characters, not through the place', () => {
    const q = '向阳路菜场门口那个下水道盖子没了'
    const prepared = prepareQuery(termsOf(q), stats, q)
    const sameProblem = scoreTerms(prepared, termsOf('向阳路菜市场门口少了个井盖'), stats)
    const otherProblem = scoreTerms(prepared, termsOf('向阳路菜场里卖的鱼缺斤少两'), stats)
    expect(sameProblem.shared).not.toContain('井盖')
    expect(sameProblem.score).toBeGreaterThan(otherProblem.score)
    // The place's characters never count for the problem: 阳 of 向阳路 is in neither problem.
    const placeOnly = scoreTerms(prepareQuery(termsOf('向阳路路灯坏了'), stats, '向阳路路灯坏了'), termsOf('阳光下晒被子'), stats)
    expect(placeOnly.score).toBe(0)
  })

  it('a near-duplicate scores above an unrelated text and names the shared words', () => {
    const q = prepareQuery(termsOf('望湖路的红绿灯太短了'), stats)
    const near = scoreTerms(q, docs[0], stats)
    const far = scoreTerms(q, docs[2], stats)
    expect(near.score).toBeGreaterThan(far.score)
    expect(near.shared).toContain('红绿灯')
  })

  it('looks candidates up by the rarest words, within the budget', () => {
    const q = prepareQuery(termsOf('翠苑小区红绿灯'), stats)
    const picked = retrievalTerms(q, stats, 2)
    expect(picked.length).toBeGreaterThan(0)
    const cost = picked.reduce((s, t) => s + (df.get(t) ?? 0), 0)
    expect(cost).toBeLessThanOrEqual(Math.max(2, df.get(picked[0]) ?? 0))
    // Words no case holds are never used to look up.
    expect(retrievalTerms(prepareQuery(['不存在的词'], stats), stats)).toEqual([])
  })
})
