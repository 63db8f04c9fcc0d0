export default definePageConfig({
  navigationBarTitleText: '我的值班',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
