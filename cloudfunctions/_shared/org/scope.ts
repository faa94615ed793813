// Who may administer what: the safety office everything, a 楼长 their own building(s).
import { Role, hasRole, requireUser } from '../runtime/auth'
import type { UserDoc } from '../runtime/users'
import { listDutiesOfUser } from './store/org-admin'
import { getFloor, type FloorDoc } from './store/org'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'

export interface Admin {
  user: UserDoc
  all: boolean
  buildingIds: string[]
}

/** The caller as an administrator; auth.forbidden for anyone who administers nothing. */
export async function requireAdmin(ctx: ActionContext): Promise<Admin> {
  const user = await requireUser(ctx)
  if (hasRole(user, Role.safetyOffice)) return { user, all: true, buildingIds: [] }
  const now = ctx.now()
  const duties = await listDutiesOfUser(ctx.db, user._id)
  const buildingIds = duties
    .filter(
      (d) =>
        d.duty === Role.buildingCaptain &&
        d.buildingId &&
        new Date(d.validFrom) <= now &&
        (!d.validTo || new Date(d.validTo) > now),
    )
    .map((d) => d.buildingId!)
  if (buildingIds.length === 0) throw new AppError('auth.forbidden')
  return { user, all: false, buildingIds }
}

/** The caller as the safety office; auth.forbidden for everyone else. */
export async function requireSafetyOffice(ctx: ActionContext): Promise<Admin> {
  const admin = await requireAdmin(ctx)
  if (!admin.all) throw new AppError('auth.forbidden')
  return admin
}

/** Refuses unless the admin may manage this building. */
export function assertBuilding(admin: Admin, buildingId: string): void {
  if (!admin.all && !admin.buildingIds.includes(buildingId)) throw new AppError('auth.forbidden')
}

/** A floor with what re-issuing its code adds. */
export type FloorFull = FloorDoc & { aliasScenes?: string[]; codeVersion?: number }

/** A floor the admin may manage; hides floors of other buildings behind auth.forbidden. */
export async function floorFor(admin: Admin, ctx: ActionContext, id: string): Promise<FloorFull> {
  const floor = (await getFloor(ctx.db, id)) as FloorFull | null
  if (!floor) throw new AppError(admin.all ? 'org.not_found' : 'auth.forbidden')
  assertBuilding(admin, floor.buildingId)
  return floor
}
