// How each person on a floor's duty chain stands towards a ticket at each level: one rule
// (relationsOf) from the chain as it is now, never from the ticket's stored owner id.
import { relationsOf, userActor } from '../../../cloudfunctions/_shared/ticket/actor'
import { standingOf } from '../../../cloudfunctions/_shared/ticket/domain/standing'
import type { OwnerStep } from '../../../cloudfunctions/_shared/org/domain/owner-chain'
import type { TicketDoc, UserDoc } from '../../../cloudfunctions/_shared/ticket/domain/ticket'

const step = (level: 0 | 1 | 2 | 3, userId: string, deputy = false): OwnerStep => ({
  level,
  userId,
  openid: `o-${userId}`,
  name: userId,
  phone: '',
  deputy,
  duty: 'x',
})
// 层长 fc and his deputy fd, 协管员 co, 楼长 bc, 安全办 so; ex is a former 层长 after a handover.
const CHAIN = [step(0, 'fc'), step(0, 'fd', true), step(1, 'co'), step(2, 'bc'), step(3, 'so')]
const user = (id: string, roles: string[] = []): UserDoc => ({
  _id: id,
  openid: `o-${id}`,
  name: id,
  roles,
  active: true,
})
const ticket = (level: number, ownerId: string) =>
  ({ reporterId: 'rep', level, ownerId }) as unknown as TicketDoc
const rel = (u: UserDoc, level: number, ownerId = 'x') =>
  [...relationsOf(userActor(u), ticket(level, ownerId), CHAIN)].filter((r) => r !== 'staff').sort()

describe('relationsOf: the floor chain places everyone above, at or below the level', () => {
  it.each<[string, UserDoc, number, string[]]>([
    ['层长 at his level', user('fc'), 0, ['owner']],
    ['deputy 层长 at his level', user('fd'), 0, ['owner']],
    ['层长 after it climbed to 楼长', user('fc'), 2, ['below']],
    ['deputy 层长 after it climbed to 安全办', user('fd'), 3, ['below']],
    ['协管员 after it climbed to 楼长', user('co'), 2, ['below']],
    ['楼长 holding it', user('bc'), 2, ['owner']],
    ['楼长 before it climbs', user('bc'), 0, ['above']],
    ['安全办 on the chain', user('so', ['safety_office']), 2, ['above', 'safety']],
    ['院领导', user('boss', ['leader']), 0, ['leader']],
    ['a colleague', user('nurse'), 0, []],
  ])('%s', (_name, u, level, expected) => expect(rel(u, level)).toEqual(expected))

  it('a former 层长 keeps nothing of a ticket still stored as his', () =>
    expect(rel(user('ex'), 0, 'ex')).toEqual([]))

  it('the reporter is the reporter', () => expect(rel(user('rep'), 0)).toEqual(['reporter']))
})

describe('standingOf: where an open ticket stands', () => {
  const now = new Date('2026-12-08T02:00:00Z') // 10:00 in Shanghai
  const dayEnd = new Date('2026-12-06T15:59:59.999Z') // 2026-12-06 23:59:59 in Shanghai
  const base = { status: 'pending', level: 0, ownerName: '尹志强', deadline: null, overdue: false }
  it.each<[string, Record<string, unknown>, string | null]>([
    ['on time at its floor', {}, null],
    ['escalated to the 楼长', { level: 2, ownerName: '蔡芳' }, '已升级至 楼长 蔡芳 · 督办中'],
    [
      'escalated to the safety office',
      { level: 3, ownerName: '何静' },
      '已升级至 安全办 何静 · 督办中',
    ],
    [
      'deferred work two days late, moved to the 楼长',
      { status: 'rectifying', level: 2, ownerName: '蔡芳', deadline: dayEnd, overdue: true },
      '已升级至 楼长 蔡芳 · 督办中 · 逾期 2 天',
    ],
    [
      'a timed deadline passed this morning',
      { status: 'rectifying', deadline: new Date('2026-12-08T01:00:00Z') },
      '逾期 1 天',
    ],
    [
      'deferred work still in time',
      { status: 'rectifying', deadline: new Date('2026-12-09T00:00:00Z') },
      null,
    ],
    ['finished work says nothing', { status: 'closed', level: 2, ownerName: '蔡芳' }, null],
  ])('%s', (_name, over, expected) =>
    expect(standingOf({ ...base, ...over } as never, now)).toBe(expected),
  )
})
