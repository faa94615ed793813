// Scheduling rounds: a building (all its floors or some), a template, a leader (a 楼长 of the
// building or the safety office) and invited participants (院领导, 协管员), once or recurring.
import { createHash } from 'node:crypto'
import { Role, hasRole, requireUser } from '../runtime/auth'
import type { ParsedInput } from '../../../types'
import type { RoundView } from '../../../types/api/rounds'
import { hospitalTime } from '../../../types/time'
import { AppError } from '../runtime/app-error'
import { callerKey, type ActionContext } from '../runtime/context'
import { getUsersByIds, type UserDoc } from '../runtime/users'
import { buildingDuties, getBuildingsWithFloors } from '../org/store/org'
import { LEADER_ROLES, PARTICIPANT_ROLES, type RoundDoc } from './domain/round'
import { nextDate } from './domain/schedule'
import { currentOf } from './domain/templates'
import { getRound, insertRound } from './store/rounds'
import { listVersions } from './store/templates'
import { roundView } from './view'

const invalid = (path: string, message: string) =>
  new AppError('input.invalid', message, { issues: [{ path, message }] })

/** Whether `user` holds the 楼长 duty of the building now. */
async function isBuildingCaptain(
  ctx: ActionContext,
  userId: string,
  buildingId: string,
): Promise<boolean> {
  const duties = await buildingDuties(ctx.db, buildingId, ctx.now())
  return duties.some((d) => d.userId === userId && d.duty === Role.buildingCaptain)
}

/** Schedules a round; the same (caller, clientKey) always yields the same round. */
export async function scheduleRound(
  ctx: ActionContext,
  input: ParsedInput<'rounds', 'schedule'>,
): Promise<RoundView> {
  const user = await requireUser(ctx)
  // Authorize first: the safety office anywhere, a 楼长 in their own building.
  const safety = hasRole(user, Role.safetyOffice)
  if (!safety && !(await isBuildingCaptain(ctx, user._id, input.buildingId)))
    throw new AppError('auth.forbidden')
  const id = createHash('sha256')
    .update(`${callerKey(ctx)}\nround\n${input.clientKey}`)
    .digest('hex')
    .slice(0, 24)
  const existing = await getRound(ctx.db, id)
  if (existing) return roundView(existing, user)
  const round = await buildRound(ctx, user, id, id, input)
  await insertRound(ctx.db, round)
  return roundView((await getRound(ctx.db, id)) ?? round, user)
}

/** Checks a schedule's input against the hospital and builds the round it describes. */
async function buildRound(
  ctx: ActionContext,
  by: UserDoc,
  id: string,
  seriesId: string,
  input: ParsedInput<'rounds', 'schedule'>,
): Promise<RoundDoc> {
  const now = ctx.now()
  const today = hospitalTime(now).format('YYYY-MM-DD')
  if (input.date < today) throw invalid('date', '巡查日期不能早于今天')
  const [[building], versions, people] = await Promise.all([
    getBuildingsWithFloors(ctx.db, [input.buildingId]),
    listVersions(ctx.db, input.templateId),
    getUsersByIds(ctx.db, [input.leaderId, ...input.participantIds]),
  ])
  if (!building?.active) throw invalid('buildingId', '楼栋不存在或已停用')
  const template = currentOf(versions)
  if (!template) throw invalid('templateId', '检查表不存在')
  if (template.retired) throw invalid('templateId', '检查表已停用')
  const floors = input.floorIds
    ? input.floorIds.map((fid, i) => {
        const floor = building.floors.find((f) => f._id === fid)
        if (!floor) throw invalid(`floorIds.${i}`, '楼层不属于这栋楼或已停用')
        return floor
      })
    : building.floors
  if (floors.length === 0) throw invalid('buildingId', '这栋楼还没有楼层')
  const person = new Map(people.filter((p) => p.active).map((p) => [p._id, p]))
  const leader = person.get(input.leaderId)
  const leads =
    leader &&
    hasRole(leader, ...(LEADER_ROLES as Role[])) &&
    (hasRole(leader, Role.safetyOffice) || (await isBuildingCaptain(ctx, leader._id, building._id)))
  if (!leader || !leads) throw invalid('leaderId', '带队人应为本楼楼长或安全办人员')
  const participants = input.participantIds.map((pid, i) => {
    const p = person.get(pid)
    if (!p || !hasRole(p, ...(PARTICIPANT_ROLES as Role[])))
      throw invalid(`participantIds.${i}`, '受邀人应为院领导、协管员或安全办人员')
    if (pid === leader._id) throw invalid(`participantIds.${i}`, '带队人无需再邀请')
    return { id: p._id, name: p.name }
  })
  const sorted = [...floors].sort((a, b) => a.level - b.level)
  return {
    _id: id,
    seriesId,
    status: 'scheduled',
    buildingId: building._id,
    buildingName: building.name,
    floors: sorted.map((f) => ({ id: f._id, name: f.name })),
    allFloors: !input.floorIds,
    floorIds: sorted.map((f) => f._id),
    templateId: template.templateId,
    templateName: template.name,
    templateVersion: null,
    leaderId: leader._id,
    leaderName: leader.name,
    participants: [...new Map(participants.map((p) => [p.id, p])).values()],
    participantIds: [...new Set(participants.map((p) => p.id))],
    date: input.date,
    recurrence: input.recurrence,
    startedAt: null,
    finishedAt: null,
    remindedAt: null,
    createdBy: by._id,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The next occurrence of a recurring round, scheduled when one ends: same building, floors (all of
 * today's when it walks them all), people and template (its current version when it starts). Its id
 * comes from the series and the date, so ending a round twice schedules it once.
 */
export async function scheduleNext(ctx: ActionContext, done: RoundDoc): Promise<void> {
  const date = nextDate(done.date, done.recurrence)
  if (!date) return
  const id = createHash('sha256').update(`${done.seriesId}\n${date}`).digest('hex').slice(0, 24)
  if (await getRound(ctx.db, id)) return
  const [by] = await getUsersByIds(ctx.db, [done.createdBy])
  if (!by) return
  const today = hospitalTime(ctx.now()).format('YYYY-MM-DD')
  const next = await buildRound(ctx, by, id, done.seriesId, {
    clientKey: id,
    buildingId: done.buildingId,
    floorIds: done.allFloors ? undefined : done.floorIds,
    templateId: done.templateId,
    leaderId: done.leaderId,
    participantIds: done.participantIds,
    // A round finished late never schedules its successor in the past.
    date: date < today ? today : date,
    recurrence: done.recurrence,
  }).catch((error: unknown) => {
    // The roster or the template changed so the series cannot go on as it was: it stops here.
    if (error instanceof AppError) return null
    throw error
  })
  if (next) await insertRound(ctx.db, next)
}
