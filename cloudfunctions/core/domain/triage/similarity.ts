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
const PLACE = new RegExp(`([\\p{Script=Han}A-Za-z0-9]{1,6}?)(${PLACE_SUFFIX})`, 'gu')
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

export interface PreparedQuery {
  terms: string[]
  weights: Map<string, number>
  /** What the query scores against itself. */
  self: number
  /** The query's terms that belong to a place name. */
  placeTerms: Set<string>
  /** What the problem terms and the place terms score against themselves. */
  selfProblem: number
  selfPlace: number
}

/** `placeText`: the text the terms came from (content and place), to find its place names; `null`: one field, as before. */
export function prepareQuery(terms: string[], stats: TermStatsView, placeText: string | null = ''): PreparedQuery {
  const distinct = [...new Set(terms)]
  const weights = new Map(distinct.map((t) => [t, idf(stats, t)]))
  const factor = lengthFactor(stats, distinct.length)
  const names = placeText ? placeNames(placeText) : []
  const placeTerms = placeText !== null ? placeTermsOf(distinct, names) : new Set<string>()
  let self = 0
  let selfPlace = 0
  for (const [t, w] of weights) {
    self += w * factor
    if (placeTerms.has(t)) selfPlace += w * factor
  }
  return { terms: distinct, weights, self, placeTerms, selfProblem: self - selfPlace, selfPlace }
}

export interface Scored {
  score: number
  shared: string[]
}

/** A shared word counts for the place when it belongs to the query's place (its names, or a kind of place). */
export function scoreTerms(query: PreparedQuery, docTerms: readonly string[] | undefined, stats: TermStatsView): Scored {
  if (!docTerms?.length || query.self <= 0) return { score: 0, shared: [] }
  const factor = lengthFactor(stats, docTerms.length)
  let problem = 0
  let place = 0
  const shared: string[] = []
  for (const term of docTerms) {
    const w = query.weights.get(term)
    if (w === undefined) continue
    if (query.placeTerms.has(term)) place += w * factor
    else problem += w * factor
    shared.push(term)
  }
  const score = scoreOf(query, problem, place)
  shared.sort((a, b) => (query.weights.get(b) ?? 0) - (query.weights.get(a) ?? 0))
  return { score: Math.round(score * 1000) / 1000, shared }
}

function scoreOf(query: PreparedQuery, problem: number, place: number): number {
  if (!query.placeTerms.size) return Math.min(1, (problem + place) / query.self)
  const problemShare = query.selfProblem > 0 ? Math.min(1, problem / query.selfProblem) : 0
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
  const known = query.terms
    .map((t) => ({ t, df: stats.df.get(t) ?? 0 }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df || (query.weights.get(b.t) ?? 0) - (query.weights.get(a.t) ?? 0))
  const picked: string[] = []
  let pulled = 0
  for (const { t, df } of known) {
    if (picked.length >= maxTerms) break
    if (picked.length > 0 && pulled + df > budget) break
    picked.push(t)
    pulled += df
  }
  // Rare place names alone would find only that place's cases: the problem must be looked up too.
  if (query.placeTerms.size && picked.every((t) => query.placeTerms.has(t))) {
    const problem = known.find((x) => !query.placeTerms.has(x.t))
    if (problem) picked.push(problem.t)
  }
  return picked
}
