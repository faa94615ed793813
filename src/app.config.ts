export default defineAppConfig({
  pages: [
    'pages/report/index',
    'pages/inbox/index',
    'pages/mine/index',
    'pages/ticket/index',
    'pages/evening/index',
    'pages/signin/index',
  ],
  subPackages: [
    { root: 'cockpit', pages: ['pages/index', 'pages/bulletin/index'] },
    {
      root: 'admin',
      pages: [
        'pages/index',
        'pages/places/index',
        'pages/roster/index',
        'pages/import/index',
        'pages/catalog/index',
        'pages/bind/index',
        'pages/checklists/index',
      ],
    },
    { root: 'safety', pages: ['pages/unreachable', 'pages/content'] },
    { root: 'rounds', pages: ['pages/index', 'pages/walk/index', 'pages/report/index'] },
    // A PC's sign-in page exists only in the H5 app.
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'pc', pages: ['pages/signin'] }] : []),
  ],
  window: {
    // 'default' is WeChat's own bar; Taro's H5 router draws the same bar only when it is named, with
    // a back button on pushed pages (a home button when opened straight from a link).
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#0f7b6c',
    navigationBarTitleText: '啄木鸟',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
  },
  // H5 switches pages without the slide: Taro's router hides the page it leaves once the slide
  // has ended, so a 返回 tapped during it left the page returned to hidden (a blank 待办).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#0f7b6c',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/report/index',
        text: '随手拍',
        iconPath: 'assets/tab/report.png',
        selectedIconPath: 'assets/tab/report-active.png',
      },
      {
        pagePath: 'pages/inbox/index',
        text: '待办',
        iconPath: 'assets/tab/inbox.png',
        selectedIconPath: 'assets/tab/inbox-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
})
