// Similarity between opinions on their stored terms (distinct significant words): a BM25 weight per
// shared word (rarer words count more, long texts count each word less), divided by what the query
// would score against itself, so 1 means "says the same" and 0 "shares nothing".
//
// The problem and the place are scored apart: words that belong to a place name (望湖路, 阳光花园,
// 清河小学) form the place field, the others the problem field, and the score is mostly the
// problem's (PROBLEM_WEIGHT). A place name is rare, so on one BM25 over all words it outweighed
// everything else, and two different problems at one place looked alike while one problem told
// twice in other words did not.
export interface TermStatsView {
  /** Cases counted. */
  total: number
  /** Average number of terms per case. */
  avgTerms: number
  /** Cases holding each term (missing = 0). */
  df: Map<string, number>
}

const K1 = 1.2
const B = 0.75

/**
 * As if this many more cases, holding none of the words, had been counted: while few cases are
 * stored, a word two of three cases share would otherwise weigh almost nothing. Negligible once
 * thousands are stored.
 */
const BACKGROUND_CASES = 100

export function idf(stats: TermStatsView, term: string): number {
  const n = Math.max(stats.total, 0)
  const df = Math.min(stats.df.get(term) ?? 0, n)
  return Math.log(1 + (n + BACKGROUND_CASES - df + 0.5) / (df + 0.5))
}

function lengthFactor(stats: TermStatsView, length: number): number {
  const avg = stats.avgTerms > 0 ? stats.avgTerms : Math.max(length, 1)
  return (K1 + 1) / (1 + K1 * (1 - B + (B * length) / avg))
}

/** Share of the score that is the problem's when the query names a place (the rest is the place's). */
export const PROBLEM_WEIGHT = 0.85

const PLACE_SUFFIX =
  '农贸市场|菜市场|卫生服务中心|保健院|幼儿园|小学|中学|医院|市场|菜场|公园|广场|花园|家园|新村|公寓|小区|大道|大街|大桥|隧道|路口|号楼|路|街|巷|弄|桥|村|屯|镇|乡|苑|园|城|湾|河|站|栋|幢'
// A name is letters or digits (22路, 5号楼), or at least two characters (滨河路: not 滨 + 河).
const PLACE = new RegExp(`([A-Za-z0-9]{1,4}|[\\p{Script=Han}A-Za-z0-9]{2,6}?)(${PLACE_SUFFIX})`, 'gu')
/** Schools by number: 二中, 三小, 十五中. */
const SCHOOL_BY_NUMBER = /(?:[一二三四五六七八九十]{1,3}|\d{1,3})[中小](?![学心区型时])/gu
/** Leading words that are not part of a name (和建设路 → 建设路). */
const LEADING = /^(和|与|跟|在|到|从|的|是|及|去|住|对|往|近|靠|边|里)+/u
/** What comes before a suffix without naming a place: 马路, 公交站, 我们小区, 这条路. */
const GENERIC = new Set([
  '马', '过马', '道', '水', '公', '铁', '线', '网', '山', '公交', '地铁', '车', '汽车', '火车', '高铁', '客运', '加油', '充电', '垃圾',
  '社区', '我们', '咱们', '俺们', '阿拉', '这条', '那条', '这个', '那个', '门口', '旁边', '附近', '隔壁', '对面', '小', '老', '新', '城中',
  '菜', '农贸', '大', '本', '全', '各', '每个', '整个', '一个', '这', '那', '哪', '市', '县', '区', '省', '乡', '镇', '村', '城', '公共',
  '停车', '中转', '服务', '回收', '废品', '收购', '派出', '卫生', '养老', '托老', '敬老', '高', '初', '私立', '公办', '民办', '一条', '两条',
  '十字', '幼儿', '修', '走', '过', '上', '下', '出', '进', '回', '绕', '主干', '人行', '天', '地下', '过街', '断头', '单行', '行', '步行', '商业', '马路',
])

