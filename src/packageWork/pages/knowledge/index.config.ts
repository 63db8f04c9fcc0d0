export default definePageConfig({
  navigationBarTitleText: '知识库',
  // Pull-to-refresh on weapp only (see the inbox page).
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
