// The code each function worker runs (plain JS, evaluated): load the function once, then serve one
// invocation at a time with that invocation's identity and environment in process.env, as a fresh
// SCF instance would. Before the function loads, the global Date is replaced by one whose now() and
// argument-less constructor read the emulator's time, which the pool sends with each invocation: a
// fixed instant on a still clock, else the machine's time plus an offset (0 on the system clock) — so
// `new Date()` in a function is the emulator's time, and functions never branch on it.
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Module = require('node:module')
const localRequire = Module.createRequire(workerData.entry)

const RealDate = Date
let frozenAt = null
let clockOffset = 0
const emulatorNow = () => (frozenAt === null ? RealDate.now() + clockOffset : frozenAt)
function EmulatorDate(...args) {
  if (!new.target) return new RealDate(emulatorNow()).toString()
  return Reflect.construct(RealDate, args.length ? args : [emulatorNow()], new.target)
}
Object.setPrototypeOf(EmulatorDate, RealDate)
Object.defineProperty(EmulatorDate, 'name', { value: 'Date' })
Object.defineProperty(EmulatorDate, 'length', { value: 7 })
EmulatorDate.prototype = RealDate.prototype
EmulatorDate.now = function now() { return emulatorNow() }
Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatorDate, writable: true, configurable: true })
globalThis.Date = EmulatorDate

let fn = null
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
let lastEnvKeys = []
parentPort.on('message', async (msg) => {
  for (const k of IDENTITY_KEYS) delete process.env[k]
  for (const k of lastEnvKeys) delete process.env[k]
  lastEnvKeys = Object.keys(msg.env)
  Object.assign(process.env, msg.env)
  frozenAt = typeof msg.time.frozenAt === 'number' ? msg.time.frozenAt : null
  clockOffset = Number(msg.time.offset) || 0
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
