// Trust, class by class, through the real functions: no identity is no identity, malformed cursors
// and text are input errors or cleaned, abuse limits answer in Chinese, blocks are audited.
import { createHash } from 'node:crypto'
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import type { TicketView } from '../../types/api/ticket'
import { HOURLY_LIMITS } from '../../cloudfunctions/_shared/ticket/domain/rate-limits'

const STAFF = 'demo-staff'
const SAFETY = 'demo-safety'
const CAPTAIN = 'demo-floor-captain'
const FLOOR = 'B07F03'

/** A copy of a real push intent, back to `pending` (as a dispatcher that died would leave it). */
async function pendingIntent(b: Backend): Promise<string> {
  const res = await b.callAs<TicketView>(STAFF, 'ticket', 'create', {
    clientKey: `intent-${Date.now().toString(36)}`,
    floorId: FLOOR,
    categoryId: 'fire-exit',
    photos: [PHOTO],
  })
  if (!res.ok) throw new Error(res.message)
  const rows = (await b.db.collection('notifications').where({ ticketId: res.data.id }).get()) as {
    data: Array<Record<string, unknown>>
  }
  const { _id, ...rest } = rows.data[0]
  const id = `${String(_id)}-again`
  await b.db.collection('notifications').add({ data: { ...rest, _id: id, status: 'pending' } })
  return id
}

async function intentStatus(b: Backend, id: string): Promise<string> {
  const row = (await b.db.collection('notifications').doc(id).get()) as unknown as {
    data: { status: string }
  }
  return row.data.status
}

describe('timers still work: the platform marks them wx_trigger', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('the notify sweep, fired by its timer, sends what is pending', async () => {
    const id = await pendingIntent(b)
    expect(await intentStatus(b, id)).toBe('pending')
    await b.clock.advance(3 * 60_000)
    for (let i = 0; i < 100 && (await intentStatus(b, id)) === 'pending'; i++)
      await new Promise((r) => setImmediate(r))
    expect(await intentStatus(b, id)).not.toBe('pending')
  })
})

