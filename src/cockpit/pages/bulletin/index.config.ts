export default definePageConfig({ navigationBarTitleText: '安全简报' })
