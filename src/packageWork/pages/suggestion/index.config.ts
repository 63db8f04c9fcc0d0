export default definePageConfig({
  navigationBarTitleText: '议案建议',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
