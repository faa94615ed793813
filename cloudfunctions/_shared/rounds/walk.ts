// Walking a round: the leader starts it (its template version is pinned), the leader and the
// participants answer floor by floor — each answer kept once by its client key, each 不合格 a hazard
// through the ticket door — and the leader ends it.
import { requireUser } from '../runtime/auth'
import type { ParsedInput } from '../../../types'
import type {
  AnswerResult,
  AnswerView,
  RoundView,
  TemplateVersion,
} from '../../../types/api/rounds'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import type { UserDoc } from '../runtime/users'
import { requireOwnPhotos } from '../media/evidence'
import { answerId, planAnswer, type AnswerDoc } from './domain/answers'
import {
  canAnswer,
  canFinish,
  canSee,
  canStart,
  roundRelations,
  type RoundDoc,
} from './domain/round'
import { currentOf, itemsById, versionToWalk, type StoredItem } from './domain/templates'
import { getAnswer, listAnswers, saveAnswer } from './store/answers'
import { getRound, moveRound } from './store/rounds'
import { getVersion, listVersions } from './store/templates'
import { recordFinding } from './findings'
import { scheduleNext } from './schedule'
import { templateView } from './templates'
import { roundView } from './view'

/** The round and the caller, once the caller may see it (else not found: a round reveals nothing). */
export async function loadRound(
  ctx: ActionContext,
  id: string,
): Promise<{ user: UserDoc; round: RoundDoc }> {
  const user = await requireUser(ctx)
  const round = await getRound(ctx.db, id)
  if (!round || !canSee(roundRelations(user, round))) throw new AppError('round.not_found')
  return { user, round }
}

const answerView = (a: AnswerDoc): AnswerView => ({
  floorId: a.floorId,
  itemId: a.itemId,
  value: a.value,
  note: a.note,
  photos: a.photos,
  clientKey: a.clientKey,
  byName: a.byName,
  at: new Date(a.at).toISOString(),
  ticketId: a.ticketId,
  fixedOnSpot: a.fixedOnSpot,
})

/** The template version a round walks (or would walk, starting now). */
async function walkedVersion(ctx: ActionContext, round: RoundDoc) {
  if (round.templateVersion !== null)
    return getVersion(ctx.db, round.templateId, round.templateVersion)
  return currentOf(await listVersions(ctx.db, round.templateId))
}

/** A round with its template version and the answers so far: all a device needs offline. */
export async function getRoundWalk(
  ctx: ActionContext,
  id: string,
): Promise<{ round: RoundView; template: TemplateVersion | null; answers: AnswerView[] }> {
  const { user, round } = await loadRound(ctx, id)
  const [template, answers] = await Promise.all([
    walkedVersion(ctx, round),
    listAnswers(ctx.db, round._id),
  ])
  return {
    round: roundView(round, user),
    template: template ? templateView(template) : null,
    answers: answers.map(answerView),
  }
}

/** The leader starts the round: from now on it walks the template's current version. */
export async function startRound(ctx: ActionContext, id: string): Promise<RoundView> {
  const { user, round } = await loadRound(ctx, id)
  const relations = roundRelations(user, round)
  if (round.status === 'open' && relations.has('leader')) return roundView(round, user)
  if (!relations.has('leader')) throw new AppError('auth.forbidden')
  if (!canStart(relations, round.status)) throw new AppError('round.invalid_state')
  const current = currentOf(await listVersions(ctx.db, round.templateId))
  const walk = versionToWalk(round.templateVersion, current)
  if ('refused' in walk) throw new AppError('round.invalid_state', walk.refused)
  const now = ctx.now()
  const patch = {
    status: 'open' as const,
    templateVersion: walk.version,
    startedAt: now,
    updatedAt: now,
  }
  await moveRound(ctx.db, round._id, 'scheduled', patch)
  const fresh = (await getRound(ctx.db, round._id)) ?? round
  return roundView(fresh, user)
}

