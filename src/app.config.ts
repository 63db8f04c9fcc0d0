export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '民意通' },
})
