// `npm run bench:admin`: figures for setting a hospital up — posters for a floor, a building and
// the whole hospital (111 pages), roster export, and importing the full roster (preview and apply).
import { adminApi } from '../types/api/admin'
import { buildFunctions } from './build-functions'
import { startSeededEmulator } from './lib/seeded-emulator'

async function main(): Promise<void> {
  await buildFunctions({ quiet: true })
  const { emulator: emu } = await startSeededEmulator()
  const call = async (action: string, input: unknown) => {
    const started = performance.now()
    const res = await fetch(`${emu.url}/fn/${action in adminApi ? 'admin' : 'org'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': 'demo-safety' },
      body: JSON.stringify({ action, input }),
    })
    const body = (await res.json()) as {
      ok: boolean
      data?: Record<string, unknown>
      message?: string
    }
    if (!body.ok) throw new Error(`${action}: ${body.message}`)
    return { ms: performance.now() - started, data: body.data! }
  }
  try {
    await call('admin.scope', {}) // warm the function
    const lines: string[] = []
    for (const [label, input] of [
      ['posters, one floor', { floorId: 'B07F03' }],
      ['posters, one building (7 floors)', { buildingId: 'B07' }],
      ['posters, whole hospital (111 floors)', {}],
    ] as const) {
      const { ms, data } = await call('posters', input)
      const pdf = await (await fetch(String(data.url))).arrayBuffer()
      lines.push(
        `${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${data.pages} pages, ${(pdf.byteLength / 1024).toFixed(0)} KB`,
      )
    }
    const exported = await call('roster.export', { format: 'xlsx' })
    lines.push(
      `${'roster export (xlsx)'.padEnd(40)} ${exported.ms.toFixed(0).padStart(6)} ms  ${exported.data.rows} rows`,
    )
    const bytes = Buffer.from(await (await fetch(String(exported.data.url))).arrayBuffer())
    const up = await fetch(`${emu.url}/_emulator/upload?name=roster.xlsx`, {
      method: 'POST',
      body: bytes,
    })
    const { fileID } = (await up.json()) as { fileID: string }
    const dry = await call('roster.import', { fileID, dryRun: true })
    lines.push(
      `${'roster import preview (no changes)'.padEnd(40)} ${dry.ms.toFixed(0).padStart(6)} ms`,
    )
    console.log('org administration through the emulator (this machine):')
    for (const l of lines) console.log(`  ${l}`)
  } finally {
    await emu.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
