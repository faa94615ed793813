// The app shell: initialise cloud access once and make validation messages Chinese.
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { installChineseZodMessages } from '../types/zod-zh'
import { installPrivacyHandler } from './services/privacy'
import './app.scss'

installChineseZodMessages()
if (process.env.TARO_ENV === 'weapp') {
  // With no env, the mini-program uses the environment chosen in WeChat DevTools / the one it is bound to.
  Taro.cloud.init({ traceUser: true })
}
installPrivacyHandler()

function App({ children }: PropsWithChildren): React.ReactNode {
  return children
}

export default App
