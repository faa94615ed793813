// The HTTP front: POST /admin for the SDK, service routes, static files (static-files.ts), CORS for the H5 app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AdminHandler, AdminRequest, InvocationIdentity, RouteHandler } from './core'
import { CloudError } from './ejson'
import { parseMultipart, readBody, sendJson } from './http-util'
import { randomHex } from './random-hex'
import type { StaticFiles } from './static-files'

interface Route {
  method: string
  prefix: string
  handler: RouteHandler
}

/** Routes requests to admin actions, registered routes and static files. */
export class Router {
  readonly actions = new Map<string, AdminHandler>()
  readonly routes: Route[] = []
  resolveCaller: (token: string) => InvocationIdentity | undefined = () => undefined
  /** The built H5 app, served at `/` when given. */
  files?: StaticFiles

  /** Creates the Node HTTP server. */
  createServer(): Server {
    // An idle kept-alive connection stays open a minute, not node's 5 s: a client whose event loop
    // was busy past the close would otherwise send its next call on a socket the server has just
    // closed ("socket hang up"). Headers may take as long as the connection may idle.
    return createServer({ keepAliveTimeout: 60_000, headersTimeout: 61_000 }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, {
            code: 'SYS_ERR',
            message: String((error as Error)?.message ?? error),
          })
        else res.end()
      })
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader(
      'access-control-allow-headers',
      'content-type, x-woodpecker-openid, authorization',
    )
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    if (req.method === 'POST' && url.pathname === '/admin') return this.admin(req, res)
    const route = this.routes
      .filter((r) => r.method === req.method && url.pathname.startsWith(r.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0]
    if (route) return route.handler(req, res, url)
    if ((req.method === 'GET' || req.method === 'HEAD') && this.files)
      return this.files.serve(req, url, res)
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${url.pathname}` })
  }

  private async admin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomHex().slice(0, 16)
    try {
      const raw = await readBody(req)
      const contentType = String(req.headers['content-type'] ?? '')
      let body: Record<string, unknown>
      let parts: AdminRequest['parts']
      if (contentType.startsWith('multipart/form-data')) {
        parts = {}
        body = {}
        let list
        try {
          list = parseMultipart(raw, contentType)
        } catch (error) {
          throw new CloudError(
            'INVALID_PARAM',
            `malformed multipart body: ${(error as Error).message}`,
          )
        }
        for (const part of list) {
          parts[part.name] = {
            data: part.data,
            filename: part.filename,
            contentType: part.contentType,
          }
          if (part.filename === undefined && !part.contentType)
            body[part.name] = part.data.toString('utf8')
        }
      } else {
        try {
          body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
        } catch {
          throw new CloudError('INVALID_PARAM', 'request body is not valid JSON')
        }
        if (!body || typeof body !== 'object' || Array.isArray(body))
          throw new CloudError('INVALID_PARAM', 'request body must be a JSON object')
      }
      const action = body.action
      if (typeof action !== 'string' || !action)
        throw new CloudError('INVALID_PARAM', 'action is required')
      const handler = this.actions.get(action)
      if (!handler)
        throw new CloudError('INVALID_ACTION', `action ${action} is not supported by the emulator`)
      const token = typeof body.wxCloudApiToken === 'string' ? body.wxCloudApiToken : ''
      const caller = token ? this.resolveCaller(token) : undefined
      const result = await handler({ action, body, parts, caller })
      if ('raw' in result && Buffer.isBuffer(result.raw)) {
        res.writeHead(200, {
          'content-type': String(result.contentType),
          'content-length': result.raw.length,
        })
        res.end(result.raw)
        return
      }
      sendJson(res, 200, { requestId, ...result })
    } catch (error) {
      if (error instanceof CloudError) {
        sendJson(res, 200, { code: error.code, message: error.message, requestId })
      } else {
        sendJson(res, 200, {
          code: 'SYS_ERR',
          message: String((error as Error)?.message ?? error),
          requestId,
        })
      }
    }
  }
}
