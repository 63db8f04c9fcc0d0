export default definePageConfig({
  navigationBarTitleText: '接待日管理',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
