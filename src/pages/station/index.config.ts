export default definePageConfig({ navigationBarTitleText: '家站点' })
