// 扫码登录 (H5, deployed): the PC shows a mini-program code, renews it before it runs out, polls until
// the staff member confirms in the mini-program, signs in with the ticket and opens what was asked.
import { View, Text, Image, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError, call, messageOf } from '../../services'
import { PC_HOME } from '../../services/pc-route'
import { finishPcSignIn, startPcSignIn } from '../../services/pc-session'
import './signin.scss'

const POLL_MS = 2000
/** A code is renewed this long before it expires, so a scan never meets a dead one. */
const RENEW_BEFORE_MS = 10_000

type Shown = Awaited<ReturnType<typeof startPcSignIn>>

export default function PcSigninPage(): JSX.Element {
  const params = useRouter().params
  const to = params.to ? decodeURIComponent(params.to) : PC_HOME
  const [shown, setShown] = useState<Shown>()
  const [renewals, setRenewals] = useState(0)
  const [problem, setProblem] = useState('')
  const [signingIn, setSigningIn] = useState(false)

  // A fresh code now and before each one runs out.
  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    startPcSignIn()
      .then((next) => {
        if (!alive) return
        setShown(next)
        setProblem('')
        const left = Date.parse(next.expiresAt) - Date.now() - RENEW_BEFORE_MS
        timer = setTimeout(() => setRenewals((n) => n + 1), Math.max(left, POLL_MS))
      })
      .catch((error: unknown) => alive && setProblem(messageOf(error)))
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [renewals])

  // Polls the code shown until it is confirmed (sign in), runs out or was used (a new code).
  useEffect(() => {
    if (!shown) return
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async (): Promise<void> => {
      try {
        const res = await call('signin', 'poll', { scene: shown.scene, pollKey: shown.pollKey })
        if (!alive) return
        if (res.status === 'approved' && res.ticket) {
          setSigningIn(true)
          await finishPcSignIn(res.ticket, res.name ?? '')
          void Taro.reLaunch({ url: to })
          return
        }
        if (res.status !== 'pending') {
          setRenewals((n) => n + 1)
          return
        }
      } catch (error) {
        if (!alive) return
        if (error instanceof ApiError && error.code === 'signin.expired') {
          setRenewals((n) => n + 1)
          return
        }
        setSigningIn(false)
        setProblem(messageOf(error))
      }
      timer = setTimeout(() => void poll(), POLL_MS)
    }
    timer = setTimeout(() => void poll(), POLL_MS)
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [shown, to])

  return (
    <View className="page pc-signin-page">
      <View className="section pc-signin-card">
        <Text className="pc-signin-title">啄木鸟 · 电脑端登录</Text>
        {params.ended && <Text className="pc-signin-ended">电脑端登录已结束，请重新扫码</Text>}
        {shown ? (
          <Image
            className="pc-signin-code"
            src={shown.code}
            data-scene={shown.scene}
            mode="aspectFit"
          />
        ) : (
          <View className="pc-signin-code pc-signin-code-empty" />
        )}
        <Text className="pc-signin-hint">
          {signingIn ? '已确认，正在登录…' : '请用微信扫码，在小程序里确认登录'}
        </Text>
        <Text className="muted">二维码会在失效前自动刷新</Text>
        {problem && (
          <>
            <Text className="pc-signin-problem">{problem}</Text>
            <Button size="mini" onClick={() => setRenewals((n) => n + 1)}>
              重新获取二维码
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
