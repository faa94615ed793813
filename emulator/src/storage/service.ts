// Cloud storage: upload (metadata + PUT like COS), temporary download URLs served over HTTP,
// download, delete. Bytes live under <dataDir>/storage (written before acknowledging) or in memory.
import { createHmac, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs'
import { dirname, extname, join } from 'node:path'
import type { EmulatorCore, EmulatorService } from '../core'
import { CloudError } from '../ejson'
import { readBody, sendJson } from '../http-util'

const FILES = '_emu_files'
const MAX_IDS = 50
const MAX_UPLOAD = 50 * 1024 * 1024
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.txt': 'text/plain',
}

/** The bucket part of a file id, shaped like production's `7465-<env>-<appid-ish>`. */
export function bucketOf(envId: string): string {
  return `7465-${envId}-1300000000`
}

/** Installs storage actions and routes. */
export const storageService: EmulatorService = (core) => {
  const secret = randomBytes(16)
  const memory = new Map<string, Buffer>()
  const root = core.dataDir ? join(core.dataDir, 'storage') : undefined
  const pendingUploads = new Map<string, string>()
  // Stored bytes are never changed in place: a snapshot may share them.
  core.keepState('storage', {
    capture: () => ({ memory: new Map(memory), pendingUploads: new Map(pendingUploads) }),
    restore: (state) => {
      const s = state as { memory: Map<string, Buffer>; pendingUploads: Map<string, string> }
      if (root) throw new Error('a snapshot restores stored files only in memory')
      memory.clear()
      for (const [k, v] of s.memory) memory.set(k, v)
      pendingUploads.clear()
      for (const [k, v] of s.pendingUploads) pendingUploads.set(k, v)
    },
  })
  const fileIdOf = (path: string): string => `cloud://${core.envId}.${bucketOf(core.envId)}/${path}`
  const pathOf = (fileId: string): string | undefined => {
    const prefix = `cloud://${core.envId}.${bucketOf(core.envId)}/`
    return typeof fileId === 'string' && fileId.startsWith(prefix)
      ? fileId.slice(prefix.length)
      : undefined
  }
  const sign = (path: string, expires: number): string =>
    createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex').slice(0, 32)

  /** Stores bytes at a path; `openid` is the client who uploaded (none for the server SDK, an admin). */
  const write = async (
    path: string,
    data: Buffer,
    contentType?: string,
    openid?: string,
  ): Promise<string> => {
    checkPath(path)
    if (root) {
      const file = join(root, path)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, data)
      const fd = openSync(file, 'r')
      fsyncSync(fd)
      closeSync(fd)
    } else {
      memory.set(path, data)
    }
    const fileId = fileIdOf(path)
    await core.store.remove(FILES, { _id: fileId })
    await core.store.insert(FILES, {
      _id: fileId,
      path,
      size: data.length,
      contentType: contentType ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      storedAt: new Date(core.clock.now()),
      ...(openid ? { openid } : {}),
    })
    return fileId
  }
  const read = (path: string): Buffer | undefined => {
    if (root) {
      const file = join(root, path)
      return existsSync(file) ? readFileSync(file) : undefined
    }
    return memory.get(path)
  }
  const meta = async (fileId: string): Promise<Record<string, unknown> | undefined> =>
    (await core.store.find(FILES, { _id: fileId }))[0]

  core.registerAction('storage.getUploadMetadata', async ({ body }) => {
    const path = String(body.path ?? '')
    checkPath(path)
    const token = randomBytes(12).toString('hex')
    pendingUploads.set(token, path)
    return {
      data: {
        url: `${core.url}/_emulator/cos/${token}`,
        token,
        authorization: `q-sign-algorithm=sha1&emulator=${token}`,
        fileId: fileIdOf(path),
        cosFileId: token,
      },
    }
  })

  core.registerRoute('PUT', '/_emulator/cos/', async (req, res, url) => {
    const token = url.pathname.slice('/_emulator/cos/'.length)
    const path = pendingUploads.get(token)
    if (!path) {
      res.writeHead(403, { 'content-type': 'application/xml' })
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>upload token unknown or used</Message><RequestId>emu</RequestId><TraceId>emu</TraceId></Error>',
      )
      return
    }
    pendingUploads.delete(token)
    const data = await readBody(req)
    await write(path, data, req.headers['content-type'])
    res.writeHead(200)
    res.end('')
  })

  core.registerAction('storage.batchGetDownloadUrl', async ({ body }) => {
    const list = body.file_list
    if (!Array.isArray(list) || list.length === 0)
      throw new CloudError('INVALID_PARAM', 'file_list must be a non-empty array')
    if (list.length > MAX_IDS)
      throw new CloudError(
        'INVALID_PARAM',
        `file_list has ${list.length} ids; at most ${MAX_IDS} per call`,
      )
    const download_list = await Promise.all(
      list.map(async (item: { fileid?: string; max_age?: number }) => {
        const fileID = String(item.fileid ?? '')
        const path = pathOf(fileID)
        if (!path || !(await meta(fileID)))
          return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
        const maxAge = Number(item.max_age) > 0 ? Number(item.max_age) : 86400
        const expires = core.clock.now() + maxAge * 1000
        const tempFileURL = `${core.url}/_emulator/files/${encodeURI(path)}?t=${expires}&sign=${sign(path, expires)}`
        return { fileID, tempFileURL, code: 'SUCCESS', maxAge }
      }),
    )
    return { data: { download_list } }
  })

  core.registerRoute('GET', '/_emulator/files/', async (_req, res, url) => {
    const path = decodeURI(url.pathname.slice('/_emulator/files/'.length))
    const expires = Number(url.searchParams.get('t'))
    if (url.searchParams.get('sign') !== sign(path, expires) || core.clock.now() > expires) {
      sendJson(res, 403, {
        code: 'STORAGE_SIGN_PARAM_INVALID',
        message: 'temporary URL is invalid or has expired',
      })
      return
    }
    const data = read(path)
    const info = await meta(fileIdOf(path))
    if (!data || !info) {
      sendJson(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist' })
      return
    }
    res.writeHead(200, {
      'content-type': String(info.contentType),
      'content-length': data.length,
      'cache-control': 'max-age=600',
    })
    res.end(data)
  })

  core.registerAction('storage.batchDeleteFile', async ({ body }) => {
    const ids = body.fileid_list
    if (!Array.isArray(ids) || ids.length === 0)
      throw new CloudError('INVALID_PARAM', 'fileid_list must be a non-empty array')
    const delete_list = await Promise.all(
      ids.map(async (fileID: string) => {
        const path = pathOf(fileID)
        if (!path || !(await meta(fileID))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        await core.store.remove(FILES, { _id: fileID })
        if (root) rmSync(join(root, path), { force: true })
        else memory.delete(path)
        return { fileID, code: 'SUCCESS' }
      }),
    )
    return { data: { delete_list } }
  })

  // Without a `path`, a staff member's upload goes into a slot the app's `media.uploadSlots` hands
  // them (what the app itself asks for first), so a script can upload and report in two steps.
  const slotOf = async (openid: string): Promise<string | undefined> => {
    const res = await fetch(`${core.url}/fn/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
      body: JSON.stringify({ action: 'uploadSlots', input: { count: 1 } }),
    }).catch(() => undefined)
    const answer = (await res?.json().catch(() => undefined)) as
      { ok?: boolean; data?: { prefixes?: string[] } } | undefined
    return answer?.ok ? answer.data?.prefixes?.[0] : undefined
  }

  // The H5 app has no SDK: it uploads a photo here and gets a cloud:// id back, as uploadFile would.
  core.registerRoute('POST', '/_emulator/upload', async (req, res, url) => {
    const data = await readBody(req)
    if (data.length === 0 || data.length > MAX_UPLOAD) {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: data.length ? '文件过大' : '文件为空' })
      return
    }
    const ext = extname(url.searchParams.get('name') ?? '') || '.jpg'
    const openid = String(req.headers['x-woodpecker-openid'] ?? '')
    const name = `${randomBytes(8).toString('hex')}${ext}`
    const asked = url.searchParams.get('path')
    const slot = !asked && openid ? await slotOf(openid) : undefined
    const path =
      asked ??
      (slot
        ? `${slot}${name}`
        : `uploads/${new Date(core.clock.now()).toISOString().slice(0, 10)}/${name}`)
    // The storage rule the README sets: `"write": "resource.openid == auth.openid"` — a client may
    // create files, and replace only its own.
    const existing = await meta(fileIdOf(path))
    if (existing && existing.openid !== openid) {
      sendJson(res, 403, {
        code: 'STORAGE_PERMISSION_DENIED',
        message: '没有权限覆盖他人上传的文件',
      })
      return
    }
    try {
      const fileID = await write(path, data, req.headers['content-type'], openid || undefined)
      sendJson(res, 200, { fileID, size: data.length })
    } catch (error) {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: (error as Error).message })
    }
  })
}

function checkPath(path: string): void {
  if (
    !path ||
    path.length > 512 ||
    path.startsWith('/') ||
    path.split('/').some((p) => p === '..' || p === '')
  ) {
    throw new CloudError('INVALID_PARAM', `invalid cloud path: "${path}"`)
  }
}

export type { EmulatorCore }
