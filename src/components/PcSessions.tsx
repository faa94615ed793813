// 电脑端登录 in 我的: the PCs signed in as me, each with its browser and when it signed in, and 退出
// to end any of them (that PC fails at its next call).
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { hospitalTime } from '../../types/time'
import { useRequest } from '../hooks/use-request'
import { call } from '../services'
import { messageOf } from '../services/api-error'

export function PcSessions({ refresh }: { refresh: number }): JSX.Element | null {
  const list = useRequest(() => call('signin', 'sessions', {}), [refresh])
  const end = async (id: string) => {
    try {
      const { ended } = await call('signin', 'end', { id })
      void Taro.showToast({ title: ended ? '已退出该电脑' : '该电脑已退出', icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' })
    }
    await list.reload()
  }
  const items = list.data?.items ?? []
  if (items.length === 0) return null
  return (
    <View className="section pc-sessions">
      <Text className="section-title">电脑端登录（{items.length}）</Text>
      {items.map((s) => (
        <View key={s.id} className="pc-session">
          <View className="pc-session-text">
            <Text className="pc-session-agent">
              {s.current ? '本机 · ' : ''}
              {s.userAgent || '未知浏览器'}
            </Text>
            <Text className="muted">
              {hospitalTime(s.signedInAt).format('M月D日 HH:mm')} 登录 · 至{' '}
              {hospitalTime(s.endsAt).format('M月D日 HH:mm')}
            </Text>
          </View>
          <Text className="link pc-session-end" onClick={() => void end(s.id)}>
            退出
          </Text>
        </View>
      ))}
    </View>
  )
}
