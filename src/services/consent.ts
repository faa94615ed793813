// One-time subscription consent. Must start synchronously inside a tap handler (WeChat's rule):
// call askConsent() before any await in the handler; it reports the result to the server itself.
import Taro from '@tarojs/taro'
import { TEMPLATE_IDS } from '../../types/api/notify'
import { call } from './call'
import { apiBase, currentPersona } from './persona'

export type ConsentPurpose = 'captain' | 'reporter'

const FOR: Record<ConsentPurpose, string[]> = {
  captain: [TEMPLATE_IDS.assigned, TEMPLATE_IDS.escalated],
  reporter: [TEMPLATE_IDS.resolved],
}

/** Starts the consent request now (synchronously) and records the answer; never rejects. */
export function askConsent(purpose: ConsentPurpose): Promise<void> {
  const tmplIds = FOR[purpose]
  const request: Promise<Record<string, string>> =
    process.env.TARO_ENV === 'weapp'
      ? (Taro.requestSubscribeMessage({
          tmplIds,
          entityIds: [],
        } as unknown as Taro.requestSubscribeMessage.Option) as unknown as Promise<
          Record<string, string>
        >)
      : fetch(`${apiBase()}/_emulator/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid: currentPersona(), templateIds: tmplIds }),
        }).then((r) => r.json() as Promise<Record<string, string>>)
  return request
    .then(async (answer) => {
      const results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'> = {}
      for (const id of tmplIds)
        if (['accept', 'reject', 'ban', 'filter'].includes(answer[id]))
          results[id] = answer[id] as 'accept'
      if (Object.keys(results).length) await call('notify', 'consent', { results })
    })
    .catch(() => undefined)
}
