// The app shell: initialise cloud access once (a PC without a sign-in goes to sign in), make validation messages Chinese, send queued reports.
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { installChineseZodMessages } from '../types/zod-zh'
import { installPrivacyHandler } from './services/privacy'
import { startReportOutbox } from './services/report-outbox'
import { startRoundOutbox } from './services/round-outbox'
import { guardPcSignIn } from './services/pc-route'
import { webSdkTarget } from './services/web-mode'
import './app.scss'

installChineseZodMessages()
if (process.env.TARO_ENV === 'weapp') {
  // With no env, the mini-program uses the environment chosen in WeChat DevTools / the one it is bound to.
  Taro.cloud.init({ traceUser: true })
}
// A deployed H5 app on a PC that has not signed in opens the sign-in page first.
if (process.env.TARO_ENV === 'h5' && webSdkTarget()) guardPcSignIn()
installPrivacyHandler()
// Reports queued without network go out now, when the app returns and when the network does.
startReportOutbox()
startRoundOutbox()

function App({ children }: PropsWithChildren): React.ReactNode {
  return children
}

export default App
