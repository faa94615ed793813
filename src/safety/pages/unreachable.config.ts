export default definePageConfig({ navigationBarTitleText: '联系不上的负责人' })
