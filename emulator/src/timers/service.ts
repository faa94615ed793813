// Timer triggers: each function's config.json `triggers` fire on the emulator's clock, in order.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EmulatorCore } from '../core'
import type { Invoker } from '../functions/service'
import { DEV_APPID } from '../functions/service'
import { readFunctionConfig } from '../functions/pool'
import { nextFire, parseCron } from './cron'

export interface TimerFiring {
  functionName: string
  trigger: string
  at: number
  ok: boolean
  error?: string
}

/** Schedules every declared timer trigger; firings are logged to `_emu_timer_log`. */
export function installTimers(core: EmulatorCore, invoker: Invoker): void {
  if (!existsSync(core.functionsDir)) return
  const cancels: Array<() => void> = []
  let stopped = false
  for (const name of readdirSync(core.functionsDir).filter((n) => !n.startsWith('_'))) {
    const dir = join(core.functionsDir, name)
    if (!existsSync(join(dir, 'config.json'))) continue
    for (const trigger of readFunctionConfig(dir).triggers.filter((t) => t.type === 'timer')) {
      const cron = parseCron(trigger.config)
      const arm = (after: number): void => {
        const at = nextFire(cron, after)
        if (at === undefined || stopped) return
        cancels.push(
          core.clock.schedule(at, async () => {
            if (stopped) return
            if (invoker.exists(name)) {
              const event = {
                Type: 'Timer',
                TriggerName: trigger.name,
                Time: new Date(at).toISOString(),
              }
              const result = await invoker.invoke(
                name,
                event,
                { openid: '', appid: DEV_APPID, source: 'wx_trigger' },
                { TRIGGER_SRC: 'timer' },
              )
              const firing: TimerFiring = {
                functionName: name,
                trigger: trigger.name,
                at,
                ok: result.ok,
                error: result.error,
              }
              if (!result.ok)
                core.log(`[emulator] timer ${name}/${trigger.name} failed: ${result.error}`)
              await core.store.insert('_emu_timer_log', { ...firing })
            }
            // A late firing (the clock jumped) re-arms from now: missed occurrences coalesce.
            arm(Math.max(at, core.clock.now()))
          }),
        )
      }
      arm(core.clock.now())
    }
  }
  core.onStop(() => {
    stopped = true
    cancels.forEach((c) => c())
  })
}