describe('trust', () => {
  let b: Backend
  const count = async (collection: string, where: Record<string, unknown> = {}) =>
    ((await b.db.collection(collection).where(where).count()) as { total: number }).total
  const userId = async (openid: string) =>
    (await b.okAs<{ user: { id: string } }>(openid, 'user', 'whoami', {})).user.id
  const report = (openid: string, clientKey: string, extra: Record<string, unknown> = {}) =>
    b.callAs<TicketView>(openid, 'ticket', 'create', {
      clientKey,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [PHOTO],
      ...extra,
    })

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  describe('no identity is no identity', () => {
    it.each([
      ['with an empty OPENID', ''],
      ['as a bound user', STAFF],
    ])(
      'never runs the internal push sweep for a client %s, nor for one dressed up as a timer',
      async (_name, openid) => {
        const id = await pendingIntent(b)
        for (const body of [
          { action: 'dispatch', input: { ids: [] } },
          { action: 'dispatch', input: { ids: [id] } },
          { Type: 'Timer', TriggerName: 'retry-pending' },
        ]) {
          const res = await fetch(`${b.url}/fn/notify`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
            body: JSON.stringify(body),
          })
          await expect(res.json()).resolves.toMatchObject({ ok: false, code: 'action.unknown' })
        }
        expect(await intentStatus(b, id)).toBe('pending')
      },
    )

    it.each([
      [
        'ticket',
        'create',
        { clientKey: 'anon-0001-abcdef', floorId: FLOOR, categoryId: 'fire-exit', photos: [PHOTO] },
      ],
      ['ticket', 'mine', {}],
      ['ticket', 'inbox', {}],
      ['ticket', 'get', { id: 'x' }],
      ['ticket', 'act', { id: 'x', action: 'support' }],
      ['ticket', 'openOnFloor', { floorId: FLOOR }],
      ['notify', 'consent', { results: {}, requestKey: 'empty-openid-1' }],
      ['safety', 'auditLog', {}],
    ])('answers %s.%s with an empty OPENID as auth.unknown_user', async (fn, action, input) => {
      const before = await count('tickets')
      await expect(b.callAs('', fn, action, input)).resolves.toMatchObject({
        ok: false,
        code: 'auth.unknown_user',
      })
      expect(await count('tickets')).toBe(before)
    })
  })

  describe('every malformed cursor is an input error', () => {
    const good = '2026-11-24T08:00:00.000Z|abc123'
    it.each([
      ['month 13', '2026-13-01T00:00:00.000Z|abc'],
      ['hour 99', '2026-11-24T99:00:00.000Z|abc'],
      ['30 February', '2026-02-30T00:00:00.000Z|abc'],
      ['minute 60', '2026-11-24T08:60:00.000Z|abc'],
      ['no separator', '2026-11-24T08:00:00.000Z'],
      ['empty id', '2026-11-24T08:00:00.000Z|'],
      ['an operator-shaped id', '2026-11-24T08:00:00.000Z|$gt'],
      ['not a date', 'yesterday|abc'],
      ['two bars', `${good}|abc`],
      ['empty', ''],
    ])('%s', async (_name, before) => {
      for (const action of ['mine', 'inbox']) {
        const res = await b.callAs(STAFF, 'ticket', action, { before })
        expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
        if (!res.ok) expect(res.issues?.[0]?.path).toBe('before')
      }
    })
    it('accepts a well-formed cursor', async () => {
      await expect(b.callAs(STAFF, 'ticket', 'mine', { before: good })).resolves.toMatchObject({
        ok: true,
      })
    })
  })

  describe('text is text', () => {
    it('stores descriptions and spots normalised, without control, bidi or escape characters', async () => {
      const res = await report(STAFF, 'text-0001-abcdef', {
        description: '消防通道\u202e堆物\u001b[31m红色\u001b[0m\u0007 e\u0301\u2066x\u2069',
        spot: '\u0000\u0085312室\r\n',
      })
      if (!res.ok) throw new Error(res.message)
      expect(res.data.description).toBe('消防通道堆物红色 \u00e9x')
      expect(res.data.spot).toBe('312室')
      const stored = (await b.db.collection('tickets').doc(res.data.id).get()) as unknown as {
        data: { description: string }
      }
      expect(stored.data.description).toBe('消防通道堆物红色 \u00e9x')
    })
    it('cleans reasons and notes of acts before storing and before the push', async () => {
      const t = await report(STAFF, 'text-0003-abcdef')
      if (!t.ok) throw new Error(t.message)
      const res = await b.callAs<TicketView>(SAFETY, 'ticket', 'act', {
        id: t.data.id,
        action: 'reject',
        reason: '\u202e不是隐患\u001b[2J\u0007',
      })
      if (!res.ok) throw new Error(`${res.code} ${res.message}`)
      const events = (await b.db
        .collection('ticket_events')
        .where({ ticketId: t.data.id })
        .get()) as unknown as {
        data: Array<{ action: string; note?: string }>
      }
      expect(events.data.find((e) => e.action === 'reject')?.note).toBe('不是隐患')
      const blank = await b.callAs(SAFETY, 'ticket', 'act', {
        id: t.data.id,
        action: 'reopen',
        reason: '\u202e\u0000',
      })
      expect(blank).toMatchObject({ ok: false, code: 'input.invalid' })
    })

    it('holds the limit after cleaning and names the field', async () => {
      const before = await count('tickets')
      const res = await report(STAFF, 'text-0002-abcdef', { spot: '房'.repeat(51) })
      expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
      if (!res.ok) expect(res.issues?.[0]?.path).toBe('spot')
      expect(await count('tickets')).toBe(before)
    })
  })

  describe('abuse limits', () => {
    const fakeTickets = async (reporterId: string, n: number) => {
      const now = b.clock.now()
      for (let i = 0; i < n; i++) {
        const _id = createHash('sha256')
          .update(`flood-${reporterId}-${i}`)
          .digest('hex')
          .slice(0, 32)
        await b.db.collection('tickets').add({
          data: {
            _id,
            reporterId,
            createdAt: new Date(now - 60_000 * (i + 1)),
            status: 'rejected',
            floorId: 'none',
          },
        })
      }
    }

    it('refuses the report over the hourly limit with a Chinese message, writing nothing; a retry of an earlier report still answers', async () => {
      const openid = 'o-staff-3'
      const first = await report(openid, 'limit-0001-abcdef')
      if (!first.ok) throw new Error(first.message)
      await fakeTickets(await userId(openid), HOURLY_LIMITS.report - 1)
      const before = await count('tickets')
      const refused = await report(openid, 'limit-0002-abcdef')
      expect(refused).toMatchObject({ ok: false, code: 'rate.limited' })
      if (!refused.ok) expect(refused.message).toMatch(/每小时最多上报 20 次，请约 \d+ 分钟后再试/)
      expect(await count('tickets')).toBe(before)
      await expect(report(openid, 'limit-0001-abcdef')).resolves.toMatchObject({
        ok: true,
        data: { id: first.data.id },
      })
    })

    it('refuses acts over the hourly limit', async () => {
      const openid = 'o-staff-4'
      const t = await report(STAFF, 'limit-0003-abcdef')
      if (!t.ok) throw new Error(t.message)
      const actorId = await userId(openid)
      const now = b.clock.now()
      for (let i = 0; i < HOURLY_LIMITS.act; i++)
        await b.db.collection('ticket_events').add({
          data: {
            _id: `flood-${actorId}-${i}`,
            ticketId: 'none',
            actorId,
            at: new Date(now - 1000 * i),
            seq: i,
          },
        })
      const res = await b.callAs(openid, 'ticket', 'act', { id: t.data.id, action: 'support' })
      expect(res).toMatchObject({ ok: false, code: 'rate.limited' })
      const after = await b.okAs<TicketView>(STAFF, 'ticket', 'get', { id: t.data.id })
      expect(after.supportCount).toBe(0)
      // Over the limit, every act is refused alike: whether the ticket exists or the caller may
      // take the action is never told.
      for (const act of [
        { id: t.data.id, action: 'accept' },
        { id: 'f'.repeat(32), action: 'support' },
      ]) {
        const refused = await b.callAs(openid, 'ticket', 'act', act)
        expect(refused).toMatchObject({ ok: false, code: 'rate.limited' })
        if (!refused.ok) expect(refused.message).toMatch(/每小时/)
      }
    })
  })

  describe('blocking', () => {
    it('lets only the safety office block, checks the user exists, refuses a blocked user everything, and audits once per change', async () => {
      const target = await userId('o-staff-5')
      const auditBefore = await count('audit_log')
      await expect(
        b.callAs(CAPTAIN, 'safety', 'block', { userId: target, reason: '恶意刷单' }),
      ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
      const missing = await b.callAs(SAFETY, 'safety', 'block', { userId: 'u-nobody', reason: 'x' })
      expect(missing).toMatchObject({ ok: false, code: 'input.invalid' })
      if (!missing.ok) expect(missing.issues?.[0]?.path).toBe('userId')
      expect(await count('audit_log')).toBe(auditBefore)

      await expect(
        b.callAs(SAFETY, 'safety', 'block', { userId: target, reason: '恶意刷单' }),
      ).resolves.toMatchObject({ ok: true, data: { blocked: true, changed: true } })
      await expect(
        b.callAs(SAFETY, 'safety', 'block', { userId: target, reason: '恶意刷单' }),
      ).resolves.toMatchObject({ ok: true, data: { changed: false } })
      expect(await count('audit_log')).toBe(auditBefore + 1)

      const refused = await report('o-staff-5', 'blocked-0001-abcdef')
      expect(refused).toMatchObject({ ok: false, code: 'auth.blocked' })
      if (!refused.ok) expect(refused.message).toContain('安全办')
      await expect(
        b.okAs<{ user: { blocked: boolean } }>('o-staff-5', 'user', 'whoami', {}),
      ).resolves.toMatchObject({ user: { blocked: true } })

      await expect(
        b.callAs(SAFETY, 'safety', 'unblock', { userId: target, reason: '已核实' }),
      ).resolves.toMatchObject({ ok: true, data: { blocked: false, changed: true } })
      await expect(report('o-staff-5', 'blocked-0002-abcdef')).resolves.toMatchObject({ ok: true })

      const log = await b.okAs<{
        items: Array<{ action: string; targetId: string; reason?: string }>
      }>(SAFETY, 'safety', 'auditLog', { limit: 10 })
      expect(log.items.filter((i) => i.targetId === target).map((i) => i.action)).toEqual([
        'user.unblock',
        'user.block',
      ])
      // The administration's log reads the same entries in the same shape, name and reason included.
      const people = await b.okAs<
        Array<{
          kind: string
          userId: string | null
          userName: string
          byName: string
          note: string
        }>
      >(SAFETY, 'org', 'audit.list', { userId: target })
      const name = (await b.okAs<{ user: { name: string } }>('o-staff-5', 'user', 'whoami', {}))
        .user.name
      expect(people.find((p) => p.kind === 'user.block')).toMatchObject({
        userId: target,
        userName: name,
        byName: expect.stringMatching(/\S/),
        note: '恶意刷单',
      })
      await expect(b.callAs(STAFF, 'safety', 'auditLog', {})).resolves.toMatchObject({
        ok: false,
        code: 'auth.forbidden',
      })
    })
  })
})
