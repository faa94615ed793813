// `npm run bench`: the product's figures — weapp package sizes, `ticket.create` through the emulator
// (warm, median and p95), and the bytes a 4000×3000 camera photo uploads after the app's compression.
import { build } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { buildFunctions } from './build-functions'
import { measurePackages, printSizes } from './size'
import { seedDemo } from './seed/load'
import { demoPhotoStore } from './seed/photos'
import { createStillClock, startEmulator } from '../emulator/src/index'
import { CAMERA_PHOTO } from '../test/fixtures'
import { summarize, timeIt } from './bench-emulator'
import { benchNursePath } from './bench-nurse'
import { benchSlaSweep } from './bench-sla'

const ROOT = resolve(__dirname, '..')
/** Seeded staff who may report (12 nurses and porters, 12 captains of other floors). */
const REPORTERS = [
  'demo-staff',
  ...Array.from({ length: 11 }, (_v, i) => `o-staff-${i + 2}`),
  ...Array.from({ length: 7 }, (_v, i) => `o-fc-B01F0${i + 2}`),
  ...Array.from({ length: 4 }, (_v, i) => `o-fc-B02F0${i + 1}`),
  'o-fc-B03F01',
]
const PHOTO = CAMERA_PHOTO

async function benchTicketCreate(): Promise<void> {
  await buildFunctions({ quiet: true })
  const emu = await startEmulator({
    port: 0,
    memory: true,
    quiet: true,
    clock: createStillClock(),
    functionsDir: join(ROOT, 'cloudfunctions'),
  })
  await seedDemo({ url: emu.url })
  const post = async (path: string, openid: string, body: unknown) =>
    (
      await fetch(`${emu.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
        body: JSON.stringify(body),
      })
    ).json()
  for (let i = 0; i < 240; i++) {
    await post('/_emulator/consent', '', {
      openid: 'demo-floor-captain',
      templateIds: ['woodpecker-hazard-assigned'],
    })
    await post('/fn/notify', 'demo-floor-captain', {
      action: 'consent',
      input: {
        results: { 'woodpecker-hazard-assigned': 'accept' },
        requestKey: `bench-${i}-consent`,
      },
    })
  }
  // Each reporter's own stored photo: a ticket accepts no other.
  const photo = demoPhotoStore(emu.url)
  for (const r of REPORTERS) await photo(r)
  const create = (floorId: string, n: number) =>
    timeIt(n, async (i) => {
      // Reporters in turn: one person may report only 20 hazards an hour.
      const reporter = REPORTERS[(i + (floorId === 'B07F03' ? 0 : 7)) % REPORTERS.length]
      const res = (await post('/fn/ticket', reporter, {
        action: 'create',
        input: {
          clientKey: `bench-${floorId}-${i}-${Date.now()}`,
          floorId,
          categoryId: 'wet-floor',
          photos: [await photo(reporter)],
          description: '走廊堆放杂物',
        },
      })) as { ok: boolean }
      if (!res.ok) throw new Error(JSON.stringify(res))
    })
  const pushed = await create('B07F03', 200)
  console.log(
    `ticket.create with its push to the 层长, warm, through the emulator   ${summarize(pushed)}`,
  )
  // B01F01's chain has never consented: each create tries the owner, every copy, then the board.
  const unreached = await create('B01F01', 100)
  console.log(
    `ticket.create whose owner has no credit (copies up the chain, then the board)   ${summarize(unreached)}`,
  )
  await emu.stop()
}

async function benchCompression(): Promise<void> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'src', 'services', 'compress-image.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'woodpeckerCompress',
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const page = await browser.newPage()
  await page.addScriptTag({ content: bundle.outputFiles[0].text })
  const original = readFileSync(PHOTO)
  const result = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/jpeg;base64,${b64}`)).blob()
    const small = await (
      window as unknown as { woodpeckerCompress: typeof import('../src/services/compress-image') }
    ).woodpeckerCompress.compressInBrowser(blob)
    const bmp = await createImageBitmap(small)
    return { bytes: small.size, width: bmp.width, height: bmp.height }
  }, original.toString('base64'))
  await browser.close()
  console.log(
    `photo upload after compression: ${(result.bytes / 1024).toFixed(0)} KB at ${result.width}×${result.height} (camera original ${(original.length / 1024 / 1024).toFixed(1)} MB at 4000×3000)   (goal ≤ 300 KB)`,
  )
}

async function main(): Promise<void> {
  console.log('Woodpecker benchmark\n')
  if (existsSync(join(ROOT, 'dist', 'app.json'))) printSizes(measurePackages())
  else console.log('weapp package sizes: run npm run build:weapp first')
  console.log('(goal: main package ≤ 600 KB; hard limit 2 MB)\n')
  process.env.QUIET_HOURS ??= 'off'
  await benchTicketCreate()
  await benchCompression()
  await benchNursePath()
  await benchSlaSweep()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
