// PC sign-in by scanning, through the real functions and the emulator's web-SDK wire: a PC shows a
// code, the phone confirms, the PC signs in with the ticket and is that person with their scope;
// expired, reused and unconfirmed codes are refused; an ended session fails at its next call.
import { startBackend, FUNCTIONS_DIR, type Backend } from './helpers/backend'
import { webClient, type WebClient } from './helpers/web-client'
import { createStillClock, startEmulator } from '../../emulator/src/index'

const CAPTAIN = 'demo-floor-captain'
const STAFF = 'demo-staff'
const SAFETY = 'demo-safety'
const PC_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 安全办电脑'

interface Started {
  scene: string
  pollKey: string
  expiresAt: string
  code: string
}
interface Polled {
  status: string
  ticket?: string
  name?: string
}

describe('PC sign-in by scanning with the mini-program', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 120_000)
  afterAll(() => b.stop())

  const userIdOf = async (openid: string) =>
    (await b.okAs<{ user: { id: string } }>(openid, 'user', 'whoami', {})).user.id

  /** A PC that asked for a code. */
  async function showCode(): Promise<{ pc: WebClient; started: Started }> {
    const pc = webClient(b.url)
    await pc.signInAnonymously()
    const res = await pc.call<Started>('signin', 'start', { userAgent: PC_AGENT })
    if (!res.ok) throw new Error(`start failed: ${res.code} ${res.message}`)
    return { pc, started: res.data }
  }

  const poll = async (pc: WebClient, s: Started, pollKey = s.pollKey) => {
    const res = await pc.call<Polled>('signin', 'poll', { scene: s.scene, pollKey })
    if (!res.ok) throw new Error(`poll failed: ${res.code} ${res.message}`)
    return res.data
  }

  /** A PC signed in as the person behind `openid`. */
  async function signedInAs(openid: string): Promise<{ pc: WebClient; started: Started }> {
    const { pc, started } = await showCode()
    await b.okAs(openid, 'signin', 'confirm', { scene: started.scene })
    const polled = await poll(pc, started)
    const signed = await pc.signInWithTicket(polled.ticket!)
    if (!signed.ok) throw new Error(`ticket refused: ${JSON.stringify(signed.body)}`)
    return { pc, started }
  }

  it('shows a one-time code of ≤ 32 characters that expires in 2 minutes', async () => {
    const { started } = await showCode()
    expect(started.scene).toMatch(/^[0-9a-f]{32}$/)
    expect(new Date(started.expiresAt).getTime() - b.clock.now()).toBe(2 * 60_000)
    expect(started.code).toMatch(/^data:image\/png;base64,/)
    const again = await showCode()
    expect(again.started.scene).not.toBe(started.scene)
  })

  it('the phone sees the PC, confirms, and the PC signs in as that person with exactly their scope', async () => {
    const { pc, started } = await showCode()
    expect(await poll(pc, started)).toEqual({ status: 'pending' })
    const described = await b.okAs<{ userAgent: string }>(CAPTAIN, 'signin', 'describe', {
      scene: started.scene,
    })
    expect(described.userAgent).toBe(PC_AGENT)
    expect(await b.okAs(CAPTAIN, 'signin', 'confirm', { scene: started.scene })).toEqual({
      approved: true,
    })
    const polled = await poll(pc, started)
    expect(polled.status).toBe('approved')
    expect(polled.ticket).toEqual(expect.any(String))
    expect((await pc.signInWithTicket(polled.ticket!)).ok).toBe(true)

    const asPc = await pc.call<{ user: { id: string; roles: string[] } }>('user', 'whoami')
    const asPhone = await b.okAs<{ user: { id: string; roles: string[] } }>(
      CAPTAIN,
      'user',
      'whoami',
    )
    expect(asPc.ok && asPc.data.user).toEqual(asPhone.user)
    // The same work, and the same refusal of what is not theirs.
    const benchPc = await pc.call('ticket', 'workbench', {})
    expect(benchPc).toEqual(await b.callAs(CAPTAIN, 'ticket', 'workbench', {}))
    const auditPc = await pc.call('safety', 'auditLog', {})
    expect(auditPc).toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect(await b.callAs(CAPTAIN, 'safety', 'auditLog', {})).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })

    const log = await b.okAs<{
      items: Array<{ action: string; targetId: string; actorName: string }>
    }>(SAFETY, 'safety', 'auditLog', { limit: 50 })
    const entry = log.items.find((i) => i.action === 'pc.signin' && i.targetId === started.scene)
    expect(entry?.actorName).toBe(polled.name)
  })

  it('refuses a reused code: a second pick-up, a second confirmation, a second use of the ticket', async () => {
    const { pc, started } = await showCode()
    await b.okAs(CAPTAIN, 'signin', 'confirm', { scene: started.scene })
    // A retry of the same confirmation answers as the first did.
    expect(await b.okAs(CAPTAIN, 'signin', 'confirm', { scene: started.scene })).toEqual({
      approved: true,
    })
    expect(await b.callAs(STAFF, 'signin', 'confirm', { scene: started.scene })).toMatchObject({
      ok: false,
      code: 'signin.used',
    })
    const polled = await poll(pc, started)
    expect(await poll(pc, started)).toEqual({ status: 'used' })
    expect(await b.callAs(STAFF, 'signin', 'confirm', { scene: started.scene })).toMatchObject({
      ok: false,
      code: 'signin.used',
    })
    expect((await pc.signInWithTicket(polled.ticket!)).ok).toBe(true)
    const other = webClient(b.url)
    expect(await other.signInWithTicket(polled.ticket!)).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses an expired code, confirmed or not, and a code polled without its key', async () => {
    const lateConfirm = await showCode()
    const unpicked = await showCode()
    await b.okAs(CAPTAIN, 'signin', 'confirm', { scene: unpicked.started.scene })
    expect(
      await lateConfirm.pc.call('signin', 'poll', {
        scene: lateConfirm.started.scene,
        pollKey: 'f'.repeat(32),
      }),
    ).toMatchObject({ ok: false, code: 'signin.expired' })
    await b.clock.advance(2 * 60_000)
    expect(
      await b.callAs(CAPTAIN, 'signin', 'confirm', { scene: lateConfirm.started.scene }),
    ).toMatchObject({ ok: false, code: 'signin.expired' })
    expect(await poll(lateConfirm.pc, lateConfirm.started)).toEqual({ status: 'expired' })
    expect(await poll(unpicked.pc, unpicked.started)).toEqual({ status: 'expired' })
  })

  it('an unconfirmed code gives no ticket, and an anonymous PC is nobody', async () => {
    const { pc, started } = await showCode()
    expect(await poll(pc, started)).toEqual({ status: 'pending' })
    expect(await pc.call('ticket', 'workbench', {})).toMatchObject({
      ok: false,
      code: 'auth.unknown_user',
    })
    const whoami = await pc.call<{ user: unknown }>('user', 'whoami')
    expect(whoami.ok && whoami.data.user).toBeNull()
  })

  it('only the mini-program confirms: a signed-in PC cannot open another', async () => {
    const { pc } = await signedInAs(CAPTAIN)
    const other = await showCode()
    expect(await pc.call('signin', 'confirm', { scene: other.started.scene })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
  })

  it('the phone lists its PC sessions and ends one: that PC fails at its next call (audited)', async () => {
    const staffId = await userIdOf(STAFF)
    const { pc, started } = await signedInAs(STAFF)
    const listed = await b.okAs<{
      items: Array<{ id: string; userAgent: string; current: boolean }>
    }>(STAFF, 'signin', 'sessions')
    expect(listed.items).toContainEqual(
      expect.objectContaining({ id: started.scene, userAgent: PC_AGENT, current: false }),
    )
    const own = await pc.call<{ items: Array<{ id: string; current: boolean }> }>(
      'signin',
      'sessions',
    )
    expect(own.ok && own.data.items.find((i) => i.id === started.scene)?.current).toBe(true)
    // Nobody else ends it.
    expect(await b.callAs(CAPTAIN, 'signin', 'end', { id: started.scene })).toMatchObject({
      ok: false,
      code: 'org.not_found',
    })
    expect(await b.okAs(STAFF, 'signin', 'end', { id: started.scene })).toEqual({ ended: true })
    expect(await b.okAs(STAFF, 'signin', 'end', { id: started.scene })).toEqual({ ended: false })
    expect(await pc.call('user', 'whoami')).toMatchObject({ ok: false, code: 'auth.session_ended' })
    expect(await pc.call('ticket', 'workbench', {})).toMatchObject({
      ok: false,
      code: 'auth.session_ended',
    })
    const rows = (await b.db
      .collection('audit_log')
      .where({ targetId: started.scene, action: 'pc.signout' })
      .get()) as unknown as { data: Array<{ actorId: string; detail: { by: string } }> }
    expect(rows.data).toEqual([expect.objectContaining({ actorId: staffId })])
    expect(rows.data[0].detail.by).toBe('phone')
  })

  it('退出 on the PC ends its own session; a session also ends after its time', async () => {
    const { pc } = await signedInAs(CAPTAIN)
    expect(await pc.call('signin', 'end', {})).toEqual({ ok: true, data: { ended: true } })
    expect(await pc.call('user', 'whoami')).toMatchObject({ ok: false, code: 'auth.session_ended' })
    // The SDK's signOut then revokes the token: the gateway no longer knows it.
    await pc.signOut()
    expect(await pc.status('user', 'whoami')).toBe(401)

    const later = await signedInAs(CAPTAIN)
    expect((await later.pc.call('ticket', 'workbench', {})).ok).toBe(true)
    // Access tokens run out sooner and are refreshed; the session itself lasts 12 hours.
    await b.clock.advance(12 * 3600_000 - 60_000)
    expect(await later.pc.refresh()).toBe(true)
    expect((await later.pc.call('ticket', 'workbench', {})).ok).toBe(true)
    await b.clock.advance(60_000)
    expect(await later.pc.call('ticket', 'workbench', {})).toMatchObject({
      ok: false,
      code: 'auth.session_ended',
    })
    expect(await later.pc.refresh()).toBe(false)
  })

  it('a call without a valid access token is refused at the gateway', async () => {
    const stranger = webClient(b.url)
    expect(await stranger.status('user', 'whoami')).toBe(401)
  })

  it('one browser asking for codes too often is refused before anything is written; another is not', async () => {
    const pc = webClient(b.url)
    await pc.signInAnonymously()
    const ask = () => pc.call<Started>('signin', 'start', { userAgent: PC_AGENT })
    for (let i = 0; i < 10; i++) expect((await ask()).ok).toBe(true)
    const stored = async () =>
      ((await b.db.collection('pc_sessions').count()) as { total: number }).total
    const before = await stored()
    const refused = await ask()
    expect(refused).toMatchObject({ ok: false, code: 'rate.limited' })
    expect(!refused.ok && refused.message).toContain('10 分钟后')
    expect(await stored()).toBe(before)
    // Another PC is not held back by this one.
    await showCode()
    // Ten minutes on, the first may again.
    await b.clock.advance(10 * 60_000 + 1)
    expect((await ask()).ok).toBe(true)
  })
})

describe('the header gateway is a dev convenience only', () => {
  it('refuses a deployed-mode call with only an x-woodpecker-openid header', async () => {
    const emulator = await startEmulator({
      port: 0,
      memory: true,
      quiet: true,
      functionsDir: FUNCTIONS_DIR,
      clock: createStillClock(),
      mode: 'deployed',
    })
    try {
      const res = await fetch(`${emulator.url}/fn/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': CAPTAIN },
        body: JSON.stringify({ action: 'whoami', input: {} }),
      })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { message: string }).message).toMatch(/扫码登录/)
      // The web SDK's way still works there.
      const pc = webClient(emulator.url)
      await pc.signInAnonymously()
      expect(await pc.call('user', 'whoami')).toMatchObject({ ok: true, data: { user: null } })
    } finally {
      await emulator.stop()
    }
  })
})
