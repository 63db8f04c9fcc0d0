export default definePageConfig({ navigationBarTitleText: '代表管理' })
