// Chinese text → significant words, with @node-rs/jieba (cut for search, so a long word also yields
// its dictionary sub-words: 加装电梯 → 加装, 电梯, 加装电梯). Stop words, punctuation, numbers and
// most single characters are dropped. jieba is loaded once, on first use (~0.3 s), never at import.
import type { Jieba } from '@node-rs/jieba'
import { CATEGORY_KEYWORDS } from './categoryKeywords'

/** Multi-character terms of the domain that jieba must keep whole (real words, not phrases). */
export const DOMAIN_TERMS = [
  '加装电梯', '红绿灯', '垃圾分类', '广场舞', '医保报销', '异地就医', '医保异地备案', '高龄津贴', '居住证',
  '老旧小区', '维修基金', '专项维修资金', '物业费', '业委会', '充电桩', '飞线充电', '高空抛物', '消防通道',
  '占道经营', '噪音扰民', '油烟扰民', '夜间施工', '停车位', '停车难', '公租房', '廉租房', '课后服务', '随迁子女',
  '家庭医生', '日间照料', '老年食堂', '长者食堂', '助餐点', '适老化', '无障碍', '法律援助', '劳动仲裁',
  '拖欠工资', '招投标', '执行款', '营业执照', '灵活就业', '失业金', '公益性岗位', '低保', '残疾证', '社保卡',
  '医保卡', '养老保险', '养老金', '退休金', '减速带', '斑马线', '人行横道', '非机动车道', '公交站', '共享单车',
  '井盖', '下水道', '雨污分流', '路灯', '自来水', '水压', '天然气', '燃气', '电动车', '电瓶车', '小广告',
  '流浪猫', '流浪狗', '狗屎', '垃圾桶', '垃圾站', '建筑垃圾', '装修垃圾', '学区', '托育', '午托', '晚托',
]

/** Words that carry no topic: function words, pronouns, politeness, generic complaint verbs. */
export const STOP_WORDS = new Set([
  '的', '了', '是', '在', '有', '和', '与', '及', '或', '也', '都', '还', '就', '又', '很', '太', '更', '最', '被',
  '把', '让', '给', '对', '向', '从', '到', '为', '为了', '因为', '所以', '但是', '可是', '而且', '如果', '虽然',
  '我', '我们', '你', '你们', '他', '他们', '她', '她们', '它', '它们', '咱们', '大家', '自己', '别人', '人家',
  '这', '那', '这个', '那个', '这些', '那些', '这里', '那里', '这边', '那边', '这样', '那样', '这种', '那种',
  '什么', '怎么', '怎么办', '怎样', '如何', '为什么', '哪里', '哪儿', '哪个', '哪些', '多少', '几个', '是否',
  '能不能', '可不可以', '能否', '可以', '能', '会', '要', '想', '想问', '请问', '请', '麻烦', '谢谢', '希望',
  '建议', '反映', '问题', '情况', '现在', '已经', '一直', '经常', '总是', '还是', '就是', '不是', '没有', '没',
  '不', '不能', '不会', '不要', '一个', '一下', '一些', '一点', '一次', '有点', '有些', '非常', '特别', '比较',
  '真的', '实在', '根本', '完全', '基本', '好像', '应该', '需要', '可能', '估计', '觉得', '知道', '看看', '看到',
  '说', '说是', '听说', '问问', '一样', '时候', '时间', '天天', '每天', '每次', '多次', '好几', '好多', '很多',
  '许多', '所有', '各种', '其他', '另外', '然后', '之后', '以后', '以前', '之前', '后来', '当时', '目前', '今年',
  '去年', '明年', '最近', '上次', '这次', '那次', '一年', '半年', '几年', '两年', '一天', '上午', '下午', '晚上',
  '早上', '中午', '半夜', '夜里', '白天', '啊', '呀', '吧', '吗', '呢', '嘛', '哦', '哈', '啦', '么', '着', '过',
  '得', '地', '等', '等等', '之', '其', '该', '此', '个', '些', '上', '下', '里', '中', '内', '外', '前', '后',
  '来', '去', '做', '弄', '搞', '管', '管管', '一', '二', '两', '三', '几', '多', '少', '点', '些许', '位', '次',
  '帮忙', '帮', '代表', '相关', '部门', '有关', '领导', '政府', '社区', '居民', '群众', '老百姓', '解决', '处理',
  '关注', '重视', '落实', '尽快', '及时', '赶紧', '一定', '只能', '只有', '而', '却', '才', '再', '并', '且',
  '我家', '我要', '我想', '我们家', '一段', '段时间', '一段时间', '下来', '起来', '出来', '进来', '过来', '回来',
  '上来', '下去', '出去', '进去', '过去', '回去', '不了', '不到', '不行', '不好', '还有', '还要', '也不', '都是',
])

