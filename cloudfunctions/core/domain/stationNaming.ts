// 家站点规范名称 (the naming rule published with 绵阳市's standardisation of deputy liaison places,
// 人大代表之家/站 规范化建设): a place is named after where it is, by kind, never after a person.
//   代表之家   "<市><区><街道/乡镇>人大代表之家"          e.g. 临江市滨湖区湖滨街道人大代表之家
//   联络站     "<…街道/乡镇><社区/村>人大代表联络站"      e.g. 临江市滨湖区湖滨街道翠苑社区人大代表联络站
//   代表小组   "<…街道/乡镇><社区/村>人大代表小组"
// Refused, with the reason: the non-standard names 人大代表工作室 / 联络点 / 活动中心, a deputy's
// personal name, the wrong ending for the kind, and a name that does not carry its 街道/乡镇's name.
import { STATION_KIND_LABELS, type StationKind } from '@minyi/types'

export const STATION_NAME_SUFFIX: Record<StationKind, string> = {
  home: '人大代表之家',
  station: '人大代表联络站',
  group: '人大代表小组',
}

/** Names the rule does not allow, with why. */
const NON_STANDARD: Array<[word: string, why: string]> = [
  ['工作室', '“人大代表工作室”不是规范名称'],
  ['联络点', '“联络点”不是规范名称'],
  ['活动中心', '“活动中心”不是规范名称'],
]

export interface NamingContext {
  kind: StationKind
  /** The 街道/乡镇 (or district) the station belongs to, e.g. "湖滨街道". */
  regionName: string
  /** Names of the deputies enrolled in the district: a station is not named after one. */
  deputyNames: string[]
}

/** `null` when the name follows the rule, else the refusal in Chinese saying why. */
export function stationNameProblem(rawName: string, ctx: NamingContext): string | null {
  const name = rawName.trim()
  const suffix = STATION_NAME_SUFFIX[ctx.kind]
  const rule = `按规范名称，${STATION_KIND_LABELS[ctx.kind]}应命名为“所在地名称＋${suffix}”，如“${ctx.regionName}${ctx.kind === 'home' ? '' : '××社区'}${suffix}”`
  for (const [word, why] of NON_STANDARD) {
    if (name.includes(word)) return `名称中含有“${word}”：${why}。${rule}`
  }
  const person = ctx.deputyNames.find((n) => n.length >= 2 && name.includes(n))
  if (person) return `名称中含有代表个人姓名“${person}”：家站点不能以代表个人命名。${rule}`
  if (!name.endsWith(suffix)) return `名称应以“${suffix}”结尾。${rule}`
  if (name.length <= suffix.length) return `名称缺少所在地名称。${rule}`
  if (ctx.regionName && !name.includes(ctx.regionName)) return `名称应冠以所在街道（乡镇）名称“${ctx.regionName}”。${rule}`
  return null
}

/** 街道 / 乡镇 names: the place name and its kind. */
export function regionNameProblem(rawName: string): string | null {
  const name = rawName.trim()
  if (!/(街道|镇|乡)$/.test(name)) return '街道（乡镇）名称应以“街道”“镇”或“乡”结尾，如“湖滨街道”“青山镇”'
  if (name.length < 3) return '请填写完整的街道（乡镇）名称，如“湖滨街道”'
  return null
}

/** The default organ of a new 街道/乡镇: a street's 人大工委 under the district, a town's 人大主席团. */
export function defaultOfficeName(districtName: string, regionName: string): string {
  return regionName.endsWith('街道') ? `${districtName}人大常委会${regionName}工作委员会` : `${regionName}人民代表大会主席团`
}
