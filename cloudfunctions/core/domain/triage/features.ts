// What the trained triage models see of a text: its jieba words (w:), its character bigrams (c:,
// robust to typos and to words jieba splits differently), how strongly each category's domain
// vocabulary is present (k:, from categoryKeywords.ts: a prior the model learns to weigh), and cues a
// dictionary cannot see (q: questions, p: policy-level or widespread asks, d: matters deputies do
// not take up, t: thanks). Each feature keeps the words of the text it came from, so a suggestion
// can say "因为提到：…". Pure (jieba is loaded once).
import { CATEGORIES } from '@minyi/types'
import { CATEGORY_KEYWORDS } from './categoryKeywords'
import { matchedKeywords } from './keywordMatch'
import { procedureCues } from './procedureCues'
import { tokenize, wordTokens } from './tokenizer'

export interface Features {
  /** Feature → value (counts for words and bigrams, 1 for cues, a capped weight for k:). */
  values: Map<string, number>
  /** Feature → the words of the text it stands for (what a reason may quote). */
  shown: Map<string, string>
}

interface Cue {
  name: string
  pattern: RegExp
}

/** Cues of the route: the question forms, policy-level or widespread asks, private matters. */
export const CUES: Cue[] = [
  // A question: how / whether / where / who to turn to.
  { name: 'q:how', pattern: /(怎么|怎样|如何|咋)(办理?|申请|弄|查|交|缴|领|报|补|算|用|处理|投诉|参加|报名|联系|换|退|续|办呢|起诉|追回|注销|考)/ },
  { name: 'q:where', pattern: /(去|在|到)?(哪里|哪儿|哪个部门|哪个窗口|哪个医院|哪个法院|哪|何处)(办|申请|领|交|查|换|报名|打|看|投诉|能|可以|有)?|找谁|打哪个电话|什么电话|电话是多少/ },
  { name: 'q:whether', pattern: /(能不能|可不可以|能否|是否|可以|能)[^，。！？!?,]{0,14}(吗|么|呢|？|\?)|(有没有|是不是|算不算|合不合|要不要|需不需要|用不用)[^，。！？!?,]{0,14}|合法吗|合理吗|有效吗|正常吗|还能[^，。！？!?]{0,10}吗/ },
  { name: 'q:what', pattern: /(什么|哪些|啥|多少|几)(材料|手续|条件|标准|流程|时候|资质|证|钱|号|点|岁|年|天|次)|多少钱|多久|什么时候|几点|几号/ },
  { name: 'q:ask', pattern: /请问|想问|问一下|问下|问问|咨询|想了解|想知道|了解一下|打听|不知道(该|能|可以|要|怎么|是不是)/ },
  { name: 'q:mark', pattern: /[?？]|[吗呢么][。！!~～]*$/ },
  { name: 'q:progress', pattern: /进展|进度|有结果了吗|到底什么时候|现在怎么样了|有没有人管了/ },
  // A policy-level ask, or a problem stated as common to many places.
  { name: 'p:policy', pattern: /(建议|希望|呼吁|请求)[^，。！？]{0,12}(出台|制定|立法|修订|修改|统一|推行|推广|普及|建立|完善|提高|加大|放开|取消|纳入|列入|简化|规范|延长|扩大|调整|明确|强制|实行)/ },
  { name: 'p:rule', pattern: /政策|制度|标准|立法|法规|条例|管理办法|机制|目录|规定|考核|普惠|试点/ },
  { name: 'p:wide', pattern: /全市|全区|全县|全省|全国|各个|各地|各区|各街道|好多(小区|地方|社区|学校|街道|医院)|很多(小区|地方|社区|学校|城市|家庭|人)|每个(小区|社区|学校|街道|村|医院|路口)|到处|普遍|不光|不只|不止|不仅是?我们|都这样|都是这样|都一样|一刀切|满大街|越来越多|大家都/ },
  // Matters deputies do not take up: cases, private disputes, favours, other people's information.
  { name: 'd:court', pattern: /官司|起诉|上诉|再审|开庭|判决|判了|判我|改判|翻案|二审|一审|执行局|强制执行|终本|立案|仲裁|投标|招标|中标|竞标|评标|废标|开标|落标|标书|底价|评委/ },
  { name: 'd:lend', pattern: /借给|借了(我|我家|我们)|借(我|我家)的|借条|欠条|欠我|欠了我|还钱|不还|要回|讨回|借钱|借款|赌债|货款|分红|合伙|股东/ },
  { name: 'd:family', pattern: /离婚|前夫|前妻|抚养费|彩礼|遗产|遗嘱|继承|分家|家产|继母|继父|后妈|婆家|娘家|小叔子|兄妹|兄弟|姐夫|表哥|表弟|表姐|侄子|二叔|姑姑|老丈人|赡养|两口子|分手/ },
  { name: 'd:favour', pattern: /说情|说个情|求情|打招呼|打个招呼|走后门|走个后门|托关系|找关系|通融|插队|递个话|说说话|帮忙推荐|推荐推荐|安排(个|一下)?(工作|岗位|临时工)|认识(的)?(校长|法官|领导|所长|主任|评委|考官|医生)|熟人|撑腰|盯着点|施压|施加(点)?压力|加快点|消分|把分消|少赔/ },
  { name: 'd:lookup', pattern: /查(一下|一查|查)?(他|她|某某|别人|这个人|那个人|对方|前妻|前夫|老公|邻居)[^，。！？]{0,10}(住址|地址|电话|手机|号码|住在|在哪|信息|记录|工资|病)|查(出|到)?他是谁|查出他|他现在在哪|住在哪里/ },
  { name: 'd:event', pattern: /婚礼|证婚|喜宴|寿宴|大寿|剪彩|开业庆典|站台|吃个饭|来家里|推荐信/ },
  { name: 'd:judge', pattern: /主持公道|评评理|评理|做主|做个主|出面|做做(思想)?工作|说道说道|调停|给(我们)?调解|算账|做个证/ },
  { name: 'd:deputy', pattern: /代表(能不能|可不可以|帮|出面|去|给|跟|你们|认识|说句话)|请代表|让代表|找代表/ },
  // Neighbour nuisances are a 物业 / 城管 matter, not a private dispute: the model learns both.
  { name: 'n:nuisance', pattern: /噪音|吵|扰民|堆|占用|充电|漏水|渗水|油烟|臭|养狗|狗叫|空调外机|装修/ },
  // Thanks and praise.
  { name: 't:thanks', pattern: /谢谢|感谢|点赞|点个赞|表扬|辛苦了|锦旗|给力|效率(真|很)?高/ },
]

