// The app shell: initialise cloud access once, make validation messages Chinese, send queued reports.
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { installChineseZodMessages } from '../types/zod-zh'
import { installPrivacyHandler } from './services/privacy'
import { startReportOutbox } from './services/report-outbox'
import './app.scss'

installChineseZodMessages()
if (process.env.TARO_ENV === 'weapp') {
  // With no env, the mini-program uses the environment chosen in WeChat DevTools / the one it is bound to.
  Taro.cloud.init({ traceUser: true })
}
installPrivacyHandler()
// Reports queued without network go out now, when the app returns and when the network does.
startReportOutbox()

function App({ children }: PropsWithChildren): React.ReactNode {
  return children
}

export default App
