// Writes the demo hospital into an emulator through the real wx-server-sdk; re-running is harmless.
import { buildHospital, demoPersonas, DEMO_SCENE, type SeedData } from './hospital'

export { DEMO_SCENE }

const BATCH = 100

/** Seeds every collection (fixed ids, existing ones skipped) and registers the H5 personas. */
export async function seedDemo({ url }: { url: string }): Promise<Record<string, number>> {
  const env = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'seed',
    TENCENTCLOUD_SECRETKEY: 'seed',
    TENCENTCLOUD: 'true',
  }
  Object.assign(process.env, env)

  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: 'woodpecker-local' })
  const db = cloud.database()
  const data = buildHospital()
  const counts: Record<string, number> = {}
  for (const [collection, docs] of Object.entries(data) as Array<
    [keyof SeedData, Array<Record<string, unknown>>]
  >) {
    const existing = new Set<string>()
    for (let skip = 0; ; skip += 1000) {
      const page = (await db
        .collection(collection)
        .field({ _id: true })
        .skip(skip)
        .limit(1000)
        .get()) as { data: Array<{ _id: string }> }
      page.data.forEach((d) => existing.add(d._id))
      if (page.data.length < 1000) break
    }
    const fresh = docs.filter((d) => !existing.has(String(d._id)))
    for (let i = 0; i < fresh.length; i += BATCH)
      await db.collection(collection).add({ data: fresh.slice(i, i + BATCH) })
    counts[collection] = docs.length
  }
  const res = await fetch(`${url}/_emulator/personas`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoPersonas(data)),
  })
  if (!res.ok) throw new Error(`registering personas failed: ${res.status}`)
  return counts
}
