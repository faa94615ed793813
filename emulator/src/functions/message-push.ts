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
/** The first attempt at once, then the waits before each retry. */
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
    // Each retry is its own schedule on the clock, never awaited here: moving a manual clock past a
    // push waits for that attempt, not for retries only a later move can reach.
    const deliver = async (i: number): Promise<boolean> => {
      if (stopped) return false
      if (await attempt(name, event)) return true
      const wait = RETRY_AFTER_MS[i + 1]
      if (wait === undefined)
        core.log(`[emulator] message push ${event.Event} to ${name} was never answered ok`)
      else core.clock.schedule(core.clock.now() + wait, () => deliver(i + 1))
      return false
    }
    return deliver(0)
  })
}
