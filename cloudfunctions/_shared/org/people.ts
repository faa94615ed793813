// Roster people: find-or-create by mobile number, and keep each user's roster roles in step with
// the duties they hold.
import { Role } from '../../../types/roles'
import { createHash } from 'node:crypto'
import type { Database } from '../runtime/context'
import type { UserDoc } from '../runtime/users'
import { ROSTER_DUTIES, listDutiesOfUser } from './store/org-admin'
import { findUsersByPhones, insertUsers, unboundOpenid, updateUser } from '../runtime/users'
import { isDuplicateKey } from '../runtime/rows'

/** The id a person imported by phone gets: derived from the number, so a retry never duplicates. */
export function personId(phone: string): string {
  return `u-${createHash('sha256').update(`phone:${phone}`).digest('hex').slice(0, 20)}`
}

/** A new, unbound staff record for a roster entry. */
export function newPerson(p: { name: string; phone: string; departmentName: string }): UserDoc {
  const id = personId(p.phone)
  return {
    _id: id,
    openid: unboundOpenid(id),
    name: p.name,
    phone: p.phone,
    roles: [Role.staff],
    departmentName: p.departmentName,
    active: true,
  }
}

/** The user holding this phone (name and department brought up to date), created when unknown. */
export async function ensurePerson(
  db: Database,
  p: { name: string; phone: string; departmentName: string },
): Promise<UserDoc> {
  const [found] = await findUsersByPhones(db, [p.phone])
  if (found) {
    const patch: Partial<UserDoc> = {}
    if (found.name !== p.name) patch.name = p.name
    if (p.departmentName && found.departmentName !== p.departmentName)
      patch.departmentName = p.departmentName
    if (Object.keys(patch).length) await updateUser(db, found._id, patch)
    return { ...found, ...patch }
  }
  const doc = newPerson(p)
  try {
    await insertUsers(db, [doc])
  } catch (error) {
    // A concurrent call created the same person first: same id, nothing to add.
    if (!isDuplicateKey(error)) throw error
  }
  return doc
}

/** Roles after a roster change: the user's other roles kept, roster roles from duties in force. */
export function rolesFor(roles: string[], dutyKinds: string[]): string[] {
  const roster = new Set<string>(ROSTER_DUTIES)
  const keep = roles.filter((r) => !roster.has(r))
  const out = [...new Set([...dutyKinds.filter((k) => roster.has(k)), ...keep])]
  return out.length === 0 ? [Role.staff] : out
}

/** Recomputes the roster roles of users from the duties they hold at `at` (or will hold later). */
export async function syncRoles(db: Database, users: UserDoc[], at: Date): Promise<void> {
  // Twenty at a time: a 2,000-row import touches every person, within the function's timeout.
  for (let i = 0; i < users.length; i += 20)
    await Promise.all(
      users.slice(i, i + 20).map(async (u) => {
        const duties = await listDutiesOfUser(db, u._id)
        const kinds = duties
          .filter((d) => !d.validTo || new Date(d.validTo) > at)
          .map((d) => d.duty)
        const roles = rolesFor(u.roles ?? [], kinds)
        if ([...roles].sort().join() !== [...(u.roles ?? [])].sort().join())
          await updateUser(db, u._id, { roles })
      }),
    )
}
