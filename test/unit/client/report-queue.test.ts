// Reports queued on the device: sent once the network is back, exactly once, photos first, with the
// draft's own client key; what the server refuses stays for the user to see.
import {
  createReportQueue,
  failureKind,
  type DraftPhoto,
  type FailureKind,
  type QueuedReport,
} from '../../../src/services/report-queue'

class CodedError extends Error {
  constructor(readonly code: string) {
    super(`failed: ${code}`)
  }
}

function report(clientKey: string, photos: DraftPhoto[], owner = 'nurse'): QueuedReport {
  return {
    clientKey,
    owner,
    floorId: 'B07F03',
    categoryId: 'fire-exit',
    anonymous: false,
    photos,
    label: '消防通道堵塞 · 7号楼 3层',
    queuedAt: 0,
  }
}

/** A device (storage, a network that is up or down) and a server that makes one ticket per key. */
function device() {
  let stored: QueuedReport[] = []
  const net = { up: false, createFails: undefined as string | undefined }
  const tickets = new Map<string, { id: string; photos: string[] }>()
  const calls = { uploads: [] as string[], creates: [] as string[], forgotten: [] as string[] }
  let who = 'nurse'
  const queue = createReportQueue({
    load: () => stored.map((r) => ({ ...r, photos: r.photos.map((p) => ({ ...p })) })),
    save: (items) => {
      stored = items
    },
    owner: () => who,
    upload: async (photo) => {
      if (!net.up) throw new CodedError('network')
      calls.uploads.push(photo.key)
      return `cloud://env/photos/${photo.key}.jpg`
    },
    create: async (r) => {
      if (!net.up) throw new CodedError('network')
      calls.creates.push(r.clientKey)
      if (net.createFails) throw new CodedError(net.createFails)
      expect(r.photos.every((p) => p.fileID)).toBe(true)
      const ticket = tickets.get(r.clientKey) ?? {
        id: `t${tickets.size + 1}`,
        photos: r.photos.map((p) => p.fileID!),
      }
      tickets.set(r.clientKey, ticket)
      return ticket
    },
    forget: (p) => void calls.forgotten.push(p.key),
    failureOf: (e) => ({ code: (e as CodedError).code, message: (e as Error).message }),
  })
  return {
    queue,
    net,
    tickets,
    calls,
    stored: () => stored,
    actAs: (o: string) => {
      who = o
    },
  }
}

describe('what a failure means for a queued report', () => {
  it.each<[string | undefined, FailureKind]>([
    ['network', 'offline'],
    ['internal', 'later'],
    ['rate.limited', 'later'],
    [undefined, 'later'],
    ['input.invalid', 'refused'],
    ['content.risky', 'refused'],
    ['org.not_found', 'refused'],
    ['auth.unknown_user', 'refused'],
    ['auth.blocked', 'refused'],
  ])('%s → %s', (code, kind) => {
    expect(failureKind(code)).toBe(kind)
  })
})

describe('the report queue', () => {
  it('keeps a report while offline and sends it once the network is back, photos first', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    expect(await d.queue.drain()).toEqual([])
    expect(d.stored()).toHaveLength(1)
    expect(d.calls.creates).toEqual([])

    d.net.up = true
    const sent = await d.queue.drain()
    expect(sent.map((s) => s.clientKey)).toEqual(['rkey00001'])
    expect(d.calls.uploads).toEqual(['a'])
    expect([...d.tickets.values()]).toEqual([{ id: 't1', photos: ['cloud://env/photos/a.jpg'] }])
    expect(d.stored()).toEqual([])
    expect(d.calls.forgotten).toEqual(['a'])
  })

  it('sends each report once however many triggers fire at once', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    d.queue.enqueue(report('rkey00002', [{ key: 'b', local: 'idb:b' }]))
    d.net.up = true
    await Promise.all([d.queue.drain(), d.queue.drain(), d.queue.drain()])
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00002'])
    expect(d.calls.uploads).toEqual(['a', 'b'])
    expect(d.tickets.size).toBe(2)
  })

  it('a report queued during a drain goes out with it', async () => {
    const d = device()
    d.net.up = true
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    const first = d.queue.drain()
    d.queue.enqueue(report('rkey00002', [{ key: 'b', local: 'idb:b' }]))
    await Promise.all([first, d.queue.drain()])
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00002'])
    expect(d.stored()).toEqual([])
  })

  it('keeps an uploaded photo’s file id, so a send cut short never uploads it again', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    d.net.up = true
    d.net.createFails = 'internal'
    expect(await d.queue.drain()).toEqual([])
    expect(d.stored()[0].photos[0].fileID).toBe('cloud://env/photos/a.jpg')
    d.net.createFails = undefined
    await d.queue.drain()
    expect(d.calls.uploads).toEqual(['a'])
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00001'])
    expect(d.tickets.size).toBe(1)
  })

  it('retries with the same client key when the answer was lost', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', fileID: 'cloud://env/photos/a.jpg' }]))
    d.net.up = true
    d.net.createFails = 'network' // the server made the ticket; the answer never arrived
    await d.queue.drain()
    d.net.createFails = undefined
    const sent = await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00001'])
    expect(d.tickets.size).toBe(1)
    expect(sent[0].ticket).toEqual(d.tickets.get('rkey00001'))
  })

  it('keeps a refused report with its reason and sends it no more; the next one still goes', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', fileID: 'cloud://x/a.jpg' }]))
    d.queue.enqueue(report('rkey00002', [{ key: 'b', fileID: 'cloud://x/b.jpg' }]))
    d.net.up = true
    d.net.createFails = 'content.risky'
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00002'])
    d.net.createFails = undefined
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00002'])
    expect(d.stored().map((r) => r.refused)).toEqual([
      'failed: content.risky',
      'failed: content.risky',
    ])
    d.queue.discard('rkey00001')
    expect(d.stored().map((r) => r.clientKey)).toEqual(['rkey00002'])
  })

  it('stops at the first report the network cannot carry, keeping its order', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    d.queue.enqueue(report('rkey00002', [{ key: 'b', local: 'idb:b' }]))
    d.net.up = true
    d.net.createFails = 'rate.limited'
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001'])
    expect(d.stored().map((r) => r.clientKey)).toEqual(['rkey00001', 'rkey00002'])
  })

  it('sends only the reports of whoever is signed in', async () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }], 'nurse'))
    d.queue.enqueue(report('rkey00002', [{ key: 'b', local: 'idb:b' }], 'porter'))
    d.net.up = true
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001'])
    expect(d.queue.list()).toEqual([])
    d.actAs('porter')
    expect(d.queue.list().map((r) => r.clientKey)).toEqual(['rkey00002'])
    await d.queue.drain()
    expect(d.calls.creates).toEqual(['rkey00001', 'rkey00002'])
  })

  it('queuing the same report twice keeps one', () => {
    const d = device()
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    d.queue.enqueue(report('rkey00001', [{ key: 'a', local: 'idb:a' }]))
    expect(d.stored()).toHaveLength(1)
  })
})
