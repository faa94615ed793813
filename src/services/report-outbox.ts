// The device's report queue: reports submitted without network wait in storage (surviving a closed
// app) and go out on app start, on coming back to the front and when the network returns.
import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { TicketView } from '../../types/api/ticket'
import { ApiError, messageOf } from './api-error'
import { call } from './call'
import { StoredPhoto } from './draft'
import { forgetPhoto, keptPhotoUrl } from './kept-photos'
import { onAppBack, onNetworkBack } from './network'
import { currentPersona } from './persona'
import { uploadPhoto } from './photo'
import { createReportQueue, type QueuedReport, type Sent } from './report-queue'

const KEY = 'woodpecker.report-queue'

const StoredQueue = z.array(
  z.object({
    clientKey: z.string(),
    owner: z.string(),
    floorId: z.string(),
    categoryId: z.string(),
    description: z.string().optional(),
    spot: z.string().optional(),
    anonymous: z.boolean(),
    photos: z.array(StoredPhoto),
    label: z.string(),
    queuedAt: z.number(),
    refused: z.string().optional(),
  }),
)

type Listener = (sent: Sent<TicketView>[]) => void
const listeners = new Set<Listener>()
const tell = (sent: Sent<TicketView>[]) => listeners.forEach((fn) => fn(sent))

const queue = createReportQueue<TicketView>({
  load: () => {
    try {
      const parsed = StoredQueue.safeParse(Taro.getStorageSync(KEY) || [])
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  },
  save: (items) => Taro.setStorageSync(KEY, items),
  owner: currentPersona,
  upload: async (photo) => {
    const url = photo.local ? await keptPhotoUrl(photo.local) : undefined
    if (!url) throw new ApiError('input.invalid', '照片已不在手机上，请删除后重新拍照上报')
    return uploadPhoto(url)
  },
  create: (r) =>
    call('ticket', 'create', {
      clientKey: r.clientKey,
      floorId: r.floorId,
      categoryId: r.categoryId,
      photos: r.photos.flatMap((p) => (p.fileID ? [p.fileID] : [])),
      description: r.description,
      spot: r.spot,
      anonymous: r.anonymous,
    }),
  forget: (p) => forgetPhoto(p.local),
  failureOf: (e) => ({ code: e instanceof ApiError ? e.code : undefined, message: messageOf(e) }),
})

/** Queues a report to be sent when the network allows, and tries at once. */
export function queueReport(report: QueuedReport): void {
  queue.enqueue(report)
  tell([])
  void sendQueuedReports()
}

/** Sends the signed-in person's queued reports that can be sent now. */
export async function sendQueuedReports(): Promise<void> {
  tell(await queue.drain())
}

/** The signed-in person's reports still waiting, oldest first. */
export function queuedReports(): QueuedReport[] {
  return queue.list()
}

/** Discards a queued report the server refused, with its kept photos. */
export function discardQueuedReport(clientKey: string): void {
  queue.discard(clientKey)
  tell([])
}

/** Calls `fn` after the queue changes, with whatever the server just accepted; returns the way to stop. */
export function onReportQueue(fn: Listener): () => void {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

let started = false

/** Sends what waited since last time, and again whenever the app or the network comes back. */
export function startReportOutbox(): void {
  if (started) return
  started = true
  const send = () => void sendQueuedReports().catch(() => undefined)
  setTimeout(send, 0)
  onNetworkBack(send)
  onAppBack(send)
}
