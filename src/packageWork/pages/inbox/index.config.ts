export default definePageConfig({
  navigationBarTitleText: '工作台',
  // Pull-to-refresh on weapp only: on h5 Taro's refresh wrapper sits above the page content for
  // hit-testing, and pages reload when shown anyway.
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
