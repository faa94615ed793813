// The users collection: staff bound to OPENIDs, with their roles.
import type { Database } from '../runtime/context'
import { rowsOf } from './rows'

export const USERS = 'users'

/** A staff member as stored. */
export interface UserDoc {
  _id: string
  openid: string
  name: string
  phone?: string
  roles: string[]
  departmentId?: string
  departmentName?: string
  active: boolean
  unreachable?: boolean
}

/** The active user bound to an OPENID, or null. */
export async function findUserByOpenid(db: Database, openid: string): Promise<UserDoc | null> {
  if (!openid) return null
  const res = await db.collection(USERS).where({ openid, active: true }).limit(1).get()
  return rowsOf<UserDoc>(res)[0] ?? null
}
