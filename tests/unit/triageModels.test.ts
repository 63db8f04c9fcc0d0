// The trained triage models: route per kind of opinion, the intervention warning per kind (and its
// traps), similarity that tells the problem from the place, and deterministic training.
import { CATEGORIES } from '@minyi/types'
import { TRIAGE_ROUTES, splitCorpus } from '../../bench/data/corpus'
import { ROUTE_ONLY_FEATURE, examplesOf, isTrainExtra, serialise, trainModels } from '../../scripts/trainTriage'
import { checkIntervention } from '../../cloudfunctions/core/domain/triage/intervention'
import { extractFeatures } from '../../cloudfunctions/core/domain/triage/features'
import { predict, train } from '../../cloudfunctions/core/domain/triage/linearModel'
import { predictRoute, suggestRoute } from '../../cloudfunctions/core/domain/triage/route'
import { categoryProbabilities, suggestCategory } from '../../cloudfunctions/core/domain/triage/classifier'
import { CATEGORY_WEIGHT, canonicalTerm, placeNames, prepareQuery, scoreTerms, type TermStatsView } from '../../cloudfunctions/core/domain/triage/similarity'
import { termsOf } from '../../cloudfunctions/core/domain/triage/tokenizer'
import { units } from '../../server/demoData'

/** What staff would be told: decline when the warning is raised, else the suggested route. */
function routeOf(text: string): string {
  const features = extractFeatures(text)
  const intervention = checkIntervention(text, features)
  if (intervention) return 'decline'
  const category = suggestCategory(text, features).suggested
  return suggestRoute({ text, category, knowledge: [], units, spread: { cases: 1, stations: ['湖滨街道人大代表之家'] }, intervention, features }).route
}

describe('route suggestion by the trained model', () => {
  it.each([
    ['请问老年人免费乘车卡在哪里办，要带什么证件？'],
    ['我想问一下，失业了以后医保还能继续交吗'],
    ['孩子转学要原来学校同意吗？'],
    ['代表下次接待是哪天啊'],
    ['谢谢社区的工作人员，帮我家老人办好了手续，太感谢了'],
  ])('a question, thanks or general remark → on-site: %s', (text) => {
    expect(routeOf(text)).toBe('onsite')
  })

  it.each([
    ['幸福路和长江路口的红绿灯坏了三天了，一直闪黄灯'],
    ['我们楼下的垃圾桶满了好几天没人清运，臭得不行'],
    ['小区门口有个井盖松了，踩上去咣当响'],
    ['学校门口卖三无食品的小摊天天有，学生下课就去买'],
    ['楼上邻居天天半夜剁骨头，吵得我们睡不着'],
  ])('a concrete local problem → transfer: %s', (text) => {
    expect(routeOf(text)).toBe('transfer')
  })

  it.each([
    ['建议全市统一出台电动车进小区充电的管理办法，现在到处都有飞线充电'],
    ['希望提高农村老人的基础养老金标准，一个月一两百块太少了'],
    ['好多小区都没有业委会，建议立法明确物业的监督办法'],
    ['各个学校的课后服务收费都不一样，建议全区统一标准'],
  ])('a policy-level or widespread ask → proposal: %s', (text) => {
    expect(routeOf(text)).toBe('proposal')
  })

  it('quotes the words that weighed most for the route', () => {
    const p = predictRoute('请问高龄津贴怎么申请？')
    expect(p.route).toBe('onsite')
    expect(p.words.length).toBeGreaterThan(0)
    const proposal = suggestRoute({
      text: '建议全市统一出台电动车进小区充电的管理办法，现在到处都有飞线充电',
      category: 'safety',
      knowledge: [],
      units,
      spread: { cases: 1, stations: ['湖滨街道人大代表之家'] },
      intervention: null,
    })
    expect(proposal).toMatchObject({ route: 'proposal' })
    expect(proposal.reason).toMatch(/因为提到：.+可作为议案建议的素材/)
  })
})

