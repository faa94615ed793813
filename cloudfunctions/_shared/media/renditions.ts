// The photo URLs one viewer gets for a ticket: each photo's check and the viewer's relation decide
// between the photo, its redacted or blurred copy, or nothing (the client shows a placeholder).
import { Role, hasRole } from '../runtime/auth'
import type { PhotoState } from './domain/photo-visibility'
import { photoRendition, photoState } from './domain/photo-visibility'
import type { Relation } from '../ticket/domain/machine'
import { getChecks } from './store/checks'
import type { ActionContext } from '../runtime/context'
import { tempUrls } from './files'

/**
 * URLs keyed by the photo's own file id (absent when hidden), and each photo's state. `known` are
 * temporary URLs the caller already holds (the evidence check's), asked of storage no second time.
 */
export async function visiblePhotoUrls(
  ctx: ActionContext,
  relations: ReadonlySet<Relation>,
  fileIds: string[],
  known: Readonly<Record<string, string>> = {},
): Promise<{ urls: Record<string, string>; states: Record<string, PhotoState> }> {
  const ids = [...new Set(fileIds)]
  if (ids.length === 0) return { urls: {}, states: {} }
  const checks = await getChecks(ctx.db, ids).catch(() => new Map())
  const states: Record<string, PhotoState> = {}
  const shown = new Map<string, string>()
  for (const id of ids) {
    const check = checks.get(id)
    const state = photoState(
      check && { status: check.status, redacted: Boolean(check.redactedFileId) },
    )
    states[id] = state
    const rendition = photoRendition(state, relations)
    if (rendition === 'original') shown.set(id, id)
    else if (rendition === 'redacted' && check?.redactedFileId) shown.set(id, check.redactedFileId)
    else if (rendition === 'blurred' && check?.blurredFileId) shown.set(id, check.blurredFileId)
  }
  const unknown = [...shown.values()].filter((display) => !known[display])
  const temp = { ...known, ...(unknown.length ? await tempUrls(ctx, unknown) : {}) }
  const urls: Record<string, string> = {}
  for (const [id, display] of shown) if (temp[display]) urls[id] = temp[display]
  return { urls, states }
}

/**
 * Thumbnail URLs for list rows (each ticket's first photo), keyed by that photo's id, decided like
 * the ticket view: a pending photo only for its reporter, its owner and the safety office (lists do
 * not load each floor's chain, so those above the owner see it on the ticket page), a flagged one
 * blurred, a redacted one redacted.
 */
export async function visibleThumbnails(
  ctx: ActionContext,
  viewer: { _id: string; roles: string[] },
  tickets: Array<{ reporterId: string; ownerId: string; photos: string[] }>,
): Promise<Record<string, string>> {
  const firsts = tickets.filter((t) => t.photos[0])
  if (firsts.length === 0) return {}
  const checks = await getChecks(
    ctx.db,
    firsts.map((t) => t.photos[0]),
  ).catch(() => new Map())
  const shown = new Map<string, string>()
  for (const t of firsts) {
    const id = t.photos[0]
    const relations = new Set<Relation>(['staff'])
    if (t.reporterId === viewer._id) relations.add('reporter')
    if (t.ownerId === viewer._id) relations.add('owner')
    if (hasRole(viewer, Role.safetyOffice)) relations.add('safety')
    const check = checks.get(id)
    const rendition = photoRendition(
      photoState(check && { status: check.status, redacted: Boolean(check.redactedFileId) }),
      relations,
    )
    if (rendition === 'original') shown.set(id, id)
    else if (rendition === 'redacted' && check?.redactedFileId) shown.set(id, check.redactedFileId)
    else if (rendition === 'blurred' && check?.blurredFileId) shown.set(id, check.blurredFileId)
  }
  const temp = await tempUrls(ctx, [...shown.values()].slice(0, 50))
  const urls: Record<string, string> = {}
  for (const [id, display] of shown) if (temp[display]) urls[id] = temp[display]
  return urls
}