/** One answer: planned, its photos checked, its finding reported, then kept. */
async function answerOne(
  ctx: ActionContext,
  user: UserDoc,
  round: RoundDoc,
  items: Map<string, StoredItem>,
  input: ParsedInput<'rounds', 'answer'>['answers'][number],
  index: number,
): Promise<AnswerResult> {
  const refused = (path: string, message: string, code = 'input.invalid'): AnswerResult => ({
    clientKey: input.clientKey,
    ok: false,
    code,
    message,
    path: `answers.${index}.${path}`,
    ticketId: null,
    fixedOnSpot: false,
  })
  if (!round.floorIds.includes(input.floorId)) return refused('floorId', '该楼层不在本次巡查范围内')
  const item = items.get(input.itemId)
  if (!item) return refused('itemId', '检查项不属于本次巡查的检查表')
  const id = answerId(round._id, input.floorId, input.itemId)
  const existing = await getAnswer(ctx.db, id)
  const plan = planAnswer(item, input, existing)
  if (plan.kind === 'refused') return refused(plan.path, plan.message)
  if (plan.kind === 'replay')
    return {
      clientKey: input.clientKey,
      ok: true,
      ticketId: plan.existing.ticketId,
      fixedOnSpot: plan.existing.fixedOnSpot,
    }
  const photos = input.photos ?? []
  try {
    if (photos.length) await requireOwnPhotos(ctx, user._id, 'photos', photos)
    if (input.fixedPhotos) await requireOwnPhotos(ctx, user._id, 'fixedPhotos', input.fixedPhotos)
    const finding =
      input.value === 'fail' ? await recordFinding(ctx, round, item, { ...input, photos }) : null
    const doc: AnswerDoc = {
      _id: id,
      roundId: round._id,
      floorId: input.floorId,
      buildingId: round.buildingId,
      itemId: item.id,
      itemText: item.text,
      categoryId: item.categoryId,
      grade: item.grade,
      value: input.value,
      note: input.note ?? '',
      photos,
      clientKey: input.clientKey,
      byId: user._id,
      byName: user.name,
      at: ctx.now(),
      ticketId: finding?.ticket.id ?? null,
      fixedOnSpot: finding?.fixedOnSpot ?? false,
    }
    await saveAnswer(ctx.db, doc)
    return {
      clientKey: input.clientKey,
      ok: true,
      ticketId: doc.ticketId,
      fixedOnSpot: doc.fixedOnSpot,
      ...(finding?.fixRefused ? { fixRefused: finding.fixRefused } : {}),
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const path = error.issues?.[0]?.path
    return refused(path ?? 'value', error.message, error.code)
  }
}

/** Answers from a device's queue, in order; each is kept once, whatever happens to the others. */
export async function answerRound(
  ctx: ActionContext,
  input: ParsedInput<'rounds', 'answer'>,
): Promise<{ results: AnswerResult[] }> {
  const { user, round } = await loadRound(ctx, input.id)
  const relations = roundRelations(user, round)
  if (!relations.has('leader') && !relations.has('participant'))
    throw new AppError('auth.forbidden')
  if (!canAnswer(relations, round.status)) throw new AppError('round.invalid_state')
  const version = await getVersion(ctx.db, round.templateId, round.templateVersion ?? 0)
  if (!version) throw new AppError('round.invalid_state')
  const items = itemsById(version.sections)
  const results: AnswerResult[] = []
  for (const [i, a] of input.answers.entries())
    results.push(await answerOne(ctx, user, round, items, a, i))
  return { results }
}

/** The leader (or the safety office) ends the round; a recurring one schedules its next date. */
export async function finishRound(ctx: ActionContext, id: string): Promise<RoundView> {
  const { user, round } = await loadRound(ctx, id)
  const relations = roundRelations(user, round)
  if (!relations.has('leader') && !relations.has('safety')) throw new AppError('auth.forbidden')
  if (round.status === 'done') return roundView(round, user)
  if (!canFinish(relations, round.status)) throw new AppError('round.invalid_state')
  const now = ctx.now()
  await moveRound(ctx.db, round._id, 'open', { status: 'done', finishedAt: now, updatedAt: now })
  const fresh = (await getRound(ctx.db, round._id)) ?? round
  if (fresh.status === 'done') await scheduleNext(ctx, fresh)
  return roundView(fresh, user)
}
