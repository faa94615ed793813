// The `user` function: who the caller is.
import { z } from 'zod'

export const UserSummary = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  departmentName: z.string().optional(),
  /** A push to this user failed for lack of consent: show a red badge until they consent again. */
  unreachable: z.boolean().optional(),
  /** Blocked by the safety office: the app explains and offers nothing else. */
  blocked: z.boolean().optional(),
  /** The building a 楼长 or 协管员 answers for. */
  buildingId: z.string().optional(),
})
export type UserSummary = z.infer<typeof UserSummary>

export const WhoamiOutput = z.object({
  openid: z.string(),
  user: UserSummary.nullable(),
})
export type WhoamiOutput = z.infer<typeof WhoamiOutput>

export const userApi = {
  whoami: { input: z.object({}).strict(), output: WhoamiOutput },
}
