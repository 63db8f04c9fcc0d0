export default definePageConfig({
  navigationBarTitleText: '我的预约',
  enablePullDownRefresh: process.env.TARO_ENV === 'weapp',
})
