export default definePageConfig({ navigationBarTitleText: '内容与账号安全' })
