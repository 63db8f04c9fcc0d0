export default definePageConfig({ navigationBarTitleText: '热点难点' })
