// Every subscription template names each of its fields in Chinese, so no push or preview ever shows
// a raw key (thing1 …).
import templates from '../../../database/subscribe-templates.json'

describe('subscription templates as data', () => {
  it.each(templates.map((t) => [t.id, t] as const))(
    '%s labels every field in Chinese',
    (_id, t) => {
      const labels = Object.fromEntries(Object.entries(t.labels ?? {}).filter(([, v]) => v))
      expect(Object.keys(labels).sort()).toEqual(Object.keys(t.fields).sort())
      for (const label of Object.values(labels)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/)
    },
  )
})
