// Deputies must not intervene in a specific court case, an arbitration or a bidding procedure.
// Such items are flagged so whoever decides can decline them with the lawful channel to follow.
export type InterventionKind = 'litigation' | 'arbitration' | 'bidding'

export interface InterventionFlag {
  flagged: true
  kinds: InterventionKind[]
  /** The words that triggered the flag, for the page to show. */
  words: string[]
  reason: string
  guidance: string
}

const KIND_LABELS: Record<InterventionKind, string> = {
  litigation: '具体诉讼案件',
  arbitration: '仲裁事项',
  bidding: '招投标事项',
}

/** Words that on their own name a court case, an arbitration or a bidding procedure. */
const STRONG: Array<[InterventionKind, RegExp]> = [
  ['litigation', /诉讼|起诉|被诉|上诉|再审|判决|判了|判决书|裁定书|开庭|庭审|法官|执行款|强制执行|申请执行|执行局|立案庭|打官司|官司|败诉|胜诉|撤诉|案子|案件|判赔/g],
  ['arbitration', /仲裁/g],
  ['bidding', /招投标|招标|投标|中标|标书|围标|串标|废标|评标|流标/g],
]

/** 法院 / 检察院 alone may be a place (法院门口的路灯); with these around it is about a case. */
const COURT = /法院|检察院/g
const CASE_CONTEXT = /判|审|执行|立案|告|案|庭|打招呼|说情|催|帮我/

const GUIDANCE: Record<InterventionKind, string> = {
  litigation: '已进入或可以进入诉讼程序的案件，请通过人民法院依法解决（起诉、上诉、申请再审或申请强制执行）',
  arbitration: '仲裁事项请通过仲裁机构依法解决（如劳动人事争议仲裁委员会）；对裁决不服或对方不履行的，可依法向人民法院起诉或申请强制执行',
  bidding: '招投标中的异议和投诉，请依法向招标人提出异议，或向招投标行政监督部门投诉，涉嫌违纪违法的可向纪检监察机关反映',
}

const COMMON_GUIDANCE = '人大代表不干预具体案件和招投标等事项的办理。经济困难的可申请法律援助，法律咨询可拨打 12348 公共法律服务热线。'

function found(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])]
}

export function checkIntervention(text: string): InterventionFlag | null {
  const kinds: InterventionKind[] = []
  const words: string[] = []
  for (const [kind, pattern] of STRONG) {
    const hits = found(text, pattern)
    if (hits.length) {
      kinds.push(kind)
      words.push(...hits)
    }
  }
  const courts = found(text, COURT)
  if (courts.length && CASE_CONTEXT.test(text.replace(COURT, ''))) {
    if (!kinds.includes('litigation')) kinds.unshift('litigation')
    words.unshift(...courts)
  }
  if (!kinds.length) return null
  const ordered = (['litigation', 'arbitration', 'bidding'] as const).filter((k) => kinds.includes(k))
  return {
    flagged: true,
    kinds: ordered,
    words: [...new Set(words)],
    reason: `涉及${ordered.map((k) => KIND_LABELS[k]).join('、')}（提到：${[...new Set(words)].slice(0, 4).join('、')}），人大代表不得干预`,
    guidance: `${ordered.map((k) => GUIDANCE[k]).join('；')}。${COMMON_GUIDANCE}`,
  }
}
