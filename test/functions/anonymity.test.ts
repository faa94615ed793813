// Anonymity for the whole life of a ticket: hidden on every event for everyone but the reporter;
// the safety office reveals it only on purpose, with a reason, and every reveal is audited.
import { OWN_PHOTO, startBackend, type Backend } from './helpers/backend'
import type { TicketView } from '../../types/api/ticket'

describe('an anonymous reporter', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('stays hidden on every event, and a reveal by the safety office is audited', async () => {
    const t = await b.okAs<TicketView>('demo-staff', 'ticket', 'create', {
      clientKey: 'anon-life-abcdefgh',
      floorId: 'B07F05',
      categoryId: 'wet-floor',
      photos: [OWN_PHOTO],
      anonymous: true,
    })
    await b.okAs('o-fc-B07F05', 'ticket', 'act', {
      id: t.id,
      action: 'fix',
      afterPhotos: [OWN_PHOTO],
    })
    await b.okAs('demo-staff', 'ticket', 'act', { id: t.id, action: 'reopen', reason: '还在漏水' })
    for (const viewer of ['o-fc-B07F05', 'demo-coordinator', 'demo-safety']) {
      const seen = await b.okAs<TicketView>(viewer, 'ticket', 'get', { id: t.id })
      expect(seen.reporterName).toBeNull()
      expect(JSON.stringify(seen)).not.toContain('李护士')
    }
    expect((await b.okAs<TicketView>('demo-safety', 'ticket', 'get', { id: t.id })).canReveal).toBe(
      true,
    )
    await expect(
      b.callAs('demo-coordinator', 'ticket', 'reveal', { id: t.id, reason: '核实情况' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
    const before = ((await b.db.collection('audit_log').count()) as { total: number }).total
    await expect(
      b.okAs('demo-safety', 'ticket', 'reveal', { id: t.id, reason: '核实情况' }),
    ).resolves.toEqual({ reporterName: '李护士' })
    const audit = (await b.db
      .collection('audit_log')
      .where({ action: 'ticket.reveal_reporter', targetId: t.id })
      .get()) as unknown as { data: Array<{ reason: string }> }
    expect(audit.data.map((a) => a.reason)).toEqual(['核实情况'])
    expect(((await b.db.collection('audit_log').count()) as { total: number }).total).toBe(
      before + 1,
    )
  })
})