/** Characters no place name holds (function words, verbs of complaint): a name starts after the last one. */
const NOT_IN_NAME = /[的了着过在把被让给从到与跟是有没不很太都也就还又要会能可这那哪我你他她它们么吗呢吧啊呀个些条段座台张里下后边头面去来走跑掉关坏住看买卖说找拉推坐骑停堵挖装拆倒扔叫吵臭脏乱满空少好最更谢问请帮想上，。、！？!?,\s]/gu

const GENERIC_LONG = [...GENERIC].filter((g) => g.length >= 2)

/** Place names in a text: a name and a place suffix (望湖路, 阳光花园, 清河小学, 紫薇苑), generic ones left out. */
export function placeNames(text: string): string[] {
  const names: string[] = []
  for (const m of text.normalize('NFKC').matchAll(PLACE)) {
    const parts = m[1].split(NOT_IN_NAME)
    const last = parts[parts.length - 1]
    const stripped = last.replace(LEADING, '')
    const name = Array.from(stripped).length >= 2 ? stripped : last
    if (Array.from(name).length < 2 && !/[a-z0-9]/i.test(name)) continue
    if (/^[一二三四五六七八九十几两百]+[盏个条座家栋幢层号]?$/u.test(name)) continue
    if (GENERIC.has(name) || GENERIC_LONG.some((g) => name.length === g.length + 1 && name.endsWith(g))) continue
    names.push(name + m[2])
  }
  for (const m of text.normalize('NFKC').matchAll(SCHOOL_BY_NUMBER)) names.push(m[0])
  return [...new Set(names)]
}

/**
 * Words that say where, not what: kinds of place and facility (路口, 菜市场, 小学, 隧道, 服务中心).
 * Two different problems at one place share them as much as the place's name.
 */
export const PLACE_WORDS = new Set([
  '路', '路口', '路上', '路边', '路段', '十字路口', '交叉口', '门口', '大门', '后门', '旁边', '附近', '对面', '楼下', '楼上', '隔壁',
  '小区', '社区', '单元', '楼道', '街', '街道', '巷', '巷子', '桥', '大桥', '桥上', '桥下', '桥面', '天桥', '高架', '隧道', '立交',
  '市场', '菜市', '菜市场', '菜场', '农贸', '农贸市场', '公园', '广场', '小学', '中学', '学校', '幼儿园', '幼儿', '医院', '卫生',
  '社区卫生', '服务', '中心', '服务中心', '卫生服务中心', '保健', '保健院', '妇幼', '村', '村口', '村里', '镇上', '河边', '湖边',
  '车站', '地铁站', '地铁口', '站台', '商场', '食堂', '老年食堂', '日间照料', '照料', '照料中心', '驿站', '夜市', '东门', '南门', '西门', '北门',
])

/** A term is part of the place when a place name of the text holds it (建设 in 建设路), or it names a kind of place. */
export function placeTermsOf(terms: readonly string[], names: readonly string[]): Set<string> {
  return new Set(terms.filter((t) => PLACE_WORDS.has(t) || names.some((n) => n.includes(t))))
}

/**
 * Words residents use for one problem, scored as one word (路灯不亮 / 灯坏了 / 黑灯瞎火; 公厕 / 厕所;
 * 工资 / 工钱). Written from the domain (how residents name a problem), not from the labelled pairs;
 * only problem words: a place word never joins a group. Applied when scoring, so stored terms and
 * term statistics are unchanged.
 */
