export default definePageConfig({ navigationBarTitleText: '代表票决' })
