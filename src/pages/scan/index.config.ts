export default definePageConfig({ navigationBarTitleText: '民意通' })
