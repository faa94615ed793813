/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK types a transaction's documents loosely */
// Conformance: the real wx-server-sdk against the emulator, for every query and update shape the
// project uses, production's limits, unique indexes, transactions and bad requests.
import { postAdmin, startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE } from './helpers/fixtures'

type Row = Record<string, unknown>

describe('database through the real SDK', () => {
  let emu: SdkEmulator
  const rows = (res: unknown): Row[] => (res as { data: Row[] }).data
  const items = () => emu.db.collection('items')
  const _ = () => emu.db.command

  beforeAll(async () => {
    emu = await startSdkEmulator({ databaseDir: FIXTURE_DATABASE })
    const docs = Array.from({ length: 30 }, (_v, i) => ({
      _id: `i${String(i).padStart(2, '0')}`,
      code: `C${i}`,
      floorId: i % 3 === 0 ? 'F1' : 'F2',
      status: i % 2 === 0 ? 'open' : 'closed',
      n: i,
      tags: i % 5 === 0 ? ['urgent', 'fire'] : ['normal'],
      loc: { building: i < 10 ? 'A' : 'B', room: `${100 + i}` },
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000),
    }))
    await items().add({ data: docs })
  })
  afterAll(() => emu.emulator.stop())

  const cases: Array<[string, () => Row, number]> = [
    ['eq', () => ({ floorId: 'F1' }), 10],
    ['neq', () => ({ floorId: _().neq('F1') }), 20],
    ['gt', () => ({ n: _().gt(25) }), 4],
    ['gte', () => ({ n: _().gte(25) }), 5],
    ['lt', () => ({ n: _().lt(3) }), 3],
    ['lte', () => ({ n: _().lte(3) }), 4],
    ['in', () => ({ n: _().in([1, 2, 99]) }), 2],
    ['nin', () => ({ n: _().nin([1, 2]) }), 28],
    ['and', () => ({ n: _().gt(5).and(_().lt(9)) }), 3],
    ['or', () => _().or([{ n: 1 }, { n: 2 }]) as unknown as Row, 2],
    ['exists', () => ({ missing: _().exists(false) }), 30],
    ['nested object (dotted)', () => ({ loc: { building: 'A' } }), 10],
    ['array element', () => ({ tags: 'urgent' }), 6],
    ['regexp', () => ({ code: emu.db.RegExp({ regexp: '^C1', options: 'i' }) }), 11],
    ['date range', () => ({ createdAt: _().gte(new Date(Date.UTC(2026, 0, 1, 20))) }), 10],
  ]
  it.each(cases)('where %s', async (_name, where, expected) => {
    const res = await items().where(where()).count()
    expect((res as { total: number }).total).toBe(expected)
  })

  it('orders by several fields, skips, limits and projects', async () => {
    const res = rows(
      await items()
        .where({ status: 'open' })
        .orderBy('floorId', 'asc')
        .orderBy('n', 'desc')
        .skip(1)
        .limit(3)
        .field({ n: true, floorId: true })
        .get(),
    )
    expect(res).toEqual([
      { _id: 'i18', n: 18, floorId: 'F1' },
      { _id: 'i12', n: 12, floorId: 'F1' },
      { _id: 'i06', n: 6, floorId: 'F1' },
    ])
  })

  it('walks the declared index for an equality prefix plus sort', async () => {
    const res = rows(
      await items()
        .where({ floorId: 'F2', status: 'closed' })
        .orderBy('createdAt', 'desc')
        .limit(2)
        .get(),
    )
    expect(res.map((r) => r._id)).toEqual(['i29', 'i25'])
    expect(res[0].createdAt).toBeInstanceOf(Date)
    const plan = emu.emulator.engine
      .get('items')
      .plan({ floorId: 'F2', status: 'closed' }, { createdAt: -1 })
    expect({ kind: plan.kind, index: plan.index?.name, servesSort: plan.servesSort }).toEqual({
      kind: 'index',
      index: 'floor_status_created',
      servesSort: true,
    })
  })

  it('warns once about a query no declared index serves', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await items().where({ 'loc.room': '105' }).orderBy('n', 'asc').get()
    await items().where({ 'loc.room': '106' }).orderBy('n', 'asc').get()
    expect(warn.mock.calls.filter((c) => String(c[0]).includes('no declared index'))).toHaveLength(
      1,
    )
    warn.mockRestore()
  })

  it("serves a range on an index's first field", async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const warned = () =>
      warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('no declared index'))
    await items()
      .where({ code: _().gte('C2') })
      .get()
    expect(warned()).toEqual([])
    warn.mockRestore()
  })

  it('returns a document by id, and an empty list for a missing one', async () => {
    expect(rows(await items().doc('i03').get())).toMatchObject({ n: 3 })
    await expect(items().doc('nope').get()).rejects.toBeDefined()
  })

  it('applies update operators with CloudBase merge semantics', async () => {
    await items()
      .doc('i01')
      .update({
        data: {
          n: _().inc(100),
          tags: _().push(['x', 'y']),
          loc: { room: '999' },
          seen: emu.db.serverDate(),
          status: _().remove(),
        },
      })
    const doc = rows(await items().doc('i01').get()) as unknown as Row
    expect(doc).toMatchObject({
      n: 101,
      tags: ['normal', 'x', 'y'],
      loc: { building: 'A', room: '999' },
    })
    expect(doc.status).toBeUndefined()
    expect(doc.seen).toBeInstanceOf(Date)
    await items()
      .doc('i01')
      .update({ data: { tags: _().addToSet('x') } })
    expect((rows(await items().doc('i01').get()) as unknown as Row).tags).toEqual([
      'normal',
      'x',
      'y',
    ])
  })

  it('updates many with where(), replaces with set(), and removes', async () => {
    const upd = (await items()
      .where({ floorId: 'F1', status: 'open' })
      .update({ data: { flagged: true } })) as { stats: { updated: number } }
    expect(upd.stats.updated).toBe(5)
    await items()
      .doc('i02')
      .set({ data: { code: 'C2', only: 'this' } })
    expect(rows(await items().doc('i02').get())).toEqual({ _id: 'i02', code: 'C2', only: 'this' })
    const rm = (await items()
      .where({ n: _().gte(28) })
      .remove()) as { stats: { removed: number } }
    expect(rm.stats.removed).toBe(3) // i28, i29 and i01 (n was raised to 101 above)
  })

  it('aggregates: match, group, sort, limit, project, count', async () => {
    const $ = emu.db.command.aggregate
    const res = (await items()
      .aggregate()
      .match({ floorId: 'F2' })
      .group({ _id: '$status', total: $.sum(1) })
      .sort({ _id: 1 })
      .end()) as { list: Row[] }
    expect(res.list).toEqual([
      { _id: 'closed', total: expect.any(Number) },
      { _id: 'open', total: expect.any(Number) },
    ])
    const counted = (await items().aggregate().match({ floorId: 'F1' }).count('c').end()) as {
      list: Row[]
    }
    expect(counted.list[0].c).toBeGreaterThan(0)
    const projected = (await items()
      .aggregate()
      .sort({ n: 1 })
      .limit(2)
      .project({ _id: 0, n: 1 })
      .end()) as { list: Row[] }
    expect(projected.list).toHaveLength(2)
  })

  describe("production's limits", () => {
    beforeAll(async () => {
      await emu.db.createCollection('bulk')
      const docs = Array.from({ length: 1200 }, (_v, i) => ({ _id: `b${i}`, i }))
      for (let k = 0; k < docs.length; k += 400)
        await emu.db.collection('bulk').add({ data: docs.slice(k, k + 400) })
    })
    it.each([
      ['get() without limit', async () => rows(await emu.db.collection('bulk').get()).length, 100],
      [
        'get() limit 1000',
        async () => rows(await emu.db.collection('bulk').limit(1000).get()).length,
        1000,
      ],
      [
        'aggregate() without $limit',
        async () =>
          ((await emu.db.collection('bulk').aggregate().match({}).end()) as { list: Row[] }).list
            .length,
        20,
      ],
      [
        'aggregate() with $limit',
        async () =>
          (
            (await emu.db.collection('bulk').aggregate().match({}).limit(50).end()) as {
              list: Row[]
            }
          ).list.length,
        50,
      ],
    ])('%s', async (_name, run, expected) => {
      await expect(run()).resolves.toBe(expected)
    })
    it('never returns more than 1000 even when asked (raw request)', async () => {
      const res = await postAdmin(
        emu.emulator.url,
        JSON.stringify({
          action: 'database.getDocument',
          collectionName: 'bulk',
          queryType: 'WHERE',
          query: '{}',
          limit: 5000,
        }),
      )
      expect(((res.data as Row).list as unknown[]).length).toBe(1000)
    })
  })

  it('enforces unique indexes and writes nothing of a rejected batch', async () => {
    await expect(items().add({ data: { code: 'C5' } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('E11000'),
    })
    await expect(
      items().add({
        data: [
          { _id: 'new1', code: 'U1' },
          { _id: 'new2', code: 'U1' },
        ],
      }),
    ).rejects.toBeDefined()
    expect(((await items().where({ code: 'U1' }).count()) as { total: number }).total).toBe(0)
  })

  it('errors on a collection that does not exist', async () => {
    await expect(emu.db.collection('ghost').add({ data: { a: 1 } })).rejects.toMatchObject({
      errMsg: expect.stringContaining('not exist'),
    })
  })

  describe('transactions', () => {
    it('commits doc() and add() operations atomically', async () => {
      await emu.db.runTransaction(async (tx: any) => {
        const doc = await tx.collection('items').doc('i04').get()
        await tx
          .collection('items')
          .doc('i04')
          .update({ data: { n: doc.data.n + 1 } })
        await tx.collection('items').add({ data: { _id: 'tx-new', code: 'TX1' } })
      })
      expect((rows(await items().doc('i04').get()) as unknown as Row).n).toBe(5)
      expect(rows(await items().doc('tx-new').get())).toMatchObject({ code: 'TX1' })
    })

    it('rolls back on a thrown error', async () => {
      await expect(
        emu.db.runTransaction(async (tx: any) => {
          await tx
            .collection('items')
            .doc('i05')
            .update({ data: { n: -1 } })
          throw new Error('nope')
        }),
      ).rejects.toThrow('nope')
      expect((rows(await items().doc('i05').get()) as unknown as Row).n).toBe(5)
    })

    it('answers DATABASE_TRANSACTION_CONFLICT to the later of two conflicting commits', async () => {
      const url = emu.emulator.url
      const start = async () =>
        (await postAdmin(url, JSON.stringify({ action: 'database.startTransaction' })))
          .transactionId as string
      const t1 = await start()
      const t2 = await start()
      const get = (t: string) =>
        postAdmin(
          url,
          JSON.stringify({
            action: 'database.getDocument',
            collectionName: 'items',
            queryType: 'DOC',
            query: '{"_id":"i07"}',
            transactionId: t,
          }),
        )
      const set = (t: string, n: number) =>
        postAdmin(
          url,
          JSON.stringify({
            action: 'database.modifyDocument',
            collectionName: 'items',
            queryType: 'DOC',
            query: '{"_id":"i07"}',
            data: `{"$set":{"n":{"$numberInt":"${n}"}}}`,
            merge: true,
            transactionId: t,
          }),
        )
      await get(t1)
      await get(t2)
      await set(t1, 71)
      await set(t2, 72)
      expect(
        await postAdmin(
          url,
          JSON.stringify({ action: 'database.commitTransaction', transactionId: t1 }),
        ),
      ).not.toHaveProperty('code')
      expect(
        await postAdmin(
          url,
          JSON.stringify({ action: 'database.commitTransaction', transactionId: t2 }),
        ),
      ).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
      expect((rows(await items().doc('i07').get()) as unknown as Row).n).toBe(71)
    })

    it('lets the SDK retry conflicts so concurrent increments are never lost', async () => {
      await Promise.all(
        Array.from({ length: 5 }, () =>
          emu.db.runTransaction(async (tx: any) => {
            const doc = await tx.collection('items').doc('i08').get()
            await tx
              .collection('items')
              .doc('i08')
              .update({ data: { n: doc.data.n + 1 } })
          }, 10),
        ),
      )
      expect((rows(await items().doc('i08').get()) as unknown as Row).n).toBe(13)
    })

    it('conflicts every commit writing a contended collection until released', async () => {
      const bump = (id: string) =>
        emu.db.runTransaction(async (tx: any) => {
          const doc = await tx.collection('items').doc(id).get()
          await tx
            .collection('items')
            .doc(id)
            .update({ data: { n: doc.data.n + 1 } })
        }, 2)
      const release = emu.emulator.engine.contend('items')
      try {
        await expect(bump('i09')).rejects.toMatchObject({
          code: 'DATABASE_TRANSACTION_CONFLICT',
        })
        // Writes outside a transaction are not affected.
        await items()
          .doc('i10')
          .update({ data: { n: 100 } })
      } finally {
        release()
      }
      expect((rows(await items().doc('i09').get()) as unknown as Row).n).toBe(9)
      await bump('i09')
      expect((rows(await items().doc('i09').get()) as unknown as Row).n).toBe(10)
      expect((rows(await items().doc('i10').get()) as unknown as Row).n).toBe(100)
    })

    it('refuses where() inside a transaction', async () => {
      const url = emu.emulator.url
      const t = (await postAdmin(url, JSON.stringify({ action: 'database.startTransaction' })))
        .transactionId
      const res = await postAdmin(
        url,
        JSON.stringify({
          action: 'database.modifyDocument',
          collectionName: 'items',
          queryType: 'WHERE',
          query: '{"floorId":"F1"}',
          data: '{"$set":{"x":1}}',
          transactionId: t,
        }),
      )
      expect(res).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    })
  })

  describe('bad requests get production-shaped errors and write nothing', () => {
    const before = async () => ((await items().count()) as { total: number }).total
    it.each([
      ['malformed JSON', '{"action": "database.insertDocument", ', 'INVALID_PARAM'],
      [
        'invalid EJSON',
        JSON.stringify({
          action: 'database.insertDocument',
          collectionName: 'items',
          data: ['{"a": {"$numberInt": "x"}}'],
        }),
        'INVALID_PARAM',
      ],
      [
        'one bad document in a batch',
        JSON.stringify({
          action: 'database.insertDocument',
          collectionName: 'items',
          data: ['{"code":"OK1"}', 'not json'],
        }),
        'INVALID_PARAM',
      ],
      [
        'unknown action',
        JSON.stringify({ action: 'database.dropEverything', collectionName: 'items' }),
        'INVALID_ACTION',
      ],
      ['no action', JSON.stringify({ collectionName: 'items' }), 'INVALID_PARAM'],
    ])('%s → %s', async (_name, body, code) => {
      const n = await before()
      const res = await postAdmin(emu.emulator.url, body)
      expect(res).toMatchObject({
        code,
        message: expect.any(String),
        requestId: expect.any(String),
      })
      expect(await before()).toBe(n)
    })
  })
})

describe('ordering across realms', () => {
  it('orders Dates cloned by structuredClone like any other Date', () => {
    const { compareValues } =
      require('../../emulator/src/database/compare') as typeof import('../../emulator/src/database/compare')
    const cloned = structuredClone({ d: new Date(2000) }).d
    expect(compareValues(cloned, new Date(1000))).toBeGreaterThan(0)
    expect(compareValues(cloned, new Date(2000))).toBe(0)
    expect(compareValues(cloned, 'zzz')).toBeGreaterThan(0)
  })
})
