// A captain's reminders: how many pushes they can still receive, and a one-tap top-up. The words
// match the real state: never asked, running low or out, long-term on, or turned off in settings.
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

/** The banner; `reach` comes from notify.status, `onChanged` receives the new reach after a top-up. */
export function ReachBanner({
  reach,
  onChanged,
}: {
  reach: Reachability & { nudgedAt?: string | null }
  onChanged: (r: Reachability) => void
}): JSX.Element {
  const [off, setOff] = useState(false)
  useEffect(() => {
    void switchedOff().then(setOff)
  }, [])
  // Consent is asked synchronously inside the tap (WeChat's rule), then the new count is shown.
  const topUp = () => void askConsent('captain').then((r) => r && onChanged(r))
  const longTerm = () => void askConsent('longTerm').then((r) => r && onChanged(r))

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
  if (!reach.asked)
    return (
      <View className="badge-banner reach-banner reach-new">
        <Text>
          新隐患会通过微信提醒你。点「开启提醒」时请勾选“总是保持以上选择”，以后每次处理隐患都会自动续上提醒。
        </Text>
        <Button size="small" type="primary" className="reach-top-up" onClick={topUp}>
          开启提醒
        </Button>
      </View>
    )
  if (reach.remaining <= LOW)
    return (
      <View className="badge-banner reach-banner reach-low">
        {reach.nudgedAt && <Text className="reach-nudged">安全办提醒你：请补充提醒次数</Text>}
        <Text className="reach-count">
          {reach.remaining === 0
            ? '🔴 提醒次数已用完，新隐患暂时只能抄送给上一级。'
            : `🔴 还可接收 ${reach.remaining} 次提醒，快用完了。`}
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
