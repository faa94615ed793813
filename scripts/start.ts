// `npm start`: build what is stale, start the emulator with persistent data serving the H5 app,
// seed the demo hospital on first run, and print where to open everything.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { setPriority } from 'node:os'
import { join, resolve } from 'node:path'
import { buildFunctions } from './build-functions'
import { isStale } from './lib/freshness'
import {
  createManualClock,
  createSteerableClock,
  smsFunctionEnv,
  startEmulator,
  warnIfExposed,
} from '../emulator/src/index'
import { seedHistory } from './seed/history'
import { seedMajorHazards } from './seed/majors'
import { buildHospital } from './seed/hospital'

const HISTORY_WEEKS = 10

/** 07:00 Shanghai, HISTORY_WEEKS weeks ago (never before the demo roster starts). */
function historyStartMs(now: number): number {
  const day = Math.floor((now + 8 * 3600_000) / 86400_000) - HISTORY_WEEKS * 7
  return Math.max(day * 86400_000 - 3600_000, Date.parse('2026-01-02T07:00:00+08:00'))
}

const ROOT = resolve(__dirname, '..')

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const port = Number(argValue('--port') ?? process.env.PORT ?? 8787)
  const dataDir = resolve(ROOT, argValue('--data') ?? '.cloud-emu')
  // Loopback only unless asked: the emulator's /admin endpoint bypasses every rule.
  const host = argValue('--host') ?? '127.0.0.1'
  warnIfExposed(host)
  const manualClock = process.argv.includes('--manual-clock')

  const began = Date.now()
  const elapsed = (from = began): string => `${((Date.now() - from) / 1000).toFixed(0)} 秒`
  console.log('啄木鸟 Woodpecker — 正在准备本地环境…')
  const h5Sources = ['src', 'types', 'config', 'babel.config.js', 'package.json'].map((d) =>
    join(ROOT, d),
  )
  // The H5 build starts first and runs beside everything else (the emulator does not need it until
  // a page is opened).
  const h5 = isStale(join(ROOT, 'dist-h5', 'index.html'), h5Sources) ? buildH5() : null
  h5?.catch(() => undefined) // its failure is reported where it is awaited
  if (h5) console.log('• 构建 H5 应用（在后台进行）')
  console.log('• 构建云函数')
  await buildFunctions({ quiet: true })

  mkdirSync(dataDir, { recursive: true })
  const marker = join(dataDir, '.seeded')
  const firstRun = !existsSync(marker)
  // On first run the clock starts weeks ago so the demo history happens through the real
  // functions at past times; it is then handed back to real time.
  const historyStart = historyStartMs(Date.now())
  const clock = firstRun ? createSteerableClock(historyStart) : undefined
  const emulator = await startEmulator({
    host,
    port,
    dataDir,
    quiet: true,
    functionsDir: join(ROOT, 'cloudfunctions'),
    staticDir: join(ROOT, 'dist-h5'),
    clock: clock ?? (manualClock ? createManualClock(Date.now()) : undefined),
  })
  // Functions text through the local SMS stand-in, as CloudBase's per-function variables would set it.
  emulator.setFunctionEnv(smsFunctionEnv(emulator.url))

  const seed = require('./seed') as typeof import('./seed')
  if (firstRun && clock) {
    console.log('• 写入演示医院数据（29 栋楼、111 个楼层长）')
    await seed.seedDemo({ url: emulator.url })
    const started = Date.now()
    console.log(`• 通过云函数生成 ${HISTORY_WEEKS} 周的演示历史（上报、整改、评价、周报/简报）`)
    let shown = 0
    let paceFrom: { at: number; done: number } | undefined
    // Demo data that a rerun recreates: written without a disk sync per write, synced once at the end.
    const history = await emulator.engine.bulk(() =>
      seedHistory({
        url: emulator.url,
        clock,
        until: Date.now(),
        floors: buildHospital().floors.map((f) => String(f._id)),
        onProgress: (done, total) => {
          // The pace is timed from the end of the first step (the captains banking their
          // consents, far longer than any later step), so the estimate is not that step's.
          if (done >= 1 && !paceFrom) paceFrom = { at: Date.now(), done }
          const tenth = Math.floor((done / total) * 10)
          if (tenth > shown && done < total && paceFrom && done > paceFrom.done) {
            shown = tenth
            // The estimate is this run's own pace so far, not a guess made elsewhere.
            const left = ((Date.now() - paceFrom.at) / (done - paceFrom.done)) * (total - done)
            console.log(
              `  已完成 ${tenth * 10}%（${elapsed(started)}，按目前速度约还需 ${Math.ceil(left / 1000)} 秒）`,
            )
          }
        },
      }),
    )
    // Two 重大 hazards on the 挂牌督办 board: one deferred with its plan, one awaiting 院领导's sign-off.
    await seedMajorHazards(emulator.url, clock.now())
    // With --manual-clock the clock stays manual (at now); otherwise it follows real time.
    if (!manualClock) clock.release()
    console.log(
      `  上报 ${history.reported} 条，立行立改 ${history.fixedOnSpot}，限期整改 ${history.deferred}，` +
        `评价 ${history.rated}${history.failed ? `，${history.failed} 步被拒绝` : ''}` +
        `（${elapsed(started)}）`,
    )
    writeFileSync(marker, new Date().toISOString())
  }
  if (h5) {
    console.log('• 等待 H5 应用构建完成…')
    await h5
  }

  const app = emulator.url
  const scene = encodeURIComponent(seed.DEMO_SCENE)
  console.log(`
啄木鸟已启动 ✔（本次准备用时 ${elapsed()}）

  应用（H5）        ${app}/
  安全驾驶舱         ${app}/#/cockpit/pages/index
  扫码上报（演示楼层） ${app}/#/pages/report/index?scene=${scene}
  消息推送（模拟微信） ${app}/_emulator/outbox.html
  短信（本地模拟）     发往 ${app}/_emulator/sms，不会发出真实短信，显示在上面的消息推送页
  演示身份           ${app}/_emulator/personas
  数据目录           ${dataDir}
${manualClock ? `  手动时钟           ${new Date(emulator.clock.now()).toISOString()}：POST ${app}/_emulator/clock {"advanceMs": 60000} 推进时间\n` : ''}
在页面顶部的“演示身份”里切换：上报人 / 层长 / 协管员 / 楼长 / 安全办 / 院领导。
按 Ctrl+C 停止。
`)
  // `npm start` runs this file with `exec node` (package.json), so npm's forwarded SIGINT reaches this
  // process itself — no `sh` in between to swallow it. A second Ctrl+C, or a stop that hangs, exits at once.
  // A terminal's Ctrl+C reaches this process twice (from the terminal and forwarded by npm): a
  // repeat within a second is the same press.
  let stoppingAt = 0
  const stop = (signal: string): void => {
    if (stoppingAt) {
      if (Date.now() - stoppingAt > 1000) process.exit(130)
      return
    }
    stoppingAt = Date.now()
    console.log(`\n收到 ${signal}，正在停止…`)
    setTimeout(() => process.exit(0), 3000).unref()
    void emulator.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGHUP', () => stop('SIGHUP'))
}

/** Builds the H5 app in a child process; resolves when it is done, rejects when it fails. */
function buildH5(): Promise<void> {
  return new Promise((ok, fail) => {
    // Taro's own bin under this node (npx would first spend a second finding it).
    const taro = require.resolve('@tarojs/cli/bin/taro')
    const child = spawn(process.execPath, [taro, 'build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    // At the lowest priority: the demo history's chain of calls, not the build, is the first
    // start's longest path, and the build soaks up what that chain leaves of the cores.
    try {
      if (child.pid) setPriority(child.pid, 19)
    } catch {
      // A platform that refuses: the build competes at normal priority.
    }
    child.once('error', fail)
    child.once('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`H5 构建失败（退出码 ${code}）`)),
    )
  })
}

main().catch((error: unknown) => {
  console.error('启动失败：', error instanceof Error ? error.message : error)
  process.exit(1)
})
