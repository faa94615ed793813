// A captain's reminders: how many pushes they can still receive, and a one-tap top-up. The words
// match the real state: never asked, just turned on, refused, running low or out, long-term on, or
// turned off in settings. Red is kept for a captain no push can reach.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { Reachability } from '../../types/api/notify'
import { askConsent, LONG_TERM_AVAILABLE } from '../services/consent'

const LOW = 3

/** Whether the user switched subscription messages off in WeChat's settings (weapp only). */
async function switchedOff(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    const s = (await Taro.getSetting({ withSubscriptions: true } as never)) as unknown as {
      subscriptionsSetting?: { mainSwitch?: boolean }
    }
    return s.subscriptionsSetting?.mainSwitch === false
  } catch {
    return false
  }
}

/** Whether a consent request added a way to reach the user (a send, or the long-term template). */
function gained(before: Reachability, after: Reachability): boolean {
  return after.remaining > before.remaining || (after.longTerm && !before.longTerm)
}

/** The banner; `reach` comes from notify.status, `onChanged` receives the new reach after a top-up. */
export function ReachBanner({
  reach,
  onChanged,
}: {
  reach: Reachability & { nudgedAt?: string | null }
  onChanged: (r: Reachability) => void
}): JSX.Element {
  const [off, setOff] = useState(false)
  // What the banner's last request did, tied to the reach it left: a later reload drops it.
  const [outcome, setOutcome] = useState<{ granted: boolean; reach: Reachability }>()
  useEffect(() => {
    void switchedOff().then(setOff)
  }, [])
  // Consent is asked synchronously inside the tap (WeChat's rule), then the new count is shown.
  const ask = (purpose: 'captain' | 'longTerm') => () => {
    const before = reach
    void askConsent(purpose).then((r) => {
      setOutcome({ granted: Boolean(r && gained(before, r)), reach: r ?? before })
      if (r) onChanged(r)
    })
  }
  const topUp = ask('captain')
  const longTerm = ask('longTerm')
  const just = outcome?.reach === reach ? outcome : undefined

  if (off)
    return (
      <View className="badge-banner reach-banner reach-off">
        <Text>🔴 你在微信设置里关闭了订阅消息，新隐患无法推送给你（会抄送上一级）。</Text>
        <Button size="small" type="primary" onClick={() => void Taro.openSetting()}>
          去设置里打开
        </Button>
      </View>
    )
  if (reach.longTerm)
    return <Text className="muted reach-line reach-long-term">✅ 已开启长期提醒</Text>
  if (just?.granted)
    return (
      <View className="reach-banner reach-granted">
        <Text className="reach-count">✅ 提醒已开启，还可接收 {reach.remaining} 次提醒。</Text>
        <Text className="muted">以后每次处理隐患都会自动续上，有新隐患会通过微信提醒你。</Text>
      </View>
    )
  if (just && reach.remaining === 0)
    return (
      <View className="badge-banner reach-banner reach-refused">
        <Text className="reach-count">
          没有开启提醒：新隐患不会通过微信提醒你，暂时只能抄送给上一级。
        </Text>
        <Button size="small" type="primary" className="reach-top-up" onClick={topUp}>
          开启提醒
        </Button>
      </View>
    )
  if (!reach.asked)
    return (
      <View className="reach-banner reach-invite reach-new">
        <Text>
          新隐患会通过微信提醒你。点「开启提醒」时请勾选“总是保持以上选择”，以后每次处理隐患都会自动续上提醒。
        </Text>
        <Button size="small" type="primary" className="reach-top-up" onClick={topUp}>
          开启提醒
        </Button>
      </View>
    )
  if (reach.remaining === 0)
    return (
      <View className="badge-banner reach-banner reach-low reach-out">
        {reach.nudgedAt && <Text className="reach-nudged">安全办提醒你：请补充提醒次数</Text>}
        <Text className="reach-count">🔴 提醒次数已用完，新隐患暂时只能抄送给上一级。</Text>
        <Button size="small" type="primary" className="reach-top-up" onClick={topUp}>
          补充提醒次数
        </Button>
        {LONG_TERM_AVAILABLE && (
          <Button size="small" className="reach-long-term-on" onClick={longTerm}>
            开启长期提醒
          </Button>
        )}
      </View>
    )
  if (reach.remaining <= LOW)
    return (
      <View className="reach-banner reach-low">
        {reach.nudgedAt && <Text className="reach-nudged">安全办提醒你：请补充提醒次数</Text>}
        <Text className="reach-count">
          {just ? '这次没有增加提醒次数，' : ''}还可接收 {reach.remaining} 次提醒，快用完了。
        </Text>
        <Button size="small" type="primary" className="reach-top-up" onClick={topUp}>
          补充提醒次数
        </Button>
        {LONG_TERM_AVAILABLE && (
          <Button size="small" className="reach-long-term-on" onClick={longTerm}>
            开启长期提醒
          </Button>
        )}
      </View>
    )
  return (
    <View className="reach-line">
      <Text className="muted reach-count">还可接收 {reach.remaining} 次提醒</Text>
      <Text className="reach-top-up link" onClick={topUp}>
        补充
      </Text>
    </View>
  )
}
