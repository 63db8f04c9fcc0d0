// What deputies must not take up: a specific court case, an arbitration or a bidding procedure, a
// private dispute between individuals (loans, family, neighbours' private debts and compensation),
// or a personal favour (说情, 走后门, looking up someone else's information, attending a private
// event). Such items are flagged with the lawful channel to tell the resident, kind by kind.
//
// Two kinds of evidence: words that name the matter (patterns below, which also say which kind it
// is) and the route model's probability that the item is one to decline (it has learnt from the
// corpus the difference between "邻居借钱不还，帮我要回来" and "邻居天天半夜装修，太吵了" — the
// latter is a 物业 / 城管 matter, not a private dispute). Court, arbitration and bidding words are
// decisive unless the resident only asks how the procedure works; private matters need the model.
import { extractFeatures, type Features } from './features'
import { predict } from './linearModel'
import { ROUTE_MODEL } from './models'

export const INTERVENTION_KINDS = ['litigation', 'arbitration', 'bidding', 'private_dispute', 'personal_favour'] as const
export type InterventionKind = (typeof INTERVENTION_KINDS)[number]

export interface InterventionFlag {
  flagged: true
  kinds: InterventionKind[]
  /** The words that triggered the flag, for the page to show. */
  words: string[]
  reason: string
  guidance: string
  /** The route model's probability that the item is one to decline (0–1). */
  confidence: number
}

const KIND_LABELS: Record<InterventionKind, string> = {
  litigation: '具体诉讼案件',
  arbitration: '仲裁事项',
  bidding: '招投标事项',
  private_dispute: '个人之间的私人纠纷',
  personal_favour: '为个人说情办事',
}

/** Words that on their own name a court case, an arbitration or a bidding procedure. */
const STRONG: Array<[InterventionKind, RegExp]> = [
  ['litigation', /诉讼|起诉|被诉|上诉|再审|判决|判了|判我|判不|改判|翻案|判决书|裁定书|开庭|庭审|法官|执行款|强制执行|申请执行|执行局|终本|立案庭|打官司|官司|败诉|胜诉|撤诉|案子|案件|判赔|二审|一审|看守所|检察院/g],
  ['arbitration', /仲裁/g],
  ['bidding', /招投标|招标|投标|中标|标书|围标|串标|废标|评标|流标|竞标|开标|落标|底价|评委/g],
]

/** 法院 alone may be a place (法院门口的路灯); with these around it is about a case. */
const COURT = /法院/g
const CASE_CONTEXT = /判|审|执行|立案|告|案|庭|打招呼|说情|催|帮我/

/** Private matters between individuals, and favours: which kind, by the words. */
const SOFT: Array<[InterventionKind, RegExp]> = [
  ['private_dispute', /借给|借了(我|我家|我们)|借(我|我家)的|借条|欠条|欠我|欠了我|还钱|不还|要回|讨回|借钱|借款|赌债|货款|分红|合伙|股东|离婚|前夫|前妻|抚养费|彩礼|遗产|遗嘱|继承|分家|家产|继母|继父|后妈|赡养|两口子|分手|宅基地|赔(我|偿)?[^，。]{0,6}(医药费|钱)|评评理|评理|主持公道|做主|调停|算账/g],
  ['personal_favour', /说情|说个情|求情|打招呼|打个招呼|走后门|走个后门|托关系|找关系|通融|插队|递个话|说说话|推荐推荐|帮着推荐|安排(个|一下)?(工作|岗位|临时工)|熟人|撑腰|盯着点|施压|施加(点)?压力|消分|把分消|少赔|查(一下|一查)?(他|她|某某|别人|这个人|对方|前妻|前夫|老公|邻居)[^，。！？]{0,10}(住址|地址|电话|手机|号码|住在|在哪|信息|记录|工资|病)|查出他|他现在在哪|婚礼|证婚|喜宴|寿宴|大寿|剪彩|开业庆典|站台|推荐信|给老人长长脸|(帮|给)(我|我家)?(儿子|女儿|孩子|侄女|侄子|外甥|亲戚|老公|老婆)?(找|安排|介绍)(个|份)?(工作|岗位|活|临时工)/g],
]

