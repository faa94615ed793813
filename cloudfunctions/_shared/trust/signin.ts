// PC sign-in by scanning: the PC shows a code, the staff member confirms it in the mini-program,
// the PC picks up a custom-login ticket with the key only it holds. Sign-ins and sign-outs are audited.
import { createHash, randomBytes } from 'node:crypto'
import { SIGNIN_PAGE } from '../../../types/api/signin'
import { findCaller, requireUser } from '../runtime/auth'
import { AppError, type ActionContext, type Routes } from '../runtime'
import { visitorKey } from '../runtime/context'
import {
  activatePcSession,
  countPcStartsSince,
  approvePcSession,
  endPcSession,
  findLivePcSession,
  getPcSession,
  insertPcSession,
  listLivePcSessions,
  type PcSessionDoc,
} from '../runtime/pc-sessions'
import type { UserDoc } from '../runtime/users'
import { miniProgramCode } from '../org/wxacode'
import {
  CODE_LIFETIME_MS,
  SESSION_LIFETIME_MS,
  START_LIMITS,
  codeStatus,
  confirmRefusal,
  startRefusal,
} from './domain/pc-session'
import { createLoginTicket } from './login-ticket'
import { recordAudit } from './store/audit'

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex')

/** Only the mini-program confirms or ends from the phone: a signed-in PC cannot open another. */
async function requirePhoneUser(ctx: ActionContext): Promise<UserDoc> {
  if (!ctx.openid) throw new AppError('auth.forbidden')
  return requireUser(ctx)
}

async function auditSession(
  ctx: ActionContext,
  action: 'pc.signin' | 'pc.signout',
  actor: Pick<UserDoc, '_id' | 'name'>,
  session: PcSessionDoc,
  at: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(ctx.db, {
    action,
    actorId: actor._id,
    actorName: actor.name,
    targetType: 'pc_session',
    targetId: session._id,
    targetName: session.userName,
    detail: { userAgent: session.userAgent, ...detail },
    at,
    dedupeKey: session._id,
  })
}

/** The signin function's routes. */
export const signinRoutes: Routes<'signin'> = {
  start: async (input, ctx) => {
    const now = ctx.now()
    const askedBy = visitorKey(ctx)
    const since = new Date(now.getTime() - START_LIMITS.windowMs)
    const refusal = startRefusal(await countPcStartsSince(ctx.db, askedBy, since))
    if (refusal) throw new AppError('rate.limited', refusal)
    const scene = randomBytes(16).toString('hex')
    const pollKey = randomBytes(16).toString('hex')
    const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS)
    const code = await miniProgramCode(ctx, SIGNIN_PAGE, scene)
    await insertPcSession(ctx.db, {
      _id: scene,
      pollKeyHash: hashKey(pollKey),
      askedBy,
      userAgent: input.userAgent,
      status: 'pending',
      createdAt: now,
      expiresAt,
    })
    return {
      scene,
      pollKey,
      expiresAt: expiresAt.toISOString(),
      code: `data:${code.contentType};base64,${code.buffer.toString('base64')}`,
    }
  },

  poll: async ({ scene, pollKey }, ctx) => {
    const now = ctx.now()
    const session = await getPcSession(ctx.db, scene)
    if (!session || session.pollKeyHash !== hashKey(pollKey)) throw new AppError('signin.expired')
    const status = codeStatus(session, now)
    if (status !== 'approved') return { status }
    const endsAt = new Date(now.getTime() + SESSION_LIFETIME_MS)
    // One PC, one pick-up: a second poll finds the session active and is told it was used.
    if (!(await activatePcSession(ctx.db, scene, session.pollKeyHash, now, endsAt)))
      return { status: codeStatus((await getPcSession(ctx.db, scene)) ?? session, now) }
    const ticket = await createLoginTicket(ctx, session.uid!, endsAt)
    await auditSession(
      ctx,
      'pc.signin',
      { _id: session.userId!, name: session.userName! },
      session,
      now,
    )
    return { status, ticket, name: session.userName }
  },

  describe: async ({ scene }, ctx) => {
    await requirePhoneUser(ctx)
    const session = await getPcSession(ctx.db, scene)
    const refusal = confirmRefusal(session, ctx.now())
    if (refusal) throw new AppError(refusal)
    return {
      userAgent: session!.userAgent,
      createdAt: new Date(session!.createdAt).toISOString(),
      expiresAt: new Date(session!.expiresAt).toISOString(),
    }
  },

  confirm: async ({ scene }, ctx) => {
    const user = await requirePhoneUser(ctx)
    const now = ctx.now()
    const uid = `pc_${randomBytes(12).toString('hex')}`
    if (await approvePcSession(ctx.db, scene, { userId: user._id, userName: user.name, uid }, now))
      return { approved: true as const }
    const session = await getPcSession(ctx.db, scene)
    // A retry of this very confirmation answers as the first did.
    if (
      session?.status === 'approved' &&
      session.userId === user._id &&
      codeStatus(session, now) === 'approved'
    )
      return { approved: true as const }
    throw new AppError(confirmRefusal(session, now) ?? 'signin.used')
  },

  sessions: async (_input, ctx) => {
    const user = await requireUser(ctx)
    const rows = await listLivePcSessions(ctx.db, user._id, ctx.now())
    return {
      items: rows.map((s) => ({
        id: s._id,
        userAgent: s.userAgent,
        signedInAt: new Date(s.signedInAt!).toISOString(),
        endsAt: new Date(s.endsAt!).toISOString(),
        current: Boolean(ctx.customUserId) && s.uid === ctx.customUserId,
      })),
    }
  },

  end: async ({ id }, ctx) => {
    const user = await findCaller(ctx)
    if (!user) throw new AppError('auth.unknown_user')
    const now = ctx.now()
    const session = id
      ? await getPcSession(ctx.db, id)
      : ctx.customUserId
        ? await findLivePcSession(ctx.db, ctx.customUserId, now)
        : null
    if (!session || session.userId !== user._id) {
      if (id) throw new AppError('org.not_found', '没有找到这个电脑端登录')
      throw new AppError('input.invalid', '请选择要退出的电脑端登录', {
        issues: [{ path: 'id', message: '请选择要退出的电脑端登录' }],
      })
    }
    const by = ctx.openid ? 'phone' : 'pc'
    const ended = await endPcSession(ctx.db, session._id, user._id, by, now)
    if (ended) await auditSession(ctx, 'pc.signout', user, session, now, { by })
    return { ended }
  },
}
