// Pages of the mini-program (weapp) and of the h5 build. The development sign-in page exists only
// in the h5 build: on weapp the identity is WeChat's.
const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/scan/index',
    'pages/station/index',
    'pages/deputy/index',
    'pages/submit/index',
    'pages/case/index',
    'pages/privacy/index',
    // 接受邀请 (scene `i=<code>`): opened by someone who is still a resident.
    'pages/invitation/index',
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  subPackages: [
    {
      // Deputies', staff's and admins' pages: residents never download them.
      root: 'packageWork',
      pages: [
        'pages/inbox/index',
        'pages/case/index',
        'pages/knowledge/index',
        'pages/suggestions/index',
        'pages/suggestion/index',
        'pages/assisted/index',
      ],
    },
    {
      // 民情接待日: residents' booking and 我的预约, deputies' duties, staff's reception days.
      root: 'packageReception',
      pages: [
        'pages/book/index',
        'pages/my-bookings/index',
        'pages/duties/index',
        'pages/manage/index',
        'pages/day/index',
        'pages/rules/index',
      ],
    },
    {
      // 民生实事代表票决: residents' proposals and results, deputies' ballots, the office's rounds.
      root: 'packageLivelihood',
      pages: [
        'pages/round/index',
        'pages/propose/index',
        'pages/vote/index',
        'pages/deputy/index',
        'pages/project/index',
        'pages/office/index',
        'pages/manage/index',
      ],
    },
    {
      // 管理台: the office's and staff's console (stations, deputies, units and routing, goals, audit log,
      // accounts and invitations, posters, API keys and exports).
      root: 'packageAdmin',
      pages: [
        'pages/index/index',
        'pages/stations/index',
        'pages/deputies/index',
        'pages/units/index',
        'pages/audit/index',
        'pages/goals/index',
        'pages/accounts/index',
        'pages/posters/index',
        'pages/api-keys/index',
      ],
    },
    {
      // 个人信息 (PIPL: see, export, withdraw, erase) and claiming a 代录 receipt: residents only.
      root: 'packageMine',
      pages: ['pages/my-data/index', 'pages/claim/index'],
    },
    {
      // 统计分析 and 履职档案 (issue 8): dashboards with charts (ECharts), hot spots, deputies' records.
      root: 'packageInsight',
      pages: ['pages/dashboard/index', 'pages/hotspot/index', 'pages/records/index', 'pages/record/index'],
    },
  ],
  window: {
    // 'default' also makes the h5 build draw a title bar with back and home buttons.
    navigationStyle: 'default',
    navigationBarTitleText: '民意通',
    navigationBarBackgroundColor: '#c0262d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f4f6',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#555b63',
    selectedColor: '#c0262d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tabbar/messages.png', selectedIconPath: 'assets/tabbar/messages-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  // WeChat's privacy API: privacy-relevant calls wait for wx.onNeedPrivacyAuthorization.
  __usePrivacyCheck__: true,
})