describe('intervention warning, by kind', () => {
  it.each([
    ['我的官司下个月二审，想请代表跟法官打个招呼', 'litigation', '人民法院'],
    ['劳动仲裁还没裁决，能不能帮我跟仲裁委的人说说', 'arbitration', '仲裁机构'],
    ['区里绿化工程的招标，中标的那家是关系户，请代表帮我们把标拿回来', 'bidding', '招投标'],
    ['我借给老同学三万块钱，写了借条，他现在不还了，请代表帮我要回来', 'private_dispute', '人民调解'],
    ['我哥把爸妈的遗产全占了，想请代表来给我们分家产', 'private_dispute', '人民调解'],
    ['邻居欠我家五千块钱装修款一直不给，你们出面帮我要一下', 'private_dispute', '人民调解'],
    ['我女儿中考差几分，代表能不能帮忙跟重点高中说个情', 'personal_favour', '说情'],
    ['我妈住院想走个后门早点排上手术', 'personal_favour', '说情'],
    ['帮我查一下他的手机号和家庭住址', 'personal_favour', '个人信息'],
    ['我儿子结婚想请代表来当证婚人', 'personal_favour', '宴请'],
  ])('%s → %s, with the lawful channel', (text, kind, channel) => {
    const flag = checkIntervention(text)
    expect(flag?.kinds).toContain(kind)
    expect(flag?.reason).toContain('人大代表不得干预')
    expect(flag?.guidance).toContain(channel)
    expect(flag?.guidance).toContain('12348')
  })

  it.each([
    ['楼上邻居每天半夜拖椅子，吵得睡不着，物业也不管'],
    ['对门邻居把鞋柜和垃圾堆在楼道里，走路都要侧身'],
    ['邻居家的狗天天晚上叫，老人心脏受不了'],
    ['隔壁邻居在楼道里给电瓶车充电，太危险了'],
    ['法院对面那条路的路灯坏了好几个'],
    ['借钱给别人不还，我该怎么起诉？要去哪个法院'],
    ['想参加政府的招投标，要什么资质？去哪里看招标公告'],
    ['我想查一下我自己的社保缴费记录'],
    ['包工头拖欠我们十几个人的工资，过年了还不给'],
  ])('not flagged (a matter for a unit, or a question to answer): %s', (text) => {
    expect(checkIntervention(text)).toBeNull()
  })
})

describe('similarity: the problem before the place', () => {
  const corpus = [
    '东环路和建设路路口的红绿灯绿灯太短，老人走一半就变灯了',
    '建设路东环路十字路口行人绿灯才十几秒，我妈过马路过不去',
    '东环路建设路路口那家饭店的油烟直接往人行道上排',
    '解放路和胜利路路口人行绿灯太短，老人家根本走不过去',
    '紫薇苑三栋的电梯又坏了，困了两个人',
    '紫薇苑3栋门口垃圾满出来好几天了，没人来清运',
    '金桂苑五栋旁边的垃圾箱好几天没清运',
  ]
  const df = new Map<string, number>()
  let total = 0
  for (const t of corpus) for (const term of termsOf(t)) (df.set(term, (df.get(term) ?? 0) + 1), (total += 1))
  const stats: TermStatsView = { total: corpus.length, avgTerms: total / corpus.length, df }
  const score = (q: string, d: string) => scoreTerms(prepareQuery(termsOf(q), stats, q), termsOf(d), stats).score

  it('finds the place names', () => {
    expect(placeNames(corpus[0])).toEqual(expect.arrayContaining(['东环路', '建设路']))
    expect(placeNames('我们小区门口的马路太窄')).toEqual([])
  })

  it('ranks the same problem (told otherwise, or elsewhere) above another problem at the same place', () => {
    const [query, sameIssue, samePlace, sameProblem] = corpus
    expect(score(query, sameIssue)).toBeGreaterThan(score(query, samePlace))
    expect(score(query, sameProblem)).toBeGreaterThan(score(query, samePlace))
    expect(score(corpus[5], corpus[6])).toBeGreaterThan(score(corpus[5], corpus[4]))
  })

  it('without a text the score is the one-field score, as before', () => {
    const one = scoreTerms(prepareQuery(termsOf(corpus[0]), stats, null), termsOf(corpus[0]), stats)
    expect(one.score).toBe(1)
  })

  it('finds names of two characters before a one-character suffix, and schools by number', () => {
    expect(placeNames('滨河路晚上有渣土车飞快地开过去')).toEqual(['滨河路'])
    expect(placeNames('清河小学放学门口堵得一塌糊涂')).toEqual(['清河小学'])
    expect(placeNames('二中放学时门口经常有学生打群架')).toEqual(['二中'])
    expect(placeNames('22路公交半小时不来')).toEqual(['22路'])
  })

  it('scores synonyms as one word: 公厕 / 厕所, 工钱 / 工资, 灯坏 / 不亮', () => {
    expect(canonicalTerm('公厕')).toBe(canonicalTerm('厕所'))
    expect(canonicalTerm('工钱')).toBe(canonicalTerm('工资'))
    expect(canonicalTerm('路口')).toBe('路口') // a place word joins no group
    const toilets = ['湿地公园的公厕坏了一个月锁着门', '城中村的公共厕所坏了没人修，一直锁着', '湿地公园的健身器材坏了']
    const s = (q: string, d: string) => scoreTerms(prepareQuery(termsOf(q), stats, q), termsOf(d), stats)
    const same = s(toilets[0], toilets[1])
    expect(same.score).toBeGreaterThan(0)
    expect(same.shared).toContain('公共厕所')
  })

  it('weighs the stored case\'s category by the query\'s category probabilities, only with shared problem words', () => {
    const q = corpus[0]
    const categories = categoryProbabilities(q)
    expect(categories.get('traffic')).toBeGreaterThan(0.5)
    const prepared = prepareQuery(termsOf(q), stats, q, categories)
    const asTraffic = scoreTerms(prepared, termsOf(corpus[3]), stats, 'traffic').score
    const asOther = scoreTerms(prepared, termsOf(corpus[3]), stats, 'environment').score
    expect(asTraffic).toBeGreaterThan(asOther)
    // Itself, in its own category: still 1 (words 1, category share ≈ its probability).
    expect(scoreTerms(prepared, termsOf(q), stats, 'traffic').score).toBeGreaterThan(0.9)
    // Same category but no problem word shared (only the place): the category adds nothing.
    const placeOnly = scoreTerms(prepared, termsOf('东环路建设路路口'), stats, 'traffic').score
    expect(placeOnly).toBe(scoreTerms(prepareQuery(termsOf(q), stats, q), termsOf('东环路建设路路口'), stats).score * (1 - CATEGORY_WEIGHT))
  })
})

