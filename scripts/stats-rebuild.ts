// `npm run stats:rebuild -- [--url http://127.0.0.1:8787] [--repair]`: recounts every statistics
// counter from the ledger's counted transitions (cross-checked against the ticket journal), prints
// each difference from the live counters (their shards summed), and with --repair overwrites them
// (one piece per counter; best run while nobody acts). Exit 1 on differences left unrepaired.
import { rebuildCounters } from '../cloudfunctions/_shared/stats/rebuild'

async function main(): Promise<void> {
  const i = process.argv.indexOf('--url')
  const url = i >= 0 ? process.argv[i + 1] : `http://127.0.0.1:${process.env.PORT ?? 8787}`
  const repair = process.argv.includes('--repair')
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'rebuild',
    TENCENTCLOUD_SECRETKEY: 'rebuild',
    TENCENTCLOUD: 'true',
  })
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: process.env.TCB_ENV ?? 'woodpecker-local' })
  const started = Date.now()
  const r = await rebuildCounters(cloud.database(), repair)
  console.log(`recounted ${r.transitions} transitions in ${Date.now() - started} ms`)
  if (r.uncounted.length)
    console.log(
      `${r.uncounted.length} journal events are not counted yet (the per-minute catch-up counts recorded ones), e.g. ${r.uncounted.slice(0, 5).join(', ')}`,
    )
  if (r.unjournaled.length)
    console.log(
      `${r.unjournaled.length} counted transitions have no journal event, e.g. ${r.unjournaled.slice(0, 5).join(', ')}`,
    )
  if (r.gaps.length)
    console.log(
      `${r.gaps.length} tickets changed without being counted before ${r.gaps.slice(0, 5).join(', ')}`,
    )
  if (r.diffs.length === 0) console.log('live counters equal the recount ✔')
  else {
    console.log(`${r.diffs.length} counters differ (live → recount):`)
    for (const d of r.diffs.slice(0, 50))
      console.log(`  ${d.doc} ${d.field}: ${d.live} → ${d.recount}`)
    if (r.diffs.length > 50) console.log(`  … and ${r.diffs.length - 50} more`)
    console.log(
      r.repaired ? 'repaired: live counters now equal the recount' : 'run with --repair to fix',
    )
  }
  process.exit(r.diffs.length > 0 && !r.repaired ? 1 : 0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(2)
})
