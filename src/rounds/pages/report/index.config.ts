export default definePageConfig({ navigationBarTitleText: '巡查报告' })
