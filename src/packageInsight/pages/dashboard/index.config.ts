export default definePageConfig({
  navigationBarTitleText: '统计分析',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
