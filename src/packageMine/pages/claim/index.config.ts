export default definePageConfig({ navigationBarTitleText: '认领代录的民意' })