export const SYNONYM_GROUPS: readonly string[][] = [
  ['厕所', '公厕', '公共厕所', '卫生间', '茅房', '茅厕'],
  ['不亮', '灯坏', '灯不亮', '黑漆漆', '黑灯瞎火', '摸黑', '黑黢黢', '黑乎乎', '没灯'],
  ['路灯', '灯', '灯泡', '声控灯'],
  ['工资', '工钱', '薪水', '欠薪', '薪资', '血汗钱', '拖欠工资'],
  ['拖欠', '欠着', '不给钱', '不发'],
  ['污水', '废水', '脏水', '臭水', '排污', '污水管'],
  ['树', '树木', '行道树', '樟树', '大树', '梧桐', '树枝'],
  ['垃圾', '垃圾桶', '垃圾箱', '垃圾池', '垃圾站', '垃圾房', '垃圾堆'],
  ['噪音', '噪声', '太吵', '吵', '吵闹', '吵得', '扰民', '噪音扰民', '低音炮', '音响', '音乐'],
  ['酒吧', 'ktv', '歌厅', '夜店', '卡拉ok'],
  ['公交', '公交车', '路车', '班车', '巴士'],
  ['班次', '等车', '不来', '半天不来'],
  ['井盖', '窨井', '窨井盖', '下水井'],
  ['乱停', '违停', '乱停车', '乱停乱放', '占道停车'],
  ['漏水', '渗水', '滴水', '漏雨'],
  ['红绿灯', '信号灯', '绿灯', '红灯', '变灯'],
  ['助餐点', '餐点', '助餐', '送餐'],
  ['吃饭', '没饭', '没饭吃', '吃不上饭', '做饭'],
  ['停办', '关了', '关门', '停了', '不开门', '关着', '倒闭', '跑路'],
  ['监控', '摄像头', '探头'],
  ['电动车', '电瓶车', '电单车'],
  ['油烟', '烟味', '油烟味'],
  ['积水', '淹', '内涝', '倒灌', '水淹'],
  ['堵车', '拥堵', '堵', '堵得', '车堵'],
  ['坑', '坑洼', '塌', '塌陷', '路面', '裂缝'],
  ['臭', '臭味', '异味', '发臭', '恶臭', '臭死', '味道'],
  ['健身房', '游泳馆', '理发店', '培训班', '年卡', '办卡', '充值', '预付卡'],
  ['养老', '养老服务', '托老'],
]
const CANONICAL = new Map<string, string>()
for (const group of SYNONYM_GROUPS) for (const word of group) if (!CANONICAL.has(word) && !PLACE_WORDS.has(word)) CANONICAL.set(word, group[0])
/** The word a synonym group is scored under (the word itself when it is in no group). */
export function canonicalTerm(term: string): string {
  return CANONICAL.get(term) ?? term
}
const GROUP_OF = new Map<string, readonly string[]>()
for (const group of SYNONYM_GROUPS) GROUP_OF.set(group[0], group)

/**
 * Weight of the category when the query's category probabilities and the stored case's category are
 * known: the score is (1 − w) × the words' score + w × the query's probability of the case's category,
 * the latter only in proportion to the problem words shared (up to CATEGORY_GATE), so a case of the
 * same category that shares no problem word does not look similar. Chosen on the tuning half of the
 * labelled pairs.
 */
/**
 * Words that say little about the problem (有人, 没人管, 下面, 那家, 好几块): a tenth of their weight,
 * so two different problems at one place do not look alike through them.
 */
export const VAGUE_WORDS = new Set([
  '有人', '没人', '没人管', '没人修', '没人理', '没人清', '有个', '那家', '这家', '一家', '那座', '这座', '一条', '那条', '这条',
  '下面', '上面', '里面', '外面', '后面', '前面', '路上', '路边', '旁边', '好久', '好久没', '好几块', '几件', '好几件', '好几个',
  '老是', '每次', '到处', '还在', '一直', '改成', '直接', '天天', '每天晚上', '晚上', '半个月', '一个月', '几天', '好几天',
])
const VAGUE_FACTOR = 0.1

export const CATEGORY_WEIGHT = 0.3
export const CATEGORY_GATE = 0.25

/**
 * Share of the problem's score that comes from the characters of the problem words rather than the
 * words: residents name one problem with different words that share characters (井盖 / 下水道盖子,
 * 顶棚 / 遮雨棚, 坑坑洼洼 / 坑), which no word list can foresee. Characters are weighed by how rare they
 * are in the labelled corpus (models/chars.json, written by npm run train); the place's characters
 * never count, so two problems at one place do not meet through 望湖路's 湖.
 */
export const CHAR_WEIGHT = 0.4

