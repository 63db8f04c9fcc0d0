// Pages of the console subpackage. The console home lists its sections from CONSOLE_SECTIONS.
export const ADMIN_PAGES = {
  home: '/packageAdmin/pages/index/index',
  stations: '/packageAdmin/pages/stations/index',
  deputies: '/packageAdmin/pages/deputies/index',
  units: '/packageAdmin/pages/units/index',
  audit: '/packageAdmin/pages/audit/index',
  goals: '/packageAdmin/pages/goals/index',
  accounts: '/packageAdmin/pages/accounts/index',
  posters: '/packageAdmin/pages/posters/index',
  apiKeys: '/packageAdmin/pages/api-keys/index',
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
  { url: ADMIN_PAGES.accounts, title: '账号与邀请', text: '为工作人员、代表和机关人员开通账号，生成一次性邀请码，撤销账号', testId: 'console-accounts', staff: true },
  { url: ADMIN_PAGES.posters, title: '海报', text: '家站点和代表的 A4 海报：民意码/代表码、接待日和代表', testId: 'console-posters', staff: true },
  { url: ADMIN_PAGES.apiKeys, title: '接口密钥与归档导出', text: '合作平台（如12345热线）的接口密钥，每日公开数据归档下载', testId: 'console-api-keys', staff: false },
  { url: ADMIN_PAGES.audit, title: '操作日志', text: '谁在什么时候改了什么：按对象或操作人查看', testId: 'console-audit', staff: false },
]
