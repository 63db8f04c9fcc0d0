export default definePageConfig({
  navigationBarTitleText: '接待日',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
