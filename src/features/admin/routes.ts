// Pages of the console subpackage. The console home lists its sections from CONSOLE_SECTIONS:
// part B (accounts and invitations, posters) appends its own entries there.
export const ADMIN_PAGES = {
  home: '/packageAdmin/pages/index/index',
  stations: '/packageAdmin/pages/stations/index',
  deputies: '/packageAdmin/pages/deputies/index',
  units: '/packageAdmin/pages/units/index',
  audit: '/packageAdmin/pages/audit/index',
  goals: '/packageAdmin/pages/goals/index',
} as const

export interface ConsoleSection {
  url: string
  title: string
  text: string
  testId: string
  /** Who sees the tile: the admin only, or staff too. */
  staff: boolean
}

export const CONSOLE_SECTIONS: ConsoleSection[] = [
  { url: ADMIN_PAGES.stations, title: '站点', text: '街道（乡镇）和家站点：新建、修改、撤并，开放时间、照片、位置', testId: 'console-stations', staff: true },
  { url: ADMIN_PAGES.deputies, title: '代表', text: '代表登记、进站（应进必进）、站长、履职承诺和联系方式', testId: 'console-deputies', staff: true },
  { url: ADMIN_PAGES.units, title: '承办单位与分办', text: '区级、街道级承办单位和分办规则（类别 → 承办单位）', testId: 'console-units', staff: false },
  { url: ADMIN_PAGES.goals, title: '年度目标', text: '年度代表工作目标及完成情况（在站点页公示）', testId: 'console-goals', staff: true },
  { url: ADMIN_PAGES.audit, title: '操作日志', text: '谁在什么时候改了什么：按对象或操作人查看', testId: 'console-audit', staff: false },
]