/** Asking only how a procedure works (怎么起诉, 去哪个法院, 要什么材料) is a question to answer, not a case to decline. */
const PROCEDURE_ONLY = ['q:procedure', 'q:how', 'q:where']

/** From this probability of "decline" a private matter the words point to is flagged... */
const SOFT_MIN = 0.2
/** ...and from this one, the model alone flags it. */
const MODEL_MIN = 0.75
/** Below this, court words in a procedure question are not flagged. */
const PROCEDURE_MAX = 0.5

const GUIDANCE: Record<InterventionKind, string> = {
  litigation: '已进入或可以进入诉讼程序的案件，请通过人民法院依法解决（起诉、上诉、申请再审或申请强制执行）',
  arbitration: '仲裁事项请通过仲裁机构依法解决（如劳动人事争议仲裁委员会）；对裁决不服或对方不履行的，可依法向人民法院起诉或申请强制执行',
  bidding: '招投标中的异议和投诉，请依法向招标人提出异议，或向招投标行政监督部门投诉，涉嫌违纪违法的可向纪检监察机关反映',
  private_dispute:
    '个人之间的借贷、婚姻家庭、继承和邻里之间的财产赔偿等私人纠纷，可以向村（居）民委员会或司法所的人民调解委员会申请调解，调解不成的可依法向人民法院起诉',
  personal_favour:
    '入学、就医、就业、考试、执法等事项请按公开的条件和程序办理，人大代表不为个人说情、打招呼；他人的个人信息受法律保护，不能代为查询，确有需要的可报警或在诉讼中依法申请调取；人大代表不参加私人宴请、庆典等活动',
}

const COMMON_GUIDANCE = '人大代表不干预具体案件、招投标和个人私事的办理。经济困难的可申请法律援助，法律咨询可拨打 12348 公共法律服务热线。'

function found(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])]
}

/** The route model's probability that the text is an item to decline. */
export function declineProbability(features: Features): number {
  return predict(ROUTE_MODEL, features.values).find((s) => s.label === 'decline')?.probability ?? 0
}

export function checkIntervention(text: string, features: Features = extractFeatures(text)): InterventionFlag | null {
  const normalised = text.normalize('NFKC')
  const p = declineProbability(features)
  const procedureOnly = PROCEDURE_ONLY.some((f) => features.values.has(f)) && p < PROCEDURE_MAX
  const kinds: InterventionKind[] = []
  const words: string[] = []
  const note = (kind: InterventionKind, hits: string[]) => {
    if (!kinds.includes(kind)) kinds.push(kind)
    words.push(...hits)
  }
  if (!procedureOnly) {
    for (const [kind, pattern] of STRONG) {
      const hits = found(normalised, pattern)
      if (hits.length) note(kind, hits)
    }
    const courts = found(normalised, COURT)
    if (courts.length && CASE_CONTEXT.test(normalised.replace(COURT, ''))) note('litigation', courts)
  }
  if (p >= SOFT_MIN) {
    for (const [kind, pattern] of SOFT) {
      const hits = found(normalised, pattern)
      if (hits.length) note(kind, hits)
    }
    if (!kinds.length && p >= MODEL_MIN) note('private_dispute', [])
  }
  if (!kinds.length) return null
  const ordered = INTERVENTION_KINDS.filter((k) => kinds.includes(k))
  const shown = [...new Set(words)]
  return {
    flagged: true,
    kinds: ordered,
    words: shown,
    reason: `涉及${ordered.map((k) => KIND_LABELS[k]).join('、')}${shown.length ? `（提到：${shown.slice(0, 4).join('、')}）` : ''}，人大代表不得干预`,
    guidance: `${ordered.map((k) => GUIDANCE[k]).join('；')}。${COMMON_GUIDANCE}`,
    confidence: Math.round(p * 1000) / 1000,
  }
}
