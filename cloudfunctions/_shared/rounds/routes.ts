// The rounds routes: checklists, scheduling, walking, reports.
import { roundInvitees } from './invitees'
import type { Routes } from '../runtime'
import type { InternalRoutes } from '../runtime/define-function'
import { getTemplate, listTemplates, retire, saveTemplate } from './templates'
import { scheduleRound } from './schedule'
import { answerRound, finishRound, getRoundWalk, startRound } from './walk'
import { dueRounds, listRounds, openRoundsOnFloor } from './lists'
import { roundReport } from './report'
import { roundFigures } from './figures'
import { remindTomorrow } from './remind'

/** Every rounds action a client may call. */
export const roundsRoutes: Routes<'rounds'> = {
  'templates.list': ({ includeRetired }, ctx) => listTemplates(ctx, includeRetired),
  'templates.get': ({ templateId, version }, ctx) => getTemplate(ctx, templateId, version),
  'templates.save': (input, ctx) => saveTemplate(ctx, input),
  'templates.retire': ({ templateId }, ctx) => retire(ctx, templateId),
  schedule: (input, ctx) => scheduleRound(ctx, input),
  invitees: ({ buildingId }, ctx) => roundInvitees(ctx, buildingId),
  list: (input, ctx) => listRounds(ctx, input),
  due: (_input, ctx) => dueRounds(ctx),
  get: ({ id }, ctx) => getRoundWalk(ctx, id),
  start: ({ id }, ctx) => startRound(ctx, id),
  answer: (input, ctx) => answerRound(ctx, input),
  finish: ({ id }, ctx) => finishRound(ctx, id),
  openOnFloor: ({ floorId }, ctx) => openRoundsOnFloor(ctx, floorId),
  report: ({ id }, ctx) => roundReport(ctx, id),
  figures: ({ from, to }, ctx) => roundFigures(ctx, from, to),
}

/** Server-only: the daily reminder, callable by the timer or another function. */
export const roundsInternal: InternalRoutes<'rounds'> = {
  remind: (_input, ctx) => remindTomorrow(ctx),
}
