// Tokenizer, category suggestion and the labelled set's held-out accuracy.
import { CATEGORIES } from '@minyi/types'
import { loadLabelled, split } from '../../bench/category'
import { distinctTokens, termsOf, tokenize } from '../../cloudfunctions/core/domain/triage/tokenizer'
import { matchedKeywords, suggestCategory, topCategories } from '../../cloudfunctions/core/domain/triage/classifier'

describe('tokenizer', () => {
  it('keeps domain terms whole (and, cutting for search, their parts)', () => {
    expect(tokenize('我们小区想加装电梯，需要什么材料？')).toEqual(expect.arrayContaining(['加装电梯', '小区', '材料']))
    expect(tokenize('晚上广场舞太吵了')).toContain('广场舞')
    expect(tokenize('湖滨路口的红绿灯时间太短')).toContain('红绿灯')
    expect(tokenize('垃圾分类以后投放时间太短')).toContain('垃圾分类')
    expect(tokenize('医保报销比例太低')).toContain('医保报销')
  })

  it('drops stop words, punctuation, numbers and counts written in Chinese numerals', () => {
    const tokens = tokenize('我们的188路车，十点多才来！！这个问题非常严重，能不能解决一下？123')
    for (const word of ['我们', '的', '，', '！', '188', '123', '十点', '这个', '问题', '非常', '能不能', '解决', '一下']) {
      expect(tokens).not.toContain(word)
    }
  })

  it('keeps single characters only when they name a topic', () => {
    expect(tokenize('停了水又停电，灯也不亮')).toEqual(expect.arrayContaining(['水', '灯']))
    expect(tokenize('他说了')).toEqual([])
  })

  it('normalises full-width letters and lower-cases them', () => {
    expect(tokenize('ＷｉＦｉ信号差')).toContain('wifi')
  })

  it('terms are distinct and capped, keeping domain terms first', () => {
    const long = '小区加装电梯的事情，' + Array.from({ length: 60 }, (_, i) => `第${i}个杂项${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e50 + i * 5)}`).join('，')
    const terms = termsOf(long, 10)
    expect(terms).toHaveLength(10)
    expect(terms).toContain('加装电梯')
    expect(new Set(distinctTokens('电梯电梯电梯坏了')).size).toBe(distinctTokens('电梯电梯电梯坏了').length)
  })
})

describe('category suggestion', () => {
  it.each([
    ['湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。', 'traffic', '红绿灯'],
    ['楼下垃圾桶三天没人清运，臭气熏天', 'environment', '垃圾桶'],
    ['物业费涨了服务却越来越差', 'housing', '物业费'],
    ['小区门口路灯坏了一个多月', 'utilities', '路灯'],
    ['孩子上小学划片太远了', 'education', '小学'],
    ['社区医院挂号要排一上午', 'health', '社区医院'],
    ['想给独居老人申请上门助餐', 'elderly', '独居'],
    ['医保异地就医备案怎么办理', 'social_security', '异地就医'],
    ['楼道里有人飞线充电，太危险了', 'safety', '飞线充电'],
    ['营业执照变更要跑好几个窗口', 'economy', '营业执照'],
    ['包工头拖欠工资半年了', 'legal', '拖欠工资'],
  ])('%s → %s, because it mentions %s', (text, category, word) => {
    const s = suggestCategory(text)
    expect(s.suggested).toBe(category)
    expect(s.reason).toMatch(/^因为提到：/)
    expect(s.reason).toContain(word)
    expect(s.score).toBeGreaterThan(0)
    expect(s.score).toBeLessThanOrEqual(1)
  })

  it('falls back to 其他 with a reason when the text names no topic', () => {
    const s = suggestCategory('上次说的事情后来怎么样了')
    expect(s).toMatchObject({ suggested: 'other', label: '其他', score: 0 })
    expect(s.reason).toContain('建议人工判断')
  })

  it('gives alternatives for an ambiguous text, each with its own reason', () => {
    const s = suggestCategory('小区门口马路两边停满了车，消防车都进不来')
    expect(s.alternatives.length).toBeGreaterThan(0)
    for (const a of s.alternatives) expect(a.reason).toMatch(/^因为提到：/)
    expect(topCategories('小区门口马路两边停满了车，消防车都进不来', 3)).toHaveLength(3)
  })

  it('a word inside a longer word found is not counted twice', () => {
    expect(matchedKeywords(tokenize('想加装电梯'))).toEqual(['加装电梯'])
  })
})

describe('the labelled set', () => {
  const items = loadLabelled()

  it('has at least 200 opinions of 10–200 characters covering all 12 categories', () => {
    expect(items.length).toBeGreaterThanOrEqual(200)
    for (const category of CATEGORIES) expect(items.filter((i) => i.category === category).length).toBeGreaterThanOrEqual(15)
    for (const item of items) {
      expect(Array.from(item.text).length).toBeGreaterThanOrEqual(10)
      expect(Array.from(item.text).length).toBeLessThanOrEqual(200)
    }
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length)
  })

  it('splits into a tuning half and a held-out half, per category, the same way every time', () => {
    const a = split(items)
    const b = split(items)
    expect(a.evaluation.map((i) => i.text)).toEqual(b.evaluation.map((i) => i.text))
    expect(a.dev.length + a.evaluation.length).toBe(items.length)
    const devTexts = new Set(a.dev.map((i) => i.text))
    expect(a.evaluation.some((i) => devTexts.has(i.text))).toBe(false)
  })

  it('top-1 accuracy on the held-out half stays at or above 85 %', () => {
    const { evaluation } = split(items)
    const right = evaluation.filter((i) => suggestCategory(i.text).suggested === i.category).length
    expect(right / evaluation.length).toBeGreaterThanOrEqual(0.85)
  })
})
