export default definePageConfig({ navigationBarTitleText: '安全驾驶舱' })