/** Counts and times written in Chinese numerals (十点, 两个月, 八十多): no topic in them. */
const NUMERAL_PHRASE = /^[零〇一二三四五六七八九十百千万两几半多]+[点个年月天日号次块元岁楼层周分钟小时多趟遍户间栋幢]*$/u

/** Single characters that do name a topic on their own. */
const MEANINGFUL_SINGLE = new Set(['水', '电', '气', '灯', '狗', '猫', '树', '桥', '井', '药', '蚊', '鼠', '臭', '吵', '堵', '偷', '税', '坑', '脏', '路', '车', '房', '楼'])

let instance: Jieba | null = null

/**
 * Extra whole words for jieba: the curated domain terms only. (Loading every dictionary keyword
 * would force phrase-like entries such as 灯不亮 onto the text and split 路灯不亮 as 路/灯不亮.)
 */
export function customWords(): string[] {
  return DOMAIN_TERMS.filter((w) => Array.from(w).length >= 2)
}

let preferred: Set<string> | null = null
/** Words kept first when a long text has more terms than a case stores. */
function preferredTerms(): Set<string> {
  if (!preferred) {
    preferred = new Set<string>(DOMAIN_TERMS)
    for (const table of Object.values(CATEGORY_KEYWORDS)) for (const word of Object.keys(table)) preferred.add(word)
  }
  return preferred
}

function jieba(): Jieba {
  if (instance) return instance
  // Required lazily: the native binding loads only when text is first analysed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict')
  const j = JiebaClass.withDict(dict)
  j.loadDict(Buffer.from(customWords().map((w) => `${w} 20000 n`).join('\n')))
  instance = j
  return j
}

/** Loads jieba now (e.g. at a warm-up), so the first real request does not pay for it. */
export function warmUpTokenizer(): void {
  jieba()
}

const HAN = /\p{Script=Han}/u
const ASCII_WORD = /^[a-z]{2,}$/i

function significant(token: string): boolean {
  const word = token.trim()
  if (!word || STOP_WORDS.has(word)) return false
  if (ASCII_WORD.test(word)) return word.length >= 2
  if (!HAN.test(word)) return false // punctuation, digits, symbols
  if (/\d/.test(word) || NUMERAL_PHRASE.test(word)) return false
  const length = Array.from(word).length
  if (length === 1) return MEANINGFUL_SINGLE.has(word)
  return true
}

function normalise(text: string): string {
  // Full-width letters and digits to ASCII, lower case; Chinese is left as written.
  return text.normalize('NFKC').toLowerCase()
}

/** Significant words in reading order, repeats kept (cut for search: long words and their parts). */
export function tokenize(text: string): string[] {
  if (!text) return []
  return jieba()
    .cutForSearch(normalise(text), true)
    .map((t) => t.trim())
    .filter(significant)
}

/**
 * Every word as segmented (cut for search), function words and single characters included (the
 * trained models weigh them: 怎么, 吗, 帮 say a lot about the route); punctuation, digits and
 * symbols dropped.
 */
export function wordTokens(text: string): string[] {
  if (!text) return []
  return jieba()
    .cutForSearch(normalise(text), true)
    .map((t) => t.trim())
    .filter((t) => t && (ASCII_WORD.test(t) || (HAN.test(t) && !/\d/.test(t))))
}

/** Significant words once each, in order of first appearance. */
export function distinctTokens(text: string): string[] {
  return [...new Set(tokenize(text))]
}

/**
 * The terms stored on a case for finding similar ones: distinct significant words, at most `cap`.
 * When a long text has more, domain terms and longer words are kept first.
 */
export function termsOf(text: string, cap = 40): string[] {
  const tokens = distinctTokens(text)
  if (tokens.length <= cap) return tokens
  const domain = preferredTerms()
  const ranked = tokens
    .map((t, i) => ({ t, i, rank: (domain.has(t) ? 10 : 0) + Math.min(Array.from(t).length, 4) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .slice(0, cap)
    .sort((a, b) => a.i - b.i)
  return ranked.map((x) => x.t)
}
