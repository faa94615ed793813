export default definePageConfig({ navigationBarTitleText: '科室与隐患类别' })