interface CharTable {
  /** Weight of a character not in the table (rarer than any counted). */
  unseen: number
  weights: Record<string, number>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CHARS: CharTable = require('./models/chars.json')

const HAN_CHAR = /\p{Script=Han}/u

/**
 * Characters found in more texts than this inverse document frequency says (太, 不, 没, 有, 人: about
 * one text in five) say nothing of the problem: a character weighs what its rarity exceeds this floor by.
 */
export const CHAR_FLOOR = 1.5

/** How much a shared character says (its inverse document frequency in the labelled corpus, above CHAR_FLOOR). */
export function charWeight(char: string): number {
  return Math.max(0, (CHARS.weights[char] ?? CHARS.unseen) - CHAR_FLOOR)
}

/** Characters of the problem words with their weights (the strongest word a character is in decides its vagueness). */
function problemChars(terms: Iterable<string>, skipTerm: (t: string) => boolean, skipChars: ReadonlySet<string>): Map<string, number> {
  const chars = new Map<string, number>()
  for (const term of terms) {
    if (skipTerm(term)) continue
    const factor = VAGUE_WORDS.has(term) ? VAGUE_FACTOR : 1
    for (const c of term) {
      if (!HAN_CHAR.test(c) || skipChars.has(c)) continue
      chars.set(c, Math.max(chars.get(c) ?? 0, charWeight(c) * factor))
    }
  }
  return chars
}

export interface PreparedQuery {
  terms: string[]
  /** Canonical term (canonicalTerm) → its weight. */
  weights: Map<string, number>
  /** The query's category probabilities (from the category model), when known. */
  categories?: ReadonlyMap<string, number>
  /** What the query scores against itself. */
  self: number
  /** The query's terms that belong to a place name. */
  placeTerms: Set<string>
  /** The same, as canonical terms (the keys of `weights`). */
  placeKeys: Set<string>
  /** What the problem terms and the place terms score against themselves. */
  selfProblem: number
  selfPlace: number
  /** Characters of the problem words → weight (empty when scoring one field); and characters of the place. */
  chars: Map<string, number>
  placeChars: Set<string>
  selfChars: number
}

/** `placeText`: the text the terms came from (content and place), to find its place names; `null`: one field, as before. */
export function prepareQuery(
  terms: string[],
  stats: TermStatsView,
  placeText: string | null = '',
  categories?: ReadonlyMap<string, number>,
): PreparedQuery {
  const distinct = [...new Set(terms)]
  // Synonyms are one word, weighed as the rarest of those the query uses.
  const weights = new Map<string, number>()
  for (const t of distinct) {
    const c = canonicalTerm(t)
    weights.set(c, Math.max(weights.get(c) ?? 0, idf(stats, t) * (VAGUE_WORDS.has(t) ? VAGUE_FACTOR : 1)))
  }
  const factor = lengthFactor(stats, distinct.length)
  const names = placeText ? placeNames(placeText) : []
  const placeTerms = placeText !== null ? placeTermsOf(distinct, names) : new Set<string>()
  const placeKeys = new Set([...placeTerms].map(canonicalTerm))
  let self = 0
  let selfPlace = 0
  for (const [t, w] of weights) {
    self += w * factor
    if (placeKeys.has(t)) selfPlace += w * factor
  }
  const placeChars = new Set([...names, ...placeTerms].flatMap((t) => Array.from(t)))
  const chars = placeText !== null ? problemChars(distinct, (t) => placeTerms.has(t), placeChars) : new Map<string, number>()
  let selfChars = 0
  for (const w of chars.values()) selfChars += w
  return { terms: distinct, weights, self, placeTerms, placeKeys, selfProblem: self - selfPlace, selfPlace, categories, chars, placeChars, selfChars }
}

/** Share of the query's problem characters (by weight) that the document's problem words hold too. */
function charShare(query: PreparedQuery, docTerms: readonly string[]): number {
  if (query.selfChars <= 0) return 0
  const doc = problemChars(docTerms, (t) => PLACE_WORDS.has(t), query.placeChars)
  let shared = 0
  for (const [c, w] of query.chars) if (doc.has(c)) shared += w
  return Math.min(1, shared / query.selfChars)
}

export interface Scored {
  score: number
  shared: string[]
}

/** A shared word counts for the place when it belongs to the query's place (its names, or a kind of place). */
/**
 * `docCategory`: the stored case's category; with the query's `categories` it adds the category's
 * share of the score (CATEGORY_WEIGHT).
 */
export function scoreTerms(query: PreparedQuery, docTerms: readonly string[] | undefined, stats: TermStatsView, docCategory?: string): Scored {
  if (!docTerms?.length || query.self <= 0) return { score: 0, shared: [] }
  const factor = lengthFactor(stats, docTerms.length)
  let problem = 0
  let place = 0
  // Canonical term → the document's word shown for it (the longest of its synonyms present).
  const sharedBy = new Map<string, string>()
  for (const term of docTerms) {
    const c = CANONICAL.get(term) ?? term
    const w = query.weights.get(c)
    if (w === undefined) continue
    const before = sharedBy.get(c)
    if (before !== undefined) {
      if (term.length > before.length) sharedBy.set(c, term)
      continue
    }
    sharedBy.set(c, term)
    if (query.placeKeys.has(c)) place += w * factor
    else problem += w * factor
  }
  const shared = [...sharedBy.values()]
  const wordShare = query.selfProblem > 0 ? Math.min(1, problem / query.selfProblem) : 0
  const problemShare = query.selfChars > 0 ? (1 - CHAR_WEIGHT) * wordShare + CHAR_WEIGHT * charShare(query, docTerms) : wordShare
  let score = scoreOf(query, problemShare, place)
  if (query.categories && docCategory !== undefined) {
    const gate = Math.min(1, problemShare / CATEGORY_GATE)
    score = (1 - CATEGORY_WEIGHT) * score + CATEGORY_WEIGHT * (query.categories.get(docCategory) ?? 0) * gate
  }
  shared.sort((a, b) => (query.weights.get(canonicalTerm(b)) ?? 0) - (query.weights.get(canonicalTerm(a)) ?? 0))
  return { score: Math.round(score * 1000) / 1000, shared }
}

/** `problemShare`: the problem words' and characters' share; without a place it is the whole score. */
function scoreOf(query: PreparedQuery, problemShare: number, place: number): number {
  if (!query.placeTerms.size) return problemShare
  const placeShare = query.selfPlace > 0 ? Math.min(1, place / query.selfPlace) : 0
  if (query.selfProblem <= 0) return placeShare
  return PROBLEM_WEIGHT * problemShare + (1 - PROBLEM_WEIGHT) * placeShare
}

/**
 * The query words to look candidates up by: the rarest ones first, as many as fit in `budget`
 * (the number of stored cases they may pull in), at most `maxTerms`, and always at least the
 * rarest one that occurs at all. Words no case holds are skipped (they can match nothing).
 */
export function retrievalTerms(query: PreparedQuery, stats: TermStatsView, budget = 4000, maxTerms = 8): string[] {
  const weightOf = (t: string) => query.weights.get(canonicalTerm(t)) ?? 0
  const known = query.terms
    .map((t) => ({ t, df: stats.df.get(t) ?? 0 }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df || weightOf(b.t) - weightOf(a.t))
  const picked: string[] = []
  let pulled = 0
  for (const { t, df } of known) {
    if (picked.length >= maxTerms) break
    if (picked.length > 0 && pulled + df > budget) break
    picked.push(t)
    pulled += df
  }
  // Synonyms of the problem words picked find the cases that name the problem otherwise (公厕 /
  // 厕所): the rarest first, pulling in at most a quarter more cases (the lookup stays as fast).
  const own = new Set(query.terms)
  const synonyms = [...new Set(picked.filter((t) => !query.placeTerms.has(t)).flatMap((t) => GROUP_OF.get(canonicalTerm(t)) ?? []))]
    .filter((t) => !own.has(t))
    .map((t) => ({ t, df: stats.df.get(t) ?? 0 }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df || (a.t < b.t ? -1 : 1))
  let extra = 0
  for (const { t, df } of synonyms) {
    if (extra + df > pulled / 4) break
    picked.push(t)
    extra += df
  }
  // Rare place names alone would find only that place's cases: the problem must be looked up too.
  if (query.placeTerms.size && picked.every((t) => query.placeTerms.has(t))) {
    const problem = known.find((x) => !query.placeTerms.has(x.t))
    if (problem) picked.push(problem.t)
  }
  return picked
}
