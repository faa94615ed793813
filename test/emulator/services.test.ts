// Conformance for functions, storage, open API and the subscription outbox, through the real SDK.
import { readFileSync } from 'node:fs'
import { CAMERA_PHOTO } from '../fixtures'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS, gateway } from './helpers/fixtures'

const PHOTO = CAMERA_PHOTO
type Row = Record<string, unknown>

describe('emulated services', () => {
  let emu: SdkEmulator
  let url: string
  beforeAll(async () => {
    emu = await startSdkEmulator({ databaseDir: FIXTURE_DATABASE, functionsDir: FIXTURE_FUNCTIONS })
    url = emu.emulator.url
  })
  afterAll(() => emu.emulator.stop())

  describe('functions', () => {
    it('gives concurrent invocations their own identity, before and after an await', async () => {
      const openids = Array.from({ length: 6 }, (_v, i) => `o-user-${i}`)
      const results = await Promise.all(
        openids.map((o, i) => gateway(url, 'echo', { delayMs: (6 - i) * 15, tag: o }, o)),
      )
      for (const [i, { status, json }] of results.entries()) {
        expect(status).toBe(200)
        expect(json).toMatchObject({
          openid: openids[i],
          openidAfterAwait: openids[i],
          source: 'wx_client',
        })
      }
      const calls = (await emu.db
        .collection('calls')
        .where({ tag: emu.db.command.in(openids) })
        .get()) as { data: Row[] }
      expect(calls.data.every((c) => c.openid === c.tag)).toBe(true)
      expect(calls.data).toHaveLength(6)
    }, 30_000) // six cold workers load the SDK at once: slow on a loaded machine

    it('runs cloud.callFunction between functions with the caller’s identity', async () => {
      const { json } = await gateway(url, 'relay', { target: 'echo' }, 'o-relay')
      expect(json.result).toMatchObject({
        openid: 'o-relay',
        source: 'wx_client,scf',
        event: { tag: 'relayed' },
      })
    })

    it('kills an invocation past its config.json timeout', async () => {
      const { status, json } = await gateway(url, 'slow', {}, 'o-1')
      expect(status).toBe(504)
      expect(json.code).toBe('FUNCTIONS_TIME_LIMIT_EXCEEDED')
    })

    it('answers a missing function with an error, from the SDK too', async () => {
      expect((await gateway(url, 'nope', {})).status).toBe(404)
      await expect(emu.cloud.callFunction({ name: 'nope', data: {} })).rejects.toBeDefined()
      const res = (await emu.cloud.callFunction({ name: 'echo', data: { tag: 'admin' } })) as {
        result: Row
      }
      expect(res.result).toMatchObject({ openid: '', event: { tag: 'admin' } })
    })
  })

  describe('storage', () => {
    it('uploads, serves a temporary URL, downloads the same bytes and deletes', async () => {
      // The repository's camera photo (test/fixtures).
      const bytes = readFileSync(PHOTO)
      const up = (await emu.cloud.uploadFile({
        cloudPath: 'photos/camera.jpg',
        fileContent: bytes,
      })) as { fileID: string }
      expect(up.fileID).toBe(
        `cloud://${emu.emulator.envId}.7465-${emu.emulator.envId}-1300000000/photos/camera.jpg`,
      )
      const temp = (await emu.cloud.getTempFileURL({
        fileList: [{ fileID: up.fileID, maxAge: 600 }],
      })) as unknown as { fileList: Row[] }
      expect(temp.fileList[0]).toMatchObject({ status: 0, fileID: up.fileID, maxAge: 600 })
      const served = Buffer.from(
        await (await fetch(String(temp.fileList[0].tempFileURL))).arrayBuffer(),
      )
      expect(served.equals(bytes)).toBe(true)
      const down = (await emu.cloud.downloadFile({ fileID: up.fileID })) as { fileContent: Buffer }
      expect(Buffer.compare(down.fileContent, bytes)).toBe(0)
      const del = (await emu.cloud.deleteFile({ fileList: [up.fileID] })) as unknown as {
        fileList: Row[]
      }
      expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
      const gone = (await emu.cloud.getTempFileURL({ fileList: [up.fileID] })) as unknown as {
        fileList: Row[]
      }
      expect(gone.fileList[0]).toMatchObject({ tempFileURL: '', status: expect.any(Number) })
      expect(gone.fileList[0].status).not.toBe(0)
    })

    it('refuses more than 50 ids per getTempFileURL call', async () => {
      const ids = Array.from({ length: 51 }, (_v, i) => `cloud://x/${i}`)
      await expect(emu.cloud.getTempFileURL({ fileList: ids })).rejects.toBeDefined()
    })

    it('takes a browser upload and returns a cloud:// id', async () => {
      const res = await fetch(`${url}/_emulator/upload?name=a.jpg`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg' },
        body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      })
      const json = (await res.json()) as { fileID: string; size: number }
      expect(json).toMatchObject({ fileID: expect.stringMatching(/^cloud:\/\/.+\.jpg$/), size: 4 })
    })

    it('stores at the path asked for, and never over a file another OPENID uploaded', async () => {
      const put = (openid: string, byte: number) =>
        fetch(`${url}/_emulator/upload?path=${encodeURIComponent('photos/u-1/mine.jpg')}`, {
          method: 'POST',
          headers: { 'content-type': 'image/jpeg', 'x-woodpecker-openid': openid },
          body: Buffer.from([0xff, 0xd8, byte, 0xff, 0xd9]),
        })
      const first = (await (await put('o-owner', 1)).json()) as { fileID: string }
      expect(first.fileID).toMatch(/\/photos\/u-1\/mine\.jpg$/)
      expect((await put('o-owner', 2)).status).toBe(200)
      const other = await put('o-other', 3)
      expect(other.status).toBe(403)
      expect(await other.json()).toMatchObject({ code: 'STORAGE_PERMISSION_DENIED' })
      const kept = (await emu.cloud.downloadFile({ fileID: first.fileID })) as unknown as {
        fileContent: Buffer
      }
      expect([...Buffer.from(kept.fileContent)]).toEqual([0xff, 0xd8, 2, 0xff, 0xd9])
    })
  })

  describe('open API and the subscription outbox', () => {
    const send = (params: Row, openid = 'o-sender') =>
      gateway(url, 'notifier', { api: 'send', params }, openid)
    const message = (touser: string, overrides: Row = {}) => ({
      touser,
      templateId: 'woodpecker-hazard-assigned',
      page: 'pages/ticket/index?id=t1',
      data: {
        thing1: { value: '消防通道堵塞' },
        thing2: { value: '7号楼3层' },
        time3: { value: '2026-11-24 09:30' },
        thing4: { value: '请尽快处理' },
      },
      ...overrides,
    })
    const consent = (openid: string, templateIds: string[]) =>
      fetch(`${url}/_emulator/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid, templateIds }),
      }).then((r) => r.json())

    it('sends once per consent, then answers 43101', async () => {
      await expect(consent('o-captain', ['woodpecker-hazard-assigned'])).resolves.toMatchObject({
        'woodpecker-hazard-assigned': 'accept',
      })
      expect((await send(message('o-captain'))).json).toMatchObject({ ok: true })
      expect((await send(message('o-captain'))).json).toMatchObject({ ok: false, errCode: 43101 })
      const outbox = (await (
        await fetch(`${url}/_emulator/outbox?openid=o-captain`)
      ).json()) as Row[]
      expect(outbox.map((m) => m.status)).toEqual(['rejected', 'sent'])
      expect(outbox[1]).toMatchObject({
        title: '隐患待处理提醒',
        data: { thing1: { value: '消防通道堵塞' } },
      })
    })

    it.each([
      [
        'a thing over 20 chars',
        {
          data: {
            thing1: { value: '一'.repeat(21) },
            thing2: { value: 'x' },
            time3: { value: '2026-11-24 09:30' },
            thing4: { value: 'x' },
          },
        },
        47003,
      ],
      [
        'a time that is not a time',
        {
          data: {
            thing1: { value: 'a' },
            thing2: { value: 'x' },
            time3: { value: '下午' },
            thing4: { value: 'x' },
          },
        },
        47003,
      ],
      ['a missing field', { data: { thing1: { value: 'a' } } }, 47003],
      ['an unknown template', { templateId: 'nope' }, 40037],
      ['an empty openid', { touser: '' }, 40003],
    ])('rejects %s with %i', async (_name, overrides, errCode) => {
      await consent('o-rules', ['woodpecker-hazard-assigned'])
      expect((await send(message('o-rules', overrides))).json).toMatchObject({ ok: false, errCode })
    })

    it('denies an open API the function has no permission for', async () => {
      const { json } = await gateway(url, 'ticker', { api: 'send', params: message('o-x') })
      expect(json).toMatchObject({ ok: false, errCode: -604101 })
    })

    it('draws a real PNG QR code and validates its scene', async () => {
      const { json } = await gateway(url, 'notifier', {
        api: 'qr',
        params: { scene: 'f=B07F03', page: 'pages/report/index', width: 430, checkPath: false },
      })
      expect(json).toMatchObject({ ok: true, contentType: 'image/png' })
      const png = Buffer.from(String(json.base64), 'base64')
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(png.readUInt32BE(16)).toBe(430)
      const bad = await gateway(url, 'notifier', {
        api: 'qr',
        params: { scene: '楼层', page: 'pages/report/index' },
      })
      expect(bad.json).toMatchObject({ ok: false, errCode: 40169 })
    })

    it('judges text with msgSecCheck', async () => {
      const ok = await gateway(url, 'notifier', {
        api: 'check',
        params: { content: '三楼走廊堆放杂物', version: 2, scene: 2, openid: 'o-1' },
      })
      expect(ok.json).toMatchObject({ ok: true, res: { result: { suggest: 'pass' } } })
      const risky = await gateway(url, 'notifier', {
        api: 'check',
        params: { content: '违禁词测试', version: 2, scene: 2, openid: 'o-1' },
      })
      expect(risky.json).toMatchObject({ ok: true, res: { result: { suggest: 'risky' } } })
    })

    it('serves the outbox as a WeChat-like page', async () => {
      const html = await (await fetch(`${url}/_emulator/outbox.html`)).text()
      expect(html).toContain('服务通知')
    })
  })
})
