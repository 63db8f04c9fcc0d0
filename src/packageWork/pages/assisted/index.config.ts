export default definePageConfig({ navigationBarTitleText: '代录民意' })
