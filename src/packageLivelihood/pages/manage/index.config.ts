export default definePageConfig({ navigationBarTitleText: '管理民生实事票决' })
