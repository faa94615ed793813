// The device's rounds: the walk (round and checklist) saved when it was last read, and the answers
// kept in storage (surviving a closed app) and sent on start, on coming back to the front and when
// the network returns.
import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { ActionOutput } from '../../types'
import { ApiError, messageOf } from './api-error'
import { call } from './call'
import { StoredPhoto } from './draft'
import { forgetPhoto, keptPhotoUrl } from './kept-photos'
import { onAppBack, onNetworkBack } from './network'
import { currentPersona } from './persona'
import { uploadPhoto } from './photo'
import { createRoundQueue, type KeptAnswer } from './round-queue'
import { ANSWER_VALUES } from '../../types/api/rounds'

const ANSWERS = 'woodpecker.round-answers'
const WALKS = 'woodpecker.round-walks'

/** A round as `rounds.get` answers it. */
export type RoundWalk = ActionOutput<'rounds', 'get'>

const StoredAnswers = z.array(
  z.object({
    clientKey: z.string(),
    roundId: z.string(),
    owner: z.string(),
    floorId: z.string(),
    itemId: z.string(),
    value: z.enum(ANSWER_VALUES),
    note: z.string().optional(),
    photos: z.array(StoredPhoto),
    fixedPhotos: z.array(StoredPhoto),
    answeredAt: z.number(),
    kept: z
      .object({
        ticketId: z.string().nullable(),
        fixedOnSpot: z.boolean(),
        fixRefused: z.string().optional(),
      })
      .optional(),
    refused: z.string().optional(),
  }),
)

type Listener = () => void
const listeners = new Set<Listener>()
const tell = () => listeners.forEach((fn) => fn())

const queue = createRoundQueue({
  load: () => {
    try {
      const parsed = StoredAnswers.safeParse(Taro.getStorageSync(ANSWERS) || [])
      return parsed.success ? (parsed.data as KeptAnswer[]) : []
    } catch {
      return []
    }
  },
  save: (items) => Taro.setStorageSync(ANSWERS, items),
  owner: currentPersona,
  upload: async (photo) => {
    const url = photo.local ? await keptPhotoUrl(photo.local) : undefined
    if (!url) throw new ApiError('input.invalid', '照片已不在手机上，请重新拍照')
    return uploadPhoto(url)
  },
  send: async (roundId, answers) =>
    (
      await call('rounds', 'answer', {
        id: roundId,
        answers: answers.map((a) => ({
          clientKey: a.clientKey,
          floorId: a.floorId,
          itemId: a.itemId,
          value: a.value,
          note: a.note,
          photos: a.photos.flatMap((p) => (p.fileID ? [p.fileID] : [])),
          ...(a.fixedPhotos.length
            ? { fixedPhotos: a.fixedPhotos.flatMap((p) => (p.fileID ? [p.fileID] : [])) }
            : {}),
        })),
      })
    ).results,
  forget: (p) => forgetPhoto(p.local),
  failureOf: (e) => ({ code: e instanceof ApiError ? e.code : undefined, message: messageOf(e) }),
})

/** Keeps an answer on the device and tries to send it at once. */
export function keepAnswer(a: KeptAnswer): void {
  queue.answer(a)
  tell()
  void syncAnswers()
}

/** Sends the answers that wait; resolves once this try has ended. */
export async function syncAnswers(): Promise<void> {
  await queue.drain().catch(() => undefined)
  tell()
}

/** The current person's answers of a round on this device (the latest per floor and item). */
export function answersOnDevice(roundId: string): KeptAnswer[] {
  return queue.answersOf(roundId)
}

/** How many of a round's answers wait for the network. */
export function answersWaiting(roundId: string): number {
  return queue.waiting(roundId)
}

/** Calls `fn` whenever the kept answers change; returns the way to stop. */
export function onAnswers(fn: Listener): () => void {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** The walk saved on the device for a round (read offline). */
export function savedWalk(roundId: string): RoundWalk | undefined {
  try {
    const all = (Taro.getStorageSync(WALKS) || {}) as Record<string, RoundWalk>
    return all[roundId]
  } catch {
    return undefined
  }
}

/** Saves the walk as the server just gave it. */
export function saveWalk(walk: RoundWalk): void {
  const all = ((): Record<string, RoundWalk> => {
    try {
      return (Taro.getStorageSync(WALKS) || {}) as Record<string, RoundWalk>
    } catch {
      return {}
    }
  })()
  Taro.setStorageSync(WALKS, { ...all, [walk.round.id]: walk })
}

let started = false

/** Sends what waited since last time, and again whenever the app or the network comes back. */
export function startRoundOutbox(): void {
  if (started) return
  started = true
  const send = () => void syncAnswers()
  setTimeout(send, 0)
  onNetworkBack(send)
  onAppBack(send)
}
