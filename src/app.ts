// The app shell: initialise cloud access once (a PC without a sign-in goes to sign in), start loading
// the input check, send queued reports and round answers. It holds only what every first page needs.
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { loadInputCheck } from './services/call'
import { installPrivacyHandler } from './services/privacy'
import { startReportOutbox } from './services/report-outbox'
import { guardPcSignIn } from './services/pc-route'
import { webSdkTarget } from './services/web-mode'
import { sceneFromParams } from './scene'
import { startReportReads } from './pages/report/early'
import './app.scss'

/** How long after the launch the H5 app starts sending round answers queued before it. */
const ROUND_OUTBOX_DELAY_MS = 2000

// In H5 every page, the QR landing included, is a chunk of its own: carried in the first script, the
// report page made a scan's landing slower under a phone's CPU (2.4 s against 2.0–2.1 s, measured
// side by side by scripts/bench-nurse.ts), though the bytes moved were the same.
if (process.env.TARO_ENV === 'weapp') {
  // With no env, the mini-program uses the environment chosen in WeChat DevTools / the one it is bound to.
  Taro.cloud.init({ traceUser: true })
}
// A deployed H5 app on a PC that has not signed in opens the sign-in page first.
if (process.env.TARO_ENV === 'h5' && webSdkTarget()) guardPcSignIn()
installPrivacyHandler()
// In H5 the launch's loads and reads start once the app's script has finished its first run: a
// stack taken while that script's top level is on it (each chunk load makes an Error; an attached
// inspector records each request's initiator) has V8 parse the whole script again for positions,
// 0.4 s of a scan's landing under a 4× slower CPU (scripts/bench-nurse.ts).
if (process.env.TARO_ENV === 'h5') void Promise.resolve().then(startLaunchWork)
else startLaunchWork()

/** Starts what the first page needs loaded and read, and the queued reports and round answers. */
function startLaunchWork(): void {
  const launch = launchPage()
  // A scan opens the report page: its floor and categories are asked for while the page starts,
  // and the input check (index.html preloads it) waits for the page's first checked call.
  if (launch.path === 'pages/report/index') startReportReads(sceneFromParams(launch.query))
  // Elsewhere the contract's input check arrives beside the first page, before its first call.
  else loadInputCheck().catch(() => undefined)
  // Reports queued without network go out now, when the app returns and when the network does.
  startReportOutbox()
  // Round answers are a round walker's: in H5 their code is a chunk of its own, started once the
  // first page has had its turn (its round walk page starts it at once).
  if (process.env.TARO_ENV === 'h5')
    setTimeout(() => {
      import('./services/round-outbox').then((m) => m.startRoundOutbox()).catch(() => undefined)
    }, ROUND_OUTBOX_DELAY_MS)
  else
    (
      require('./services/round-outbox') as typeof import('./services/round-outbox')
    ).startRoundOutbox()
}

/** The page the app was opened on and its query. */
function launchPage(): { path: string; query: Record<string, string> } {
  if (process.env.TARO_ENV === 'h5') {
    const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?')
    return { path, query: Object.fromEntries(new URLSearchParams(search)) }
  }
  try {
    const options = Taro.getLaunchOptionsSync()
    return { path: options.path, query: (options.query ?? {}) as Record<string, string> }
  } catch {
    return { path: '', query: {} } // the page then reads for itself
  }
}

function App({ children }: PropsWithChildren): React.ReactNode {
  return children
}

export default App
