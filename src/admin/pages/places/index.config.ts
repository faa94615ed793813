export default definePageConfig({ navigationBarTitleText: '楼栋与楼层' })
