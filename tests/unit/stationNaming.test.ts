// The naming rule for stations (家站点规范名称) and 街道/乡镇 names, as a pure function.
import { defaultOfficeName, regionNameProblem, stationNameProblem } from '../../cloudfunctions/core/domain/stationNaming'

const ctx = (kind: 'home' | 'station' | 'group') => ({ kind, regionName: '湖滨街道', deputyNames: ['王建国', '李秀梅'] })

describe('stationNameProblem', () => {
  it.each([
    ['临江市滨湖区湖滨街道人大代表之家', 'home'],
    ['临江市滨湖区湖滨街道翠苑社区人大代表联络站', 'station'],
    ['湖滨街道柳岸村人大代表小组', 'group'],
  ] as const)('accepts the standard name %s', (name, kind) => {
    expect(stationNameProblem(name, ctx(kind))).toBeNull()
  })

  it.each([
    ['湖滨街道人大代表工作室', 'home', /含有“工作室”：“人大代表工作室”不是规范名称/],
    ['湖滨街道翠苑社区代表联络点', 'station', /含有“联络点”/],
    ['湖滨街道代表活动中心', 'home', /含有“活动中心”/],
    ['湖滨街道王建国人大代表联络站', 'station', /代表个人姓名“王建国”：家站点不能以代表个人命名/],
    ['湖滨街道翠苑社区人大代表之家', 'station', /应以“人大代表联络站”结尾/],
    ['湖滨街道代表之家', 'home', /应以“人大代表之家”结尾/],
    ['人大代表之家', 'home', /缺少所在地名称/],
    ['湖西街道翠苑社区人大代表联络站', 'station', /应冠以所在街道（乡镇）名称“湖滨街道”/],
  ] as const)('refuses %s, saying why', (name, kind, why) => {
    const problem = stationNameProblem(name, ctx(kind))
    expect(problem).toMatch(why)
    // ...and how it should read.
    expect(problem).toContain('按规范名称')
  })

  it('街道/乡镇 names end in 街道, 镇 or 乡; the organ follows the kind', () => {
    expect(regionNameProblem('湖滨街道')).toBeNull()
    expect(regionNameProblem('青山镇')).toBeNull()
    expect(regionNameProblem('湖滨社区')).toMatch(/应以“街道”“镇”或“乡”结尾/)
    expect(defaultOfficeName('滨湖区', '湖东街道')).toBe('滨湖区人大常委会湖东街道工作委员会')
    expect(defaultOfficeName('滨湖区', '青山镇')).toBe('青山镇人民代表大会主席团')
  })
})
