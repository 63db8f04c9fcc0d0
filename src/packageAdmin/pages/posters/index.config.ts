export default definePageConfig({ navigationBarTitleText: '海报打印' })