describe('training', () => {
  it('is deterministic: the same corpus gives the same weights', () => {
    const { train: items } = splitCorpus()
    const slice = items.filter((_, i) => i % 8 === 0)
    const a = trainModels(slice, { category: { epochs: 4 }, route: { epochs: 4 } })
    const b = trainModels(slice, { category: { epochs: 4 }, route: { epochs: 4 } })
    expect(serialise(a.category)).toBe(serialise(b.category))
    expect(serialise(a.route)).toBe(serialise(b.route))
    expect(a.category.classes).toEqual([...CATEGORIES])
    expect(a.route.classes).toEqual([...TRIAGE_ROUTES])
    // And it learnt something: better than chance on what it saw.
    const ex = examplesOf(slice, 'route')
    const right = ex.filter((e) => predict(a.route, e.values)[0].label === e.label).length
    expect(right / ex.length).toBeGreaterThan(0.5)
  })

  it('fits a toy problem and keeps small files (pruned, integer weights)', () => {
    const ex = [
      { label: 'a', values: new Map([['w:红绿灯', 1]]) },
      { label: 'a', values: new Map([['w:路口', 1]]) },
      { label: 'b', values: new Map([['w:垃圾', 1]]) },
      { label: 'b', values: new Map([['w:清运', 1]]) },
    ]
    const m = train('toy', ['a', 'b'], ex, { minDf: 1 })
    expect(predict(m, new Map([['w:红绿灯', 1]]))[0].label).toBe('a')
    expect(predict(m, new Map([['w:垃圾', 1]]))[0].label).toBe('b')
    for (const row of Object.values(m.weights)) for (const w of row) expect(Number.isInteger(w)).toBe(true)
  })

  it('opinions written to strengthen training are in the train part only, and the route model ignores them', () => {
    const { train: t, heldout } = splitCorpus()
    expect(t.filter(isTrainExtra).length).toBeGreaterThanOrEqual(50)
    expect(heldout.filter(isTrainExtra)).toEqual([])
  })

  it('the category model has no weight for the route cues', () => {
    const { category } = trainModels(splitCorpus().train.filter((_, i) => i % 8 === 0), { category: { epochs: 2 }, route: { epochs: 1 } })
    expect(Object.keys(category.weights).filter((f) => ROUTE_ONLY_FEATURE.test(f))).toEqual([])
  })

  it('the corpus has at least 1,000 opinions with all categories and routes, split once', () => {
    const { train: t, heldout } = splitCorpus()
    expect(t.length + heldout.length).toBeGreaterThanOrEqual(1000)
    expect(heldout.length / (t.length + heldout.length)).toBeCloseTo(0.25, 1)
    for (const c of CATEGORIES) expect(heldout.some((o) => o.category === c)).toBe(true)
    for (const r of TRIAGE_ROUTES) expect(heldout.some((o) => o.route === r)).toBe(true)
  })
})
