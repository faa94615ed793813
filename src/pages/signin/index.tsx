// 电脑端登录: what a PC's sign-in code opens. Shows when and on which browser the PC asked, and on
// 确认 lets that PC sign in as the person holding this phone.
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { hospitalTime } from '../../../types/time'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { ApiError } from '../../services/api-error'
import { sceneFromParams } from '../../scene'
import './index.scss'

export default function SigninPage(): JSX.Element {
  const scene = sceneFromParams(useRouter().params)
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask')
  const [problem, setProblem] = useState('')
  const request = useRequest(
    async () => (scene ? call('signin', 'describe', { scene }) : undefined),
    [scene],
  )
  const confirm = async () => {
    setState('busy')
    setProblem('')
    try {
      await call('signin', 'confirm', { scene })
      setState('done')
    } catch (error) {
      setState('ask')
      setProblem(error instanceof ApiError ? error.message : '确认失败，请重试')
    }
  }
  const info = request.data
  return (
    <View className="page signin-page">
      {!scene && <StateView empty emptyText="登录码无效，请在电脑上刷新后重新扫码" />}
      <StateView
        loading={request.loading && !info}
        error={request.error}
        onRetry={() => void request.reload()}
      />
      {info && state !== 'done' && (
        <View className="section signin-ask">
          <Text className="signin-title">在电脑上登录 啄木鸟？</Text>
          <Text className="muted">时间：{hospitalTime(info.createdAt).format('M月D日 HH:mm')}</Text>
          <Text className="muted signin-agent">设备：{info.userAgent || '未知浏览器'}</Text>
          <Text className="muted">确认后，这台电脑将以你的身份登录。不是你本人操作请点取消。</Text>
          {problem && <Text className="error signin-problem">{problem}</Text>}
          <Button
            className="signin-confirm"
            type="primary"
            loading={state === 'busy'}
            disabled={state === 'busy'}
            onClick={() => void confirm()}
          >
            确认登录
          </Button>
          <Button
            className="signin-cancel"
            type="default"
            onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
          >
            取消
          </Button>
        </View>
      )}
      {state === 'done' && (
        <View className="section signin-ask">
          <Text className="signin-title">已确认</Text>
          <Text className="muted">电脑上马上就会登录。可在 我的 → 电脑端登录 中随时退出。</Text>
        </View>
      )}
    </View>
  )
}
