// The device's round answers: kept at once, sent in batches under their own keys; a lost answer is
// sent again with the same key; the network failing stops the run and loses nothing; the server's
// refusal is kept for the person to see; a second answer to an item still waiting replaces it.
import { createRoundQueue, type KeptAnswer } from '../../../src/services/round-queue'
import type { AnswerResult } from '../../../types/api/rounds'

class Offline extends Error {
  code = 'network'
}

function harness() {
  let stored: KeptAnswer[] = []
  const sent: Array<{ roundId: string; keys: string[] }> = []
  let online = true
  let loseAnswers = false
  const server = new Map<string, AnswerResult>()
  const queue = createRoundQueue({
    load: () => stored,
    save: (items) => void (stored = items),
    owner: () => 'me',
    upload: async (p) => {
      if (!online) throw new Offline('offline')
      return `cloud://env.b/photos/${p.key}.jpg`
    },
    send: async (roundId, answers) => {
      if (!online) throw new Offline('offline')
      sent.push({ roundId, keys: answers.map((a) => a.clientKey) })
      const results = answers.map((a): AnswerResult => {
        const known = server.get(a.clientKey)
        if (known) return known
        const r: AnswerResult =
          a.value === 'fail' && a.photos.every((p) => !p.fileID)
            ? {
                clientKey: a.clientKey,
                ok: false,
                message: '不合格项请拍照',
                ticketId: null,
                fixedOnSpot: false,
              }
            : {
                clientKey: a.clientKey,
                ok: true,
                ticketId: a.value === 'fail' ? `t-${a.clientKey}` : null,
                fixedOnSpot: false,
              }
        if (r.ok) server.set(a.clientKey, r)
        return r
      })
      if (loseAnswers) throw new Offline('lost')
      return results
    },
    forget: () => undefined,
    failureOf: (e) => ({ code: (e as { code?: string }).code, message: String(e) }),
  })
  const answer = (key: string, itemId: string, value: KeptAnswer['value'], photo = false) =>
    queue.answer({
      clientKey: key,
      roundId: 'r1',
      owner: 'me',
      floorId: 'f1',
      itemId,
      value,
      photos: photo ? [{ key: `p-${key}`, local: 'idb:x' }] : [],
      fixedPhotos: [],
      answeredAt: sent.length + stored.length,
    })
  return {
    queue,
    answer,
    sent,
    server,
    stored: () => stored,
    setOnline: (v: boolean) => void (online = v),
    setLose: (v: boolean) => void (loseAnswers = v),
  }
}

describe('the round queue', () => {
  it('keeps answers offline and sends them once, in one batch, when the network returns', async () => {
    const h = harness()
    h.setOnline(false)
    h.answer('k1', 'i1', 'pass')
    h.answer('k2', 'i2', 'fail', true)
    expect(await h.queue.drain()).toBe(0)
    expect(h.queue.waiting('r1')).toBe(2)
    h.setOnline(true)
    expect(await h.queue.drain()).toBe(2)
    expect(h.sent).toEqual([{ roundId: 'r1', keys: ['k1', 'k2'] }])
    expect(h.queue.waiting('r1')).toBe(0)
    expect(h.queue.answersOf('r1').find((a) => a.itemId === 'i2')?.kept?.ticketId).toBe('t-k2')
    expect(await h.queue.drain()).toBe(0)
    expect(h.sent).toHaveLength(1)
  })

  it('sends a lost answer again under the same key, so the server meets it once', async () => {
    const h = harness()
    h.answer('k1', 'i1', 'fail', true)
    h.setLose(true)
    await h.queue.drain()
    expect(h.queue.waiting('r1')).toBe(1)
    h.setLose(false)
    await h.queue.drain()
    expect(h.sent.map((s) => s.keys)).toEqual([['k1'], ['k1']])
    expect(h.server.size).toBe(1)
  })

  it('replaces an answer still waiting, and follows a kept one with a new key', async () => {
    const h = harness()
    h.setOnline(false)
    h.answer('k1', 'i1', 'pass')
    h.answer('k2', 'i1', 'na')
    expect(h.stored().map((a) => a.clientKey)).toEqual(['k2'])
    h.setOnline(true)
    await h.queue.drain()
    h.answer('k3', 'i1', 'pass')
    expect(h.stored().map((a) => a.clientKey)).toEqual(['k2', 'k3'])
    expect(h.queue.answersOf('r1').map((a) => a.clientKey)).toEqual(['k3'])
  })

  it('keeps the server’s refusal for the person and does not send it again by itself', async () => {
    const h = harness()
    h.answer('k1', 'i1', 'fail')
    await h.queue.drain()
    expect(h.queue.answersOf('r1')[0].refused).toBe('不合格项请拍照')
    await h.queue.drain()
    expect(h.sent).toHaveLength(1)
  })
})
