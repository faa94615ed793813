export default definePageConfig({ navigationBarTitleText: '晚间问题清单' })
