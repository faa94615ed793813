// `npm run bench:trust`: what trust costs — the gateway under hostile JSON, ticket.create with a real
// photo (metadata check + content check included), and blurring a flagged photo.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildFunctions } from './build-functions'
import { startSeededEmulator } from './lib/seeded-emulator'
import { storePhoto } from './seed/photos'
import { summarize, timeIt } from './bench-emulator'
import { pixelate } from '../cloudfunctions/_shared/media/image'

const ROOT = resolve(__dirname, '..')
const HAZARD = readFileSync(join(ROOT, 'test', 'e2e', 'fixtures', 'hazard.jpg'))

async function main(): Promise<void> {
  await buildFunctions({ quiet: true })
  const { emulator: emu } = await startSeededEmulator()
  const post = async (fn: string, openid: string, body: string) =>
    (
      await fetch(`${emu.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
        body,
      })
    ).json() as Promise<{ ok: boolean; code?: string }>
  const whoami = JSON.stringify({ action: 'whoami', input: {} })
  const deep = `{"action":"whoami","input":${'['.repeat(5000)}${']'.repeat(5000)}}`

  const before = await timeIt(50, () => post('user', 'demo-staff', whoami))
  const hostile = await timeIt(50, async () => {
    const res = await post('user', 'demo-staff', deep)
    if (res.code !== 'input.invalid') throw new Error(JSON.stringify(res))
  })
  const after = await timeIt(50, () => post('user', 'demo-staff', whoami))
  console.log(`gateway: user.whoami before hostile JSON             ${summarize(before)}`)
  console.log(`gateway: 5,000-level nesting → input.invalid         ${summarize(hostile)}`)
  console.log(`gateway: user.whoami right after                     ${summarize(after)}`)

  // Each create reports a fresh 640×480 photo stored in a slot of its reporter's, as the app stores
  // it: the answer includes the server's evidence and EXIF checks and the mediaCheckAsync request.
  const reporters = ['demo-staff', ...Array.from({ length: 11 }, (_v, i) => `o-staff-${i + 2}`)]
  const files: string[] = []
  for (let i = 0; i < 120; i++)
    files.push(
      await storePhoto(
        emu.url,
        reporters[i % reporters.length],
        `bench-${Date.now()}-${i}.jpg`,
        HAZARD,
      ),
    )
  const ms = await timeIt(100, async (i) => {
    const fileID = files[i]
    const res = await post(
      'ticket',
      reporters[i % reporters.length],
      JSON.stringify({
        action: 'create',
        input: {
          clientKey: `trust-${i}-${Date.now()}`,
          floorId: 'B07F03',
          categoryId: 'fire-exit',
          photos: [fileID],
        },
      }),
    )
    if (!res.ok) throw new Error(JSON.stringify(res))
  })
  console.log(`ticket.create with a stored photo (EXIF + content check) ${summarize(ms)}`)
  await emu.stop()

  const small = await timeIt(10, async () => pixelate(HAZARD))
  console.log(`blur a flagged 640×480 photo (jpeg-js)               ${summarize(small)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
