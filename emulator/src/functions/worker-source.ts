// The code each function worker runs (plain JS, evaluated): load the function once, then serve one
// invocation at a time with that invocation's identity in process.env, as a fresh SCF instance would.
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Module = require('node:module')
const localRequire = Module.createRequire(workerData.entry)
let fn = null
// Time inside a function follows the emulator's clock (a manual clock in tests and demo seeding):
// each invocation carries the emulator's now, and Date runs on from there.
const RealDate = Date
let offset = 0
class EmulatorDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset)
    else super(...args)
  }
  static now() {
    return RealDate.now() + offset
  }
}
globalThis.Date = EmulatorDate
const IDENTITY_KEYS = ${JSON.stringify([
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_API_TOKEN',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'TCB_SOURCE',
  'TRIGGER_SRC',
  'WX_TRIGGER_API_TOKEN_V0',
])}
parentPort.on('message', async (msg) => {
  for (const k of IDENTITY_KEYS) delete process.env[k]
  Object.assign(process.env, msg.env)
  offset = typeof msg.nowMs === 'number' ? msg.nowMs - RealDate.now() : 0
  try {
    if (!fn) {
      const mod = localRequire(workerData.entry)
      fn = mod.main || (mod.default && mod.default.main)
      if (typeof fn !== 'function') throw new Error('the function exports no main(event, context)')
    }
    const result = await fn(msg.event, msg.context)
    parentPort.postMessage({ id: msg.id, ok: true, result: result === undefined ? null : JSON.stringify(result) })
  } catch (error) {
    parentPort.postMessage({ id: msg.id, ok: false, error: String((error && error.stack) || error) })
  }
})
`
