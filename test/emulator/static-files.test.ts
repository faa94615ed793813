// The built H5 app is served as a CDN serves it: text compressed in the best encoding the browser
// accepts (the bytes decode to the file as it is now), images as they are, unknown paths as the app.
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS } from './helpers/fixtures'
import { chooseEncoding } from '../../emulator/src/static-files'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A GET whose body is returned as sent, not decoded. */
const rawGet = (url: string, acceptEncoding?: string): Promise<Raw> =>
  new Promise((ok, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    }).on('error', fail)
  })

const decode = (r: Raw): Buffer => {
  const enc = r.headers['content-encoding']
  if (enc === 'br') return brotliDecompressSync(r.body)
  if (enc === 'gzip') return gunzipSync(r.body)
  return r.body
}

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=0.8, br;q=0.6', 'gzip'],
    ['gzip;q=0.6, br;q=0.8', 'br'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('Accept-Encoding %p → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('static files', () => {
  let emu: SdkEmulator
  let url: string
  const root = mkdtempSync(join(tmpdir(), 'woodpecker-static-'))
  const script = `console.log(${JSON.stringify('啄木鸟 '.repeat(4000))})\n`
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  beforeAll(async () => {
    mkdirSync(join(root, 'js'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>')
    writeFileSync(join(root, 'js', 'app.js'), script)
    writeFileSync(join(root, 'icon.png'), png)
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      staticDir: root,
    })
    url = emu.emulator.url
  })
  afterAll(async () => {
    await emu.emulator.stop()
    rmSync(root, { recursive: true, force: true })
  })

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    [undefined, undefined],
  ])('serves a script to Accept-Encoding %p in %p, decoding to the file', async (accept, enc) => {
    const r = await rawGet(`${url}/js/app.js`, accept)
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(r.headers['content-encoding']).toBe(enc)
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    if (enc) expect(r.body.length).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(decode(r).toString('utf8')).toBe(script)
  })

  it('serves an image as it is, whatever the browser accepts', async () => {
    const r = await rawGet(`${url}/icon.png`, 'gzip, deflate, br')
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.headers['content-type']).toBe('image/png')
    expect(r.body.equals(png)).toBe(true)
  })

  it('answers a path that names no file with the app, compressed', async () => {
    const r = await rawGet(`${url}/pages/report/index`, 'gzip')
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(r.headers['cache-control']).toBe('no-cache')
    expect(decode(r).toString('utf8')).toContain('<div id="app">')
  })

  it('serves a rebuilt file’s new bytes, not the compressed copy of the old ones', async () => {
    await rawGet(`${url}/js/app.js`, 'br')
    const rebuilt = `${script}console.log('rebuilt')\n`
    writeFileSync(join(root, 'js', 'app.js'), rebuilt)
    const later = new Date(Date.now() + 5_000)
    utimesSync(join(root, 'js', 'app.js'), later, later)
    expect(decode(await rawGet(`${url}/js/app.js`, 'br')).toString('utf8')).toBe(rebuilt)
  })

  it('refuses a path outside the root', async () => {
    const r = await rawGet(`${url}/%2e%2e/%2e%2e/etc/passwd`)
    expect([403, 200]).toContain(r.status)
    expect(r.body.toString('utf8')).not.toContain('root:')
  })
})
