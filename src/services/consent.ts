// Subscription consent: the credit bank fills itself on captains' natural taps. WeChat's rules: a
// request starts synchronously inside a tap handler (before any await), names at most three
// templates, and never mixes one-time and long-term ones (kinds are data in
// database/subscribe-templates.json). The answer is reported once per request (its key dedupes).
import Taro from '@tarojs/taro'
import type { Reachability } from '../../types/api/notify'
import { call } from './call'
import { CONSENT_PLAN, kindOf, type ConsentPurpose } from './consent-plan'
import { browserConsent } from './browser-files'

export { LONG_TERM_AVAILABLE, type ConsentPurpose } from './consent-plan'

function requestKey(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** Starts the consent request now (synchronously) and records the answer; resolves with the reach. */
export function askConsent(purpose: ConsentPurpose): Promise<Reachability | undefined> {
  const tmplIds = CONSENT_PLAN[purpose].slice(0, 3)
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
      : browserConsent(tmplIds)
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
