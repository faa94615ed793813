// Binding staff to their WeChat identity: a one-time, expiring invite (6-digit code + mini-program
// code) for a roster entry; redeeming it binds the caller's OPENID. Every bind and unbind audited.
import { randomInt, randomBytes } from 'node:crypto'
import { AppError, type ActionContext, type Routes } from '../runtime'
import { getFloor } from './store/org'
import { listDutiesOfUser } from './store/org-admin'
import { countFailedRedeems, listAudit, recordAudit } from '../trust/store/audit'
import { hospitalTime } from '../../../types/time'
import {
  consumeInvite,
  findOpenInvite,
  insertInvite,
  revokeInvitesOf,
  findUsedInvite,
} from './store/invites'
import {
  findUserById,
  findUserByOpenid,
  isBound,
  setUserOpenid,
  unboundOpenid,
  type UserDoc,
} from '../runtime/users'
import { miniProgramCode } from './wxacode'
import { requireAdmin, requireSafetyOffice, type Admin } from './scope'

type R = Routes<'org'>

export const INVITE_PAGE = 'admin/pages/bind/index'
const INVITE_HOURS = 72
const MAX_FAILED_REDEEMS = 5
const FAILED_WINDOW_MS = 10 * 60_000

/** The user, if the admin may manage them: anyone for the safety office, else their building's people. */
async function userFor(admin: Admin, ctx: ActionContext, userId: string): Promise<UserDoc> {
  const user = await findUserById(ctx.db, userId)
  if (!user) throw new AppError(admin.all ? 'org.not_found' : 'auth.forbidden')
  if (admin.all) return user
  for (const d of await listDutiesOfUser(ctx.db, userId)) {
    const buildingId =
      d.buildingId ?? (d.floorId ? (await getFloor(ctx.db, d.floorId))?.buildingId : '')
    if (buildingId && admin.buildingIds.includes(buildingId)) return user
  }
  throw new AppError('auth.forbidden')
}

export const bindingRoutes: Pick<
  R,
  'invite.create' | 'invite.redeem' | 'user.unbind' | 'audit.list'
> = {
  'invite.create': async ({ userId }, ctx) => {
    const admin = await requireAdmin(ctx)
    const user = await userFor(admin, ctx, userId)
    if (!user.active) throw new AppError('org.not_found')
    let code = ''
    for (let i = 0; i < 10 && !code; i++) {
      const candidate = String(randomInt(0, 1_000_000)).padStart(6, '0')
      if (!(await findOpenInvite(ctx.db, candidate))) code = candidate
    }
    if (!code) throw new AppError('internal')
    const now = ctx.now()
    const expiresAt = new Date(now.getTime() + INVITE_HOURS * 3600_000)
    const scene = `i=${code}`
    const code64 = await miniProgramCode(ctx, INVITE_PAGE, scene)
    const qr = `data:${code64.contentType};base64,${code64.buffer.toString('base64')}`
    // One open invite per person: a new one (or a retried call) replaces the old.
    await revokeInvitesOf(ctx.db, userId)
    await insertInvite(ctx.db, {
      _id: `inv-${randomBytes(8).toString('hex')}`,
      code,
      userId,
      createdBy: admin.user._id,
      createdAt: now,
      expiresAt,
      usedAt: null,
      usedBy: null,
      revoked: false,
    })
    await recordAudit(ctx.db, {
      action: 'invite.create',
      at: now,
      targetType: 'user',
      targetId: userId,
      targetName: user.name,
      actorId: admin.user._id,
      actorName: admin.user.name,
      reason: `邀请码有效期至 ${hospitalTime(expiresAt).format('YYYY-MM-DD HH:mm')}`,
    })
    return { code, expiresAt: expiresAt.toISOString(), scene, page: INVITE_PAGE, qr }
  },
  'invite.redeem': async ({ code }, ctx) => {
    if (!ctx.openid) throw new AppError('auth.forbidden')
    const now = ctx.now()
    const failures = await countFailedRedeems(
      ctx.db,
      ctx.openid,
      new Date(now.getTime() - FAILED_WINDOW_MS),
    )
    if (failures >= MAX_FAILED_REDEEMS) throw new AppError('rate.limited')
    const [mine, invite] = await Promise.all([
      findUserByOpenid(ctx.db, ctx.openid),
      findOpenInvite(ctx.db, code),
    ])
    if (!invite) {
      // A retry of a redeem that already went through answers as the first one did.
      const used = await findUsedInvite(ctx.db, code, ctx.openid)
      if (used && mine && mine._id === used.userId)
        return { id: mine._id, name: mine.name, roles: mine.roles }
    }
    const valid = invite && new Date(invite.expiresAt) > now
    if (!invite || !valid) {
      await recordAudit(ctx.db, {
        action: 'invite.redeem_failed',
        at: now,
        targetType: 'user',
        targetId: '',
        openid: ctx.openid,
        actorId: null,
        actorName: '',
        reason: invite ? '邀请码已过期' : '邀请码不存在或已使用',
      })
      throw new AppError('invite.invalid')
    }
    if (mine && mine._id !== invite.userId) throw new AppError('bind.conflict')
    const [target, inviter] = await Promise.all([
      findUserById(ctx.db, invite.userId),
      findUserById(ctx.db, invite.createdBy),
    ])
    if (!target || !target.active) throw new AppError('invite.invalid')
    if (!(await consumeInvite(ctx.db, invite._id, ctx.openid, now)))
      throw new AppError('invite.invalid')
    if (target.openid !== ctx.openid) {
      if (isBound(target)) {
        await recordAudit(ctx.db, {
          action: 'user.unbind',
          at: now,
          targetType: 'user',
          targetId: target._id,
          targetName: target.name,
          openid: target.openid,
          actorId: invite.createdBy,
          actorName: inviter?.name ?? '',
          reason: '新的微信通过邀请码绑定，原微信解除绑定',
        })
      }
      if (!(await setUserOpenid(ctx.db, target._id, ctx.openid)))
        throw new AppError('bind.conflict')
    }
    await recordAudit(ctx.db, {
      action: 'user.bind',
      at: now,
      targetType: 'user',
      targetId: target._id,
      targetName: target.name,
      openid: ctx.openid,
      actorId: invite.createdBy,
      actorName: inviter?.name ?? '',
      reason: `通过邀请码 ${code} 绑定`,
    })
    return { id: target._id, name: target.name, roles: target.roles }
  },
  'user.unbind': async ({ userId }, ctx) => {
    const admin = await requireAdmin(ctx)
    const user = await userFor(admin, ctx, userId)
    if (!isBound(user)) return { userId, unbound: false }
    await setUserOpenid(ctx.db, userId, unboundOpenid(userId))
    await revokeInvitesOf(ctx.db, userId)
    await recordAudit(ctx.db, {
      action: 'user.unbind',
      at: ctx.now(),
      targetType: 'user',
      targetId: userId,
      targetName: user.name,
      openid: user.openid,
      actorId: admin.user._id,
      actorName: admin.user.name,
      reason: '管理员解除绑定',
    })
    return { userId, unbound: true }
  },
  'audit.list': async ({ userId }, ctx) => {
    const admin = userId ? await requireAdmin(ctx) : await requireSafetyOffice(ctx)
    if (userId) await userFor(admin, ctx, userId)
    return (await listAudit(ctx.db, 100, undefined, userId)).map((a) => ({
      kind: a.action,
      at: new Date(a.at).toISOString(),
      userId: a.targetType === 'user' && a.targetId ? a.targetId : null,
      userName: a.targetName ?? '',
      byName: a.actorName,
      note: a.reason ?? '',
    }))
  },
}
