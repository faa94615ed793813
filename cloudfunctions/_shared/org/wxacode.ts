// The mini-program code of a page with a scene (wxacode.getUnlimited), retried on transient
// transport errors: the call is idempotent, and a poster run makes a hundred of them.
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'

const ATTEMPTS = 3

/** PNG bytes of the code that opens `page` with `scene`. */
export async function miniProgramCode(
  ctx: ActionContext,
  page: string,
  scene: string,
): Promise<{ buffer: Buffer; contentType: string }> {
  let last: unknown
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const res = (await ctx.cloud.openapi.wxacode.getUnlimited({
        scene,
        page,
        checkPath: false,
        width: 430,
      })) as { buffer?: Buffer; contentType?: string }
      if (!res.buffer) throw new AppError('internal')
      return { buffer: Buffer.from(res.buffer), contentType: res.contentType ?? 'image/png' }
    } catch (error) {
      last = error
      // Platform answers (bad scene, no permission) will not change on a retry.
      if (
        typeof (error as { errCode?: unknown }).errCode === 'number' &&
        (error as { errCode: number }).errCode > 0
      )
        throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
  throw last
}
