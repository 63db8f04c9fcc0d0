export default definePageConfig({ navigationBarTitleText: '人大代表' })
