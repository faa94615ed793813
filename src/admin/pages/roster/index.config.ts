export default definePageConfig({ navigationBarTitleText: '值守名册' })
