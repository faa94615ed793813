// Message push (消息推送) to cloud functions: the platform's events (MsgType + Event) go to the function
// whose config.json `messagePush` lists them, invoked with SOURCE `wx_msgpush` — a marker no client
// can produce — and retried like WeChat retries a push that was not answered ok.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EmulatorCore } from '../core'
import { readFunctionConfig } from './pool'
import { DEV_APPID, type Invoker } from './service'

/** The SOURCE a message-push invocation runs with in the emulator. */
export const MESSAGE_PUSH_SOURCE = 'wx_msgpush'
const RETRY_AFTER_MS = [0, 500, 2000, 5000]

function targetOf(core: EmulatorCore, msgType: string, event: string): string | undefined {
  if (!existsSync(core.functionsDir)) return undefined
  return readdirSync(core.functionsDir)
    .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
    .find((name) =>
      readFunctionConfig(join(core.functionsDir, name)).messagePush.some(
        (p) => p.msgType === msgType && (p.event ?? '') === event,
      ),
    )
}

/** Installs delivery of platform message pushes to the configured functions. */
export function installMessagePush(core: EmulatorCore, invoker: Invoker): void {
  let stopped = false
  core.onStop(() => {
    stopped = true
  })
  const attempt = async (name: string, event: Record<string, unknown>): Promise<boolean> => {
    const result = await invoker.invoke(name, event, {
      openid: typeof event.FromUserName === 'string' ? event.FromUserName : '',
      appid: DEV_APPID,
      source: MESSAGE_PUSH_SOURCE,
    })
    if (!result.ok) return false
    try {
      const answer = JSON.parse(result.result ?? 'null') as { ok?: boolean } | string | null
      return answer === 'success' || (typeof answer === 'object' && answer?.ok === true)
    } catch {
      return false
    }
  }
  core.registerMessagePush(async (event) => {
    const name = targetOf(core, String(event.MsgType ?? ''), String(event.Event ?? ''))
    if (!name || !invoker.exists(name)) {
      core.log(`[emulator] no function receives message push ${event.MsgType}/${event.Event}`)
      return false
    }
    for (const [i, wait] of RETRY_AFTER_MS.entries()) {
      if (stopped) return false
      if (wait)
        await new Promise<void>((resolve) => core.clock.schedule(core.clock.now() + wait, resolve))
      if (stopped) return false
      if (await attempt(name, event)) return true
      if (i === RETRY_AFTER_MS.length - 1)
        core.log(`[emulator] message push ${event.Event} to ${name} was never answered ok`)
    }
    return false
  })
}
