// 绑定员工身份: a staff member opens their invite (QR scene `i=<code>`) or types the 6-digit code;
// their WeChat identity is bound to their roster entry.
import { View, Text, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { call, messageOf } from '../../../services'
import { sceneFromParams } from '../../../scene'
import { ROLE_LABELS } from '../../../labels'
import { AdminNav } from '../../parts/AdminNav'
import '../../parts/admin.scss'

/** The invite code in a scene like `i=123456`, or ''. */
function codeFromScene(scene: string): string {
  return /^i=(\d{6})$/.exec(scene)?.[1] ?? ''
}

export default function BindPage(): JSX.Element {
  const router = useRouter()
  const [scanned] = useState(codeFromScene(sceneFromParams(router.params)))
  const [code, setCode] = useState(scanned)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [bound, setBound] = useState<{ name: string; roles: string[] }>()
  const redeem = async () => {
    setBusy(true)
    setError('')
    try {
      setBound(await call('org', 'invite.redeem', { code: code.trim() }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="page admin-page bind-page">
      <AdminNav title="绑定员工身份" home />
      {bound ? (
        <View className="section bind-done">
          <Text className="section-title">✅ 绑定成功</Text>
          <View>
            <Text className="bind-name">
              {bound.name}（{bound.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}）
            </Text>
          </View>
          <Text className="muted">今后本楼层的隐患会推送给你，请在「待办」里允许消息提醒。</Text>
          <Button type="primary" onClick={() => void Taro.switchTab({ url: '/pages/inbox/index' })}>
            去待办
          </Button>
        </View>
      ) : (
        <View className="section admin-form">
          <Text className="muted">输入安全办给你的 6 位邀请码（扫邀请二维码会自动填写）。</Text>
          {scanned && <Text className="bind-scanned">已识别邀请码 {scanned}</Text>}
          <Input
            className="admin-input bind-code"
            type="number"
            maxlength={6}
            placeholder="6 位邀请码"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
          <Button
            type="primary"
            className="bind-submit"
            loading={busy}
            disabled={code.trim().length !== 6}
            onClick={() => void redeem()}
          >
            绑定
          </Button>
          {error && <Text className="admin-error bind-error">{error}</Text>}
        </View>
      )}
    </View>
  )
}
