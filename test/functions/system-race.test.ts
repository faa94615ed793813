// A timer that loses its race to a person moves on: the door answers ticket.conflict and builds no
// view for the system (nobody would read it), while a person who loses gets the fresh view to decide
// again. The door runs in this process, on the real SDK against the emulator.
import { startBackend, type Backend, OWN_PHOTO } from './helpers/backend'
import { ActInput, type TicketView } from '../../types/api/ticket'
import { transition } from '../../cloudfunctions/_shared/ticket/door'
import { SYSTEM_ACTOR, userActor } from '../../cloudfunctions/_shared/ticket/actor'
import { getTicket } from '../../cloudfunctions/_shared/ticket/store/tickets'
import type { ActionContext } from '../../cloudfunctions/_shared/runtime/context'
import type { Actor, TicketDoc, UserDoc } from '../../cloudfunctions/_shared/ticket/domain/ticket'

const CAPTAIN = 'demo-floor-captain'

describe('a lost race at the door', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  /** A context on the real database that records every collection read outside a transaction. */
  const recording = () => {
    const reads: string[] = []
    const db = new Proxy(b.db, {
      get(target, prop) {
        if (prop === 'collection')
          return (name: string) => {
            reads.push(name)
            return target.collection(name)
          }
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const ctx: ActionContext = {
      openid: '',
      customUserId: '',
      appid: '',
      env: '',
      source: 'wx_trigger',
      db,
      cloud: b.sdk,
      now: () => new Date(b.clock.now()),
    }
    return { ctx, reads }
  }

  /** A fresh hazard on the captain's floor, as it stood before the captain accepted it. */
  const staleAfterAccept = async (key: string): Promise<TicketDoc> => {
    const t = await b.okAs<TicketView>('demo-staff', 'ticket', 'create', {
      clientKey: key,
      floorId: 'B07F03',
      categoryId: 'wet-floor',
      photos: [OWN_PHOTO],
    })
    const stale = (await getTicket(b.db, t.id))!
    await b.okAs(CAPTAIN, 'ticket', 'act', { id: t.id, action: 'accept' })
    return stale
  }

  const escalateFrom = async (actor: Actor, stale: TicketDoc) => {
    const { ctx, reads } = recording()
    const input = ActInput.parse({
      id: stale._id,
      action: 'escalate',
      version: stale.version,
      reason: '超时 30 分钟未受理',
    })
    const error = await transition(ctx, actor, input, { ticket: stale }).then(
      () => undefined,
      (e: { code?: string; data?: unknown }) => e,
    )
    return { error, reads }
  }

  it('answers the system ticket.conflict and reads nothing to build it a view', async () => {
    const stale = await staleAfterAccept('system-race-loses-1')
    const { error, reads } = await escalateFrom(SYSTEM_ACTOR, stale)
    expect(error).toMatchObject({ code: 'ticket.conflict' })
    expect(error?.data).toBeUndefined()
    expect(reads).not.toContain('ticket_events')
    expect(reads).not.toContain('notifications')
    expect((await getTicket(b.db, stale._id))!.level).toBe(0)
  })

  it('answers a person who lost the same race with the fresh view', async () => {
    const stale = await staleAfterAccept('system-race-loses-2')
    const users = (await b.db.collection('users').where({ openid: CAPTAIN }).get()) as unknown as {
      data: UserDoc[]
    }
    const { error, reads } = await escalateFrom(userActor(users.data[0]), stale)
    expect(error).toMatchObject({ code: 'ticket.conflict' })
    expect(error?.data).toMatchObject({ id: stale._id, status: 'processing' })
    expect(reads).toContain('ticket_events')
  })
})
