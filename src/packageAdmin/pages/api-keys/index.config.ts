export default definePageConfig({
  navigationBarTitleText: '接口密钥与归档导出',
})