const HAN_RUN = /\p{Script=Han}+/gu
const KEYWORD_CAP = 6

export function extractFeatures(text: string): Features {
  const values = new Map<string, number>()
  const shown = new Map<string, string>()
  const add = (name: string, value: number, show?: string) => {
    values.set(name, (values.get(name) ?? 0) + value)
    if (show && !shown.has(name)) shown.set(name, show)
  }
  const normalised = text.normalize('NFKC').toLowerCase()
  for (const word of wordTokens(normalised)) add(`w:${word}`, 1, word)
  for (const run of normalised.match(HAN_RUN) ?? []) {
    const chars = Array.from(run)
    for (let i = 0; i + 1 < chars.length; i += 1) add(`c:${chars[i]}${chars[i + 1]}`, 1)
  }
  const significant = tokenize(normalised)
  const found = matchedKeywords(significant, CATEGORY_KEYWORDS, normalised)
  for (const category of CATEGORIES) {
    const table = CATEGORY_KEYWORDS[category]
    const hits = found.filter((w) => (table[w] ?? 0) > 0).sort((a, b) => table[b] - table[a])
    if (!hits.length) continue
    const weight = hits.reduce((s, w) => s + table[w], 0)
    add(`k:${category}`, Math.min(weight, KEYWORD_CAP) / 3, hits.slice(0, 3).join('、'))
  }
  for (const cue of CUES) {
    const m = normalised.match(cue.pattern)
    if (m) add(cue.name, 1, m[0].replace(/[?？。！!]+$/, '') || undefined)
  }
  const procedure = procedureCues(normalised)
  if (procedure.length) add('q:procedure', 1, procedure[0])
  const length = Array.from(normalised.replace(/\s+/g, '')).length
  add(length <= 12 ? 'len:short' : length <= 40 ? 'len:medium' : 'len:long', 1)
  return { values, shown }
}
