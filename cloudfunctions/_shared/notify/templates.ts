// Subscription templates as data (database/subscribe-templates.json): which template each push kind
// uses and whether it is one-time (one consent = one send) or long-term (not consumed by a send).
import templates from '../../../database/subscribe-templates.json'
import { TEMPLATE_IDS } from '../../../types/api/notify'
import type { NotificationKind } from '../ticket/domain/machine'

export type TemplateKind = 'one-time' | 'long-term'

const KIND = new Map(templates.map((t) => [t.id, t.kind as TemplateKind]))

/** Whether `id` is a template we declared. */
export function isKnownTemplate(id: string): boolean {
  return KIND.has(id)
}

/** The kind of a declared template. */
export function templateKind(id: string): TemplateKind {
  return KIND.get(id) ?? 'one-time'
}

/** The one-time template a push of `kind` uses. */
export function templateFor(kind: NotificationKind): string {
  return TEMPLATE_IDS[kind]
}

/** The long-term template that may stand in for captains' pushes, if one is declared. */
export const LONG_TERM_TEMPLATE: string | undefined = templates.find(
  (t) => t.kind === 'long-term',
)?.id
