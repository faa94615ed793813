// The `signin` function: a PC signs in by a code the staff member scans and confirms in the
// mini-program; the mini-program lists and ends the PC sessions of its user.
import { z } from 'zod'
import { safeText } from '../text'

/** The mini-program page a sign-in code opens, with the scene. */
export const SIGNIN_PAGE = 'pages/signin/index'

/** A sign-in scene: the one-time id a PC's code carries (a mini-program scene holds ≤ 32 characters). */
export const SigninScene = z
  .string()
  .regex(/^[0-9a-f]{32}$/, '登录码无效')
  .describe('登录码')

/** Where a PC's sign-in stands, as its polling sees it. */
export const SigninStatus = z.enum(['pending', 'approved', 'expired', 'used'])
export type SigninStatus = z.infer<typeof SigninStatus>

export const PcSessionItem = z.object({
  id: z.string(),
  userAgent: z.string(),
  signedInAt: z.string(),
  endsAt: z.string(),
  /** The session this very call comes from (a PC listing its own). */
  current: z.boolean(),
})
export type PcSessionItem = z.infer<typeof PcSessionItem>

export const signinApi = {
  /** A PC asks for a fresh code: the scene, a key only the PC holds, and the code's picture. */
  start: {
    input: z.object({ userAgent: safeText({ max: 300 }) }).strict(),
    output: z.object({
      scene: SigninScene,
      pollKey: z.string(),
      /** When the code stops working; the PC asks for a new one before. */
      expiresAt: z.string(),
      /** The mini-program code as a data URL (PNG). */
      code: z.string(),
    }),
  },
  /** The PC polls its code: once confirmed it receives a one-time custom-login ticket. */
  poll: {
    input: z.object({ scene: SigninScene, pollKey: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
    output: z.object({
      status: SigninStatus,
      ticket: z.string().optional(),
      name: z.string().optional(),
    }),
  },
  /** The mini-program reads what it is about to confirm. */
  describe: {
    input: z.object({ scene: SigninScene }).strict(),
    output: z.object({ userAgent: z.string(), createdAt: z.string(), expiresAt: z.string() }),
  },
  /** The staff member confirms in the mini-program: the PC will sign in as them. */
  confirm: {
    input: z.object({ scene: SigninScene }).strict(),
    output: z.object({ approved: z.literal(true) }),
  },
  /** The caller's active PC sessions. */
  sessions: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(PcSessionItem) }),
  },
  /** Ends one of the caller's PC sessions (from the mini-program) or, without an id, the PC's own (退出). */
  end: {
    input: z.object({ id: z.string().min(1).max(64).optional() }).strict(),
    output: z.object({ ended: z.boolean() }),
  },
}
