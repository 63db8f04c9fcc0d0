// WeChat's limits on subscribe-message values, checked before anything is sent (a value out of
// bounds makes WeChat answer 47003 and the message is lost).
import {
  TEMPLATES,
  checkTemplateData,
  fitTemplateData,
  fitTemplateValue,
  templateValueProblems,
} from '../../cloudfunctions/core/domain/subscribeMessages'
import { formatChineseDateTime } from '@minyi/types'

const chars = (s: string) => Array.from(s).length

describe('fitTemplateValue shortens free text to fit', () => {
  it('leaves a thing of 20 characters alone and cuts a longer one to 20 with an ellipsis', () => {
    const twenty = '湖滨路红绿灯时间太短老人过马路来不及了'.padEnd(20, '啊')
    expect(chars(twenty)).toBe(20)
    expect(fitTemplateValue('thing', twenty)).toBe(twenty)
    const cut = fitTemplateValue('thing', `${twenty}多出来的字`)
    expect(chars(cut)).toBe(20)
    expect(cut).toBe(`${Array.from(twenty).slice(0, 19).join('')}…`)
    expect(templateValueProblems('thing', cut)).toEqual([])
  })

  it('cuts a name to 10 characters', () => {
    const cut = fitTemplateValue('name', '滨湖区城市管理局市容环境卫生管理处')
    expect(chars(cut)).toBe(10)
    expect(templateValueProblems('name', cut)).toEqual([])
  })

  it('collapses whitespace and line breaks before counting', () => {
    expect(fitTemplateValue('thing', '  小区\n\n门口   路灯坏了  ')).toBe('小区 门口 路灯坏了')
  })

  it('counts characters, not UTF-16 units (an emoji is one character and is not split)', () => {
    const value = `${'路'.repeat(18)}😀😀😀`
    const cut = fitTemplateValue('thing', value)
    expect(cut).toBe(`${'路'.repeat(18)}😀…`)
    expect(templateValueProblems('thing', cut)).toEqual([])
  })

  it('does not cut values that are not free text', () => {
    const tooLong = 'A'.repeat(40)
    expect(fitTemplateValue('character_string', tooLong)).toBe(tooLong)
    expect(fitTemplateValue('phrase', '已受理')).toBe('已受理')
  })
})

describe('templateValueProblems', () => {
  it.each([
    ['thing', '一'.repeat(20), []],
    ['thing', '一'.repeat(21), ['超过20个字']],
    ['thing', '', ['不能为空']],
    ['name', '王建国', []],
    ['name', '一'.repeat(11), ['超过10个字']],
    ['phrase', '已受理', []],
    ['phrase', '不予受理', []],
    ['phrase', '重新办理中了', ['超过5个字']],
    ['phrase', 'OK', ['只能是汉字']],
    ['phrase', '已 受理', ['只能是汉字']],
    ['character_string', 'MY20261122-0007', []],
    ['character_string', 'A'.repeat(32), []],
    ['character_string', 'A'.repeat(33), ['超过32个字符']],
    ['character_string', '编号MY1', ['只能是数字、字母或符号']],
    ['character_string', 'MY 0007', ['只能是数字、字母或符号']],
    ['time', '2026年11月22日 15:01', []],
    ['time', '2026年1月2日 09:05', []],
    ['time', '2026年11月22日 15:01:09', ['时间格式应为 2026年11月22日 15:01']],
    ['time', '2026-11-22 15:01', ['时间格式应为 2026年11月22日 15:01']],
    ['time', '2026年11月22日', ['时间格式应为 2026年11月22日 15:01']],
  ] as const)('%s %j → %j', (kind, value, problems) => {
    expect(templateValueProblems(kind, value)).toEqual(problems)
  })

  it('formatChineseDateTime gives a valid time value (Shanghai, no seconds)', () => {
    const value = formatChineseDateTime('2026-11-22T07:01:59.000Z')
    expect(value).toBe('2026年11月22日 15:01')
    expect(templateValueProblems('time', value)).toEqual([])
  })
})

describe('checkTemplateData and fitTemplateData', () => {
  const good = {
    trackingNo: 'MY20261122-0007',
    subject: '湖滨路红绿灯时间太短',
    status: '已受理',
    time: '2026年11月22日 15:01',
    remark: '我们会尽快办理并答复您',
  }

  it('accepts data that fits and names each problem field otherwise', () => {
    expect(checkTemplateData('progress', good)).toEqual([])
    const { remark: _remark, ...missing } = good
    expect(checkTemplateData('progress', missing)).toEqual(['remark 缺失'])
    expect(checkTemplateData('progress', { ...good, status: '正在办理之中' })).toEqual(['status 超过5个字'])
    expect(checkTemplateData('nope', good)).toEqual(['未知的消息模板 nope'])
  })

  it('fitTemplateData makes long free text acceptable for every template', () => {
    const long = '湖滨路与望湖路交叉口的红绿灯时间太短，老人过马路来不及。'.repeat(30)
    for (const template of Object.keys(TEMPLATES) as Array<keyof typeof TEMPLATES>) {
      const raw = { ...good, subject: long, remark: long, summary: long, place: long }
      expect(checkTemplateData(template, raw).length).toBeGreaterThan(0)
      expect(checkTemplateData(template, fitTemplateData(template, raw))).toEqual([])
    }
  })
})
