// Subscription consent: the credit bank fills itself on captains' natural taps. WeChat's rules: a
// request starts synchronously inside a tap handler (before any await), names at most three
// templates, and never mixes one-time and long-term ones (kinds are data in
// database/subscribe-templates.json). The answer is reported once per request (its key dedupes).
import Taro from '@tarojs/taro'
import templates from '../../database/subscribe-templates.json'
import { TEMPLATE_IDS, type Reachability } from '../../types/api/notify'
import { call } from './call'
import { standInConsent } from './h5-stand-in'

export type ConsentPurpose = 'captain' | 'reporter' | 'longTerm' | 'evening'

const kindOf = (id: string) => templates.find((t) => t.id === id)?.kind ?? 'one-time'
const longTermId = templates.find((t) => t.kind === 'long-term')?.id

const FOR: Record<ConsentPurpose, string[]> = {
  captain: [TEMPLATE_IDS.assigned, TEMPLATE_IDS.escalated, TEMPLATE_IDS.reminder],
  reporter: [TEMPLATE_IDS.resolved],
  evening: [TEMPLATE_IDS.evening],
  longTerm: longTermId ? [longTermId] : [],
}

/** Whether the account declares a long-term template captains can turn on. */
export const LONG_TERM_AVAILABLE = Boolean(longTermId)

function requestKey(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** Starts the consent request now (synchronously) and records the answer; resolves with the reach. */
export function askConsent(purpose: ConsentPurpose): Promise<Reachability | undefined> {
  const tmplIds = FOR[purpose].slice(0, 3)
  if (tmplIds.length === 0 || new Set(tmplIds.map(kindOf)).size > 1)
    return Promise.resolve(undefined)
  const request: Promise<Record<string, string>> =
    process.env.TARO_ENV === 'weapp'
      ? (Taro.requestSubscribeMessage({
          tmplIds,
          entityIds: [],
        } as unknown as Taro.requestSubscribeMessage.Option) as unknown as Promise<
          Record<string, string>
        >)
      : standInConsent(tmplIds)
  const key = requestKey()
  return request
    .then(async (answer) => {
      const results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'> = {}
      for (const id of tmplIds)
        if (['accept', 'reject', 'ban', 'filter'].includes(answer[id]))
          results[id] = answer[id] as 'accept'
      if (Object.keys(results).length === 0) return undefined
      return (await call('notify', 'consent', { results, requestKey: key })).reach
    })
    .catch(() => undefined)
}
