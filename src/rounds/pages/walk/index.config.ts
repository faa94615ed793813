export default definePageConfig({ navigationBarTitleText: '逐层巡查' })
