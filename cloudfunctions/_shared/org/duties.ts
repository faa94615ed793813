// The duty roster of a building: who holds which duty, with deputies, validity dates and handovers.
// A handover ends the old duty and starts a new one; nothing is overwritten, so history stays.
import { Role, isRosterDuty, type RosterDuty } from '../../../types/roles'
import { randomBytes } from 'node:crypto'
import { AppError, type Routes } from '../runtime'
import type { DutyDoc } from './store/org'
import {
  endDuty,
  getDuty,
  insertDuties,
  listAllFloors,
  listDutiesOfBuilding,
} from './store/org-admin'
import { getUsersByIds, isBound } from '../runtime/users'
import { deputyAllowed, roleLabel } from './domain/roster'
import { ensurePerson, syncRoles } from './people'
import { assertBuilding, requireAdmin } from './scope'
import { buildingFor } from './places'
import { floorFor } from './scope'

type R = Routes<'org'>

const isOpen = (d: DutyDoc, at: Date) =>
  new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at)

export const dutyRoutes: Pick<R, 'duties.list' | 'duty.assign' | 'duty.end'> = {
  'duties.list': async ({ buildingId, history }, ctx) => {
    const admin = await requireAdmin(ctx)
    await buildingFor(admin, ctx, buildingId)
    const floors = await listAllFloors(ctx.db, buildingId)
    const now = ctx.now()
    const duties = (
      await listDutiesOfBuilding(
        ctx.db,
        buildingId,
        floors.map((f) => f._id),
      )
    ).filter((d) => history || !d.validTo || new Date(d.validTo) > now)
    const users = new Map(
      (
        await getUsersByIds(
          ctx.db,
          duties.map((d) => d.userId),
        )
      ).map((u) => [u._id, u]),
    )
    const floorOrder = new Map(floors.map((f, i) => [f._id, i]))
    return {
      duties: duties
        .filter((d) => isRosterDuty(d.duty))
        .map((d) => {
          const u = users.get(d.userId)
          const kind = d.duty as RosterDuty
          return {
            id: d._id,
            kind,
            role: roleLabel(kind, d.deputy),
            buildingId,
            floorId: d.floorId ?? null,
            deputy: d.deputy,
            validFrom: new Date(d.validFrom).toISOString(),
            validTo: d.validTo ? new Date(d.validTo).toISOString() : null,
            current: isOpen(d, now),
            userId: d.userId,
            name: u?.name ?? '（已删除）',
            phone: u?.phone ?? '',
            departmentName: u?.departmentName ?? '',
            bound: u ? isBound(u) : false,
          }
        })
        .sort(
          (a, b) =>
            (a.floorId ? (floorOrder.get(a.floorId) ?? 0) + 1 : 0) -
              (b.floorId ? (floorOrder.get(b.floorId) ?? 0) + 1 : 0) ||
            a.kind.localeCompare(b.kind) ||
            Number(a.deputy) - Number(b.deputy) ||
            b.validFrom.localeCompare(a.validFrom),
        ),
    }
  },
  'duty.assign': async (input, ctx) => {
    const admin = await requireAdmin(ctx)
    await buildingFor(admin, ctx, input.buildingId)
    if (input.deputy && !deputyAllowed(input.kind))
      throw new AppError('input.invalid', '楼长没有备岗：每栋楼一位楼长，换人请选择「交接」', {
        issues: [{ path: 'deputy', message: '楼长没有备岗' }],
      })
    if (input.kind === Role.floorCaptain) {
      if (!input.floorId)
        throw new AppError('input.invalid', '层长须指定楼层', {
          issues: [{ path: 'floorId', message: '必填' }],
        })
      const floor = await floorFor(admin, ctx, input.floorId)
      if (floor.buildingId !== input.buildingId || !floor.active)
        throw new AppError('input.invalid', '楼层不属于这栋楼或已停用', {
          issues: [{ path: 'floorId', message: '楼层不属于这栋楼或已停用' }],
        })
    } else if (input.floorId) {
      throw new AppError('input.invalid', '楼长和协管员不属于某一层', {
        issues: [{ path: 'floorId', message: '应留空' }],
      })
    }
    const now = ctx.now()
    const from = input.validFrom ? new Date(input.validFrom) : now
    const to = input.validTo ? new Date(input.validTo) : null
    if (to && to <= from)
      throw new AppError('input.invalid', '结束日期应晚于开始日期', {
        issues: [{ path: 'validTo', message: '应晚于开始日期' }],
      })
    const floors = await listAllFloors(ctx.db, input.buildingId)
    const existing = (
      await listDutiesOfBuilding(
        ctx.db,
        input.buildingId,
        floors.map((f) => f._id),
      )
    ).filter(
      (d) =>
        d.duty === input.kind &&
        (d.floorId ?? null) === (input.floorId ?? null) &&
        d.deputy === input.deputy &&
        (!d.validTo || new Date(d.validTo) > from),
    )
    const person = await ensurePerson(ctx.db, input.person)
    const same = existing.find((d) => d.userId === person._id)
    if (same) return { dutyId: same._id, userId: person._id, ended: [] }
    // One primary per slot (层长 of a floor, 楼长 / first 协管员 of a building); deputies add up.
    const single = !input.deputy
    if (single && existing.length && !input.handover)
      throw new AppError(
        'input.invalid',
        `这个岗位已有人担任，请选择「交接」以结束前任并由新人接任`,
        { issues: [{ path: 'handover', message: '岗位已有人担任' }] },
      )
    const ended: string[] = []
    if (input.handover && single)
      for (const d of existing) if (await endDuty(ctx.db, d._id, from)) ended.push(d._id)
    const duty: DutyDoc = {
      _id: `d-${input.kind}-${input.floorId ?? input.buildingId}-${person._id}-${randomBytes(3).toString('hex')}`,
      userId: person._id,
      duty: input.kind,
      ...(input.floorId ? { floorId: input.floorId } : {}),
      buildingId: input.buildingId,
      deputy: input.deputy,
      validFrom: from,
      validTo: to,
    }
    await insertDuties(ctx.db, [duty])
    const previous = await getUsersByIds(
      ctx.db,
      existing.filter((d) => ended.includes(d._id)).map((d) => d.userId),
    )
    await syncRoles(ctx.db, [person, ...previous], now)
    return { dutyId: duty._id, userId: person._id, ended }
  },
  'duty.end': async ({ id, at }, ctx) => {
    const admin = await requireAdmin(ctx)
    const duty = await getDuty(ctx.db, id)
    if (!duty) throw new AppError(admin.all ? 'org.not_found' : 'auth.forbidden')
    const buildingId =
      duty.buildingId ?? (duty.floorId ? (await floorFor(admin, ctx, duty.floorId)).buildingId : '')
    if (!buildingId || !isRosterDuty(duty.duty)) throw new AppError('auth.forbidden')
    assertBuilding(admin, buildingId)
    const when = at ? new Date(at) : ctx.now()
    const ended = await endDuty(ctx.db, id, when)
    const [user] = await getUsersByIds(ctx.db, [duty.userId])
    if (user) await syncRoles(ctx.db, [user], ctx.now())
    return { id, ended }
  },
}
