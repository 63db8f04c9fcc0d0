// WeChat subscribe-message templates as we use them, and WeChat's limits on template values.
// Values are checked (and free text shortened) here, before anything is sent: a value out of
// bounds makes WeChat answer 47003 and the message is lost.

export type TemplateValueKind = 'thing' | 'phrase' | 'character_string' | 'time' | 'name'

/** Our template keys and the kind of each logical field. Field → WeChat key mapping is config. */
export const TEMPLATES = {
  progress: { trackingNo: 'character_string', subject: 'thing', status: 'phrase', time: 'time', remark: 'thing' },
  reply: { trackingNo: 'character_string', subject: 'thing', summary: 'thing', time: 'time', remark: 'thing' },
  /** 民情接待日: booking confirmed, waitlist promotion, day moved or cancelled, the evening-before reminder. */
  booking: { subject: 'thing', time: 'time', place: 'thing', status: 'phrase', remark: 'thing' },
} as const satisfies Record<string, Record<string, TemplateValueKind>>

export type TemplateKey = keyof typeof TEMPLATES
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[]

const LIMITS = { thing: 20, name: 10, phrase: 5, character_string: 32 }

const chars = (value: string) => Array.from(value)

/** Shortens free text to fit a `thing`/`name` value; other kinds are not free text and are not cut. */
export function fitTemplateValue(kind: TemplateValueKind, value: string): string {
  const clean = value.replace(/\s+/g, ' ').trim()
  if (kind === 'thing' || kind === 'name') {
    const limit = LIMITS[kind]
    const list = chars(clean)
    return list.length <= limit ? clean : `${list.slice(0, limit - 1).join('')}…`
  }
  return clean
}

/** Returns the problems with a value, in Chinese; empty when WeChat will accept it. */
export function templateValueProblems(kind: TemplateValueKind, value: string): string[] {
  const problems: string[] = []
  const length = chars(value).length
  if (length === 0) problems.push('不能为空')
  switch (kind) {
    case 'thing':
    case 'name':
      if (length > LIMITS[kind]) problems.push(`超过${LIMITS[kind]}个字`)
      break
    case 'phrase':
      if (length > LIMITS.phrase) problems.push('超过5个字')
      if (!/^[\u4e00-\u9fa5]*$/.test(value)) problems.push('只能是汉字')
      break
    case 'character_string':
      if (length > LIMITS.character_string) problems.push('超过32个字符')
      if (!/^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]*$/.test(value)) problems.push('只能是数字、字母或符号')
      break
    case 'time':
      if (!/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value)) problems.push('时间格式应为 2026年11月22日 15:01')
      break
  }
  return problems
}

export function checkTemplateData(template: string, data: Record<string, string>): string[] {
  const fields = (TEMPLATES as Record<string, Record<string, TemplateValueKind>>)[template]
  if (!fields) return [`未知的消息模板 ${template}`]
  const problems: string[] = []
  for (const [field, kind] of Object.entries(fields)) {
    const value = data[field]
    if (value === undefined) {
      problems.push(`${field} 缺失`)
      continue
    }
    for (const problem of templateValueProblems(kind, value)) problems.push(`${field} ${problem}`)
  }
  return problems
}

/** Builds template data with every free-text value shortened to fit. */
export function fitTemplateData(template: TemplateKey, data: Record<string, string>): Record<string, string> {
  const fields = TEMPLATES[template] as Record<string, TemplateValueKind>
  return Object.fromEntries(Object.entries(data).map(([field, value]) => [field, fitTemplateValue(fields[field] ?? 'thing', value)]))
}
