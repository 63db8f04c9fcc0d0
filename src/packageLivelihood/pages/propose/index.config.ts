export default definePageConfig({ navigationBarTitleText: '提出民生实事建议' })
