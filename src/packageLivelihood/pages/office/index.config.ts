export default definePageConfig({ navigationBarTitleText: '民生实事票决管理' })
