// The SLA sweep at scale: 100,000 open tickets of which 1% and then 0.1% are due. Prints time,
// due-queries (pages) and documents read per sweep; reads should grow with the due tickets, not
// with the open ones.
import { buildFunctions } from './build-functions'
import { startSeededEmulator } from './lib/seeded-emulator'
import type { LogOp } from '../emulator/src/database/journal'

const OPEN = Number(process.env.SLA_BENCH_OPEN ?? 100_000)

function openTicket(i: number, due: boolean, now: number): Record<string, unknown> {
  const floor = `B${String((i % 29) + 1).padStart(2, '0')}F01`
  const at = new Date(now - 3600_000)
  return {
    _id: `sla-${i}`,
    clientKey: `sla-${i}`,
    reporterId: 'u-staff-1',
    reporterName: '李护士',
    anonymous: false,
    floorId: floor,
    buildingId: floor.slice(0, 3),
    place: floor,
    spot: '',
    categoryId: 'wet-floor',
    categoryName: '地面湿滑',
    severity: 'medium',
    description: '',
    photos: [],
    afterPhotos: [],
    status: 'pending',
    level: 0,
    ownerId: `u-fc-${floor}`,
    ownerName: '层长',
    cycle: 1,
    version: 1,
    supporterIds: [],
    rated: false,
    rating: null,
    deadline: null,
    departmentId: null,
    plan: null,
    resolvedAt: null,
    responseMinutes: 30,
    stepStartedAt: at,
    reminders: 0,
    dueAt: due ? new Date(now - 60_000 - i) : new Date(now + 86400_000 + i),
    dueStep: 'accept',
    createdAt: at,
    updatedAt: at,
  }
}

/** Runs the two sweeps and prints their figures. */
export async function benchSlaSweep(): Promise<void> {
  await buildFunctions({ quiet: true })
  for (const share of [0.01, 0.001]) {
    const { emulator: emu } = await startSeededEmulator()
    const now = emu.clock.now()
    const every = Math.round(1 / share)
    for (let i = 0; i < OPEN; i += 10_000) {
      const ops: LogOp[] = []
      for (let k = i; k < i + 10_000; k++)
        ops.push({ op: 'put', c: 'tickets', d: openTicket(k, k % every === 0, now) })
      await emu.engine.commit(ops)
    }
    Object.assign(process.env, emu.sdkEnv())
    const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
    sdk.init({ env: emu.envId, timeout: 600_000 } as never)
    // A sweep stops at its time budget and the next one continues: run until nothing is due.
    const total = { ms: 0, sweeps: 0, pages: 0, read: 0, acted: 0 }
    for (;;) {
      const t = performance.now()
      const res = (await sdk.callFunction({
        name: 'sla',
        data: { action: 'sweep', input: {} },
      })) as unknown as {
        result: { ok: boolean; data: { read: number; acted: number; pages: number } }
      }
      total.ms += performance.now() - t
      if (!res.result.ok) throw new Error(JSON.stringify(res.result))
      const d = res.result.data
      total.sweeps++
      total.pages += d.pages
      total.read += d.read
      total.acted += d.acted
      if (d.acted === 0) break
    }
    console.log(
      `sla sweep, ${OPEN.toLocaleString()} open, ${(share * 100).toFixed(1)}% due: ${total.ms.toFixed(0)} ms over ${total.sweeps} sweeps · ${total.pages} due-queries · ${total.read} documents read by the due query · ${total.acted} escalated`,
    )
    await emu.stop()
  }
}

if (require.main === module)
  benchSlaSweep().catch((error) => {
    console.error(error)
    process.exit(1)
  })
