// `npm run emulator`: the local CloudBase in the foreground.
import { resolve } from 'node:path'
import { createManualClock, startEmulator } from './index'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const memory = process.argv.includes('--memory')
  const host = flag('--host') ?? '127.0.0.1'
  const manualClock = process.argv.includes('--manual-clock')
  const emulator = await startEmulator({
    host,
    clock: manualClock ? createManualClock(Date.now()) : undefined,
    port: Number(flag('--port') ?? 8787),
    memory,
    dataDir: memory ? undefined : resolve(flag('--data') ?? '.cloud-emu'),
    staticDir: flag('--static'),
  })
  console.log(
    `CloudBase emulator listening on ${emulator.url} (${memory ? 'in memory' : `data in ${flag('--data') ?? '.cloud-emu'}`})`,
  )
  if (manualClock)
    console.log(
      `Manual clock at ${new Date(emulator.clock.now()).toISOString()}: GET ${emulator.url}/_emulator/clock, POST {"advanceMs": n}, {"jumpMs": n} or {"to": iso} to move it`,
    )
  console.log('Point wx-server-sdk at it with:')
  for (const [k, v] of Object.entries(emulator.sdkEnv())) console.log(`  export ${k}='${v}'`)
  const stop = (): void => {
    void emulator.stop().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
