// The built H5 app's files, served as CloudBase static hosting serves them: text compressed (brotli,
// else gzip) when the browser accepts it, each file compressed once and kept until it changes.
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { sendJson } from './http-util'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Kinds whose bytes shrink when compressed (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf'])

type Encoding = 'br' | 'gzip' | 'identity'

/** The encoding the request's Accept-Encoding weighs highest of brotli and gzip (brotli on a tie), else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const weights = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    weights.set(name, q ? Number(q.slice(2)) : 1)
  }
  const weight = (name: string): number => weights.get(name) ?? weights.get('*') ?? 0
  const [br, gzip] = [weight('br'), weight('gzip')]
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}

const encode: Record<Exclude<Encoding, 'identity'>, (raw: Buffer) => Buffer> = {
  br: (raw) =>
    brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  gzip: (raw) => gzipSync(raw, { level: 6 }),
}

/** Serves files under one root; a path that names no file gets index.html (the app's routes). */
export class StaticFiles {
  private readonly kept = new Map<string, { mtimeMs: number; body: Buffer }>()

  constructor(private readonly root: string) {}

  /** Answers a GET or HEAD for `url` from the root. */
  serve(req: IncomingMessage, url: URL, res: ServerResponse): void {
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(this.root, rel)
    if (!file.startsWith(this.root)) {
      sendJson(res, 403, { code: 'FORBIDDEN', message: 'outside the static root' })
      return
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(this.root, 'index.html')
    if (!existsSync(file)) {
      sendJson(res, 404, {
        code: 'NOT_FOUND',
        message: 'the H5 app is not built (npm run build:h5)',
      })
      return
    }
    const ext = extname(file)
    const encoding = COMPRESSIBLE.has(ext)
      ? chooseEncoding(req.headers['accept-encoding'] as string | undefined)
      : 'identity'
    const body = this.bytes(file, encoding)
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'max-age=300',
      'content-length': body.length,
      ...(COMPRESSIBLE.has(ext) ? { vary: 'Accept-Encoding' } : {}),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /** The file's bytes in one encoding, compressed once per version of the file. */
  private bytes(file: string, encoding: Encoding): Buffer {
    const { mtimeMs } = statSync(file)
    const key = `${encoding}:${file}`
    const kept = this.kept.get(key)
    if (kept && kept.mtimeMs === mtimeMs) return kept.body
    const raw = readFileSync(file)
    const body = encoding === 'identity' ? raw : encode[encoding](raw)
    this.kept.set(key, { mtimeMs, body })
    return body
  }
}
