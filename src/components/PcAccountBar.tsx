// H5 deployed only: who this PC is signed in as, and 退出.
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { messageOf } from '../services'
import { pcSignedInName } from '../services/pc-route'
import { signOutPc } from '../services/pc-session'

/** A thin bar at the top of every H5 page on a signed-in PC: the name and 退出. */
export function PcAccountBar(): JSX.Element {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const leave = async (): Promise<void> => {
    setBusy(true)
    setProblem('')
    try {
      await signOutPc()
    } catch (error) {
      setProblem(messageOf(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="dev-persona-bar pc-account-bar">
      <View className="dev-persona-current">
        <Text className="dev-persona-label">电脑端登录：</Text>
        <Text className="pc-account-name">{pcSignedInName()}</Text>
        <Text className="pc-account-out" onClick={() => !busy && void leave()}>
          {busy ? '正在退出…' : '退出'}
        </Text>
      </View>
      {problem && <Text className="pc-account-problem">{problem}</Text>}
    </View>
  )
}
