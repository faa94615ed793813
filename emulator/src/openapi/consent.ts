// Subscription consent, standing in for wx.requestSubscribeMessage: POST /_emulator/consent
// {openid, templateIds, reject?} answers like the platform (≤ 3 templates a request, never one-time
// and long-term together → errCode 20002 with HTTP 200) and records what was accepted: each accepted
// one-time template adds one send; a long-term template is recorded once and never used up.
// GET lists the consents; DELETE ?openid=&templateId= stands in for the user switching one off.
import type { EmulatorCore } from '../core'
import { readBody, sendJson } from '../http-util'
import type { Template } from './templates'

export const CONSENTS = '_emu_consents'

type Answer = Record<string, unknown>

const fail = (errCode: number, reason: string): Answer => ({
  errMsg: `requestSubscribeMessage:fail ${reason}`,
  errCode,
})

/** The platform's answer to a consent request, before anything is recorded. */
export function consentAnswer(
  templateIds: unknown,
  templates: Map<string, Template>,
  rejected: string[] = [],
): { fail: Answer } | { results: Record<string, 'accept' | 'reject'> } {
  if (!Array.isArray(templateIds) || templateIds.length === 0)
    return { fail: fail(10001, "TmplIds can't be empty") }
  const ids = templateIds.map(String)
  if (ids.length > 3) return { fail: fail(20003, 'Templates count out of max bounds') }
  if (ids.some((id) => !templates.has(id)))
    return { fail: fail(20001, 'No template data return, verify the template id exist') }
  if (new Set(ids.map((id) => templates.get(id)!.kind)).size > 1)
    return { fail: fail(20002, 'Templates type must be same') }
  return {
    results: Object.fromEntries(ids.map((id) => [id, rejected.includes(id) ? 'reject' : 'accept'])),
  }
}

/** Uses up one send of `templateId` for `openid`; false when no consent is left (43101). */
export async function consumeConsent(
  core: EmulatorCore,
  template: Template,
  openid: string,
): Promise<boolean> {
  const _id = `${openid}|${template.id}`
  if (template.kind === 'long-term')
    return (await core.store.find(CONSENTS, { _id, credits: { $gt: 0 } })).length > 0
  // One synchronous find-and-write in the engine: two concurrent sends cannot both take the last one.
  return (
    (await core.store.update(CONSENTS, { _id, credits: { $gt: 0 } }, { $inc: { credits: -1 } })) > 0
  )
}

/** Installs POST/GET/DELETE /_emulator/consent. */
export function installConsent(core: EmulatorCore, templates: Map<string, Template>): void {
  let queue: Promise<unknown> = Promise.resolve()

  core.registerRoute('POST', '/_emulator/consent', async (req, res) => {
    let input: { openid?: unknown; templateIds?: unknown; reject?: unknown }
    try {
      input = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be JSON' })
      return
    }
    const openid = input?.openid
    if (typeof openid !== 'string' || !openid) {
      sendJson(res, 400, {
        code: 'INVALID_PARAM',
        message: 'need {openid, templateIds: 1–3 template ids of one kind, reject?: ids declined}',
      })
      return
    }
    const rejected = Array.isArray(input.reject) ? input.reject.map(String) : []
    const answer = consentAnswer(input.templateIds, templates, rejected)
    if ('fail' in answer) {
      sendJson(res, 200, answer.fail)
      return
    }
    const run = queue.then(async () => {
      for (const [id, result] of Object.entries(answer.results)) {
        if (result !== 'accept') continue
        const kind = templates.get(id)!.kind
        const _id = `${openid}|${id}`
        const now = new Date(core.clock.now())
        const updated = await core.store.update(
          CONSENTS,
          { _id },
          kind === 'long-term'
            ? { $set: { kind, credits: 1, updatedAt: now } }
            : { $inc: { credits: 1 }, $set: { kind, updatedAt: now } },
        )
        if (!updated)
          await core.store.insert(CONSENTS, {
            _id,
            openid,
            templateId: id,
            kind,
            credits: 1,
            updatedAt: now,
          })
      }
    })
    queue = run.catch(() => undefined)
    await run
    sendJson(res, 200, { errMsg: 'requestSubscribeMessage:ok', ...answer.results })
  })

  core.registerRoute('GET', '/_emulator/consent', async (_req, res, url) => {
    const openid = url.searchParams.get('openid')
    sendJson(res, 200, await core.store.find(CONSENTS, openid ? { openid } : {}))
  })

  core.registerRoute('DELETE', '/_emulator/consent', async (_req, res, url) => {
    const openid = url.searchParams.get('openid') ?? ''
    const templateId = url.searchParams.get('templateId')
    if (!openid) {
      sendJson(res, 400, {
        code: 'INVALID_PARAM',
        message: 'need ?openid= (and optionally &templateId=)',
      })
      return
    }
    const removed = await core.store.remove(
      CONSENTS,
      templateId ? { openid, templateId } : { openid },
    )
    sendJson(res, 200, { removed })
  })
}
