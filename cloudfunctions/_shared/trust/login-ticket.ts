// CloudBase custom-login tickets: the PC trades one for a web-SDK sign-in as a custom-login uid. The
// key is the environment's custom-login private key (its JSON, from the console or the emulator).
import type * as Tcb from '@cloudbase/node-sdk'
import type { ActionContext } from '../runtime/context'

/** The environment variable holding the custom-login key file's JSON. */
export const LOGIN_KEY_VAR = 'CLOUDBASE_CUSTOM_LOGIN_KEY'

/** A one-time custom-login ticket for `uid`, whose sign-in lasts until `expiresAt`. */
export async function createLoginTicket(
  ctx: ActionContext,
  uid: string,
  expiresAt: Date,
): Promise<string> {
  const raw = process.env[LOGIN_KEY_VAR]
  if (!raw) throw new Error(`${LOGIN_KEY_VAR} is not set: the PC sign-in has no custom-login key`)
  const credentials = JSON.parse(raw) as Tcb.ICredentialsInfo
  // Loaded here, not with the function: only a PC's pick-up of its sign-in needs the node SDK.
  const tcb = await import('@cloudbase/node-sdk')
  const app = tcb.init({ env: ctx.env || credentials.env_id, credentials })
  return app.auth().createTicket(uid, { expire: expiresAt.getTime() })
}
