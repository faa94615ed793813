// A round's answers on the device: each answer is kept (with its photos) the moment it is given and
// sent when the network allows, in batches, under its own client key — so a lost answer is sent again
// and a re-sync never makes a second hazard. Answers the server kept stay on the device with what
// became of them, so the round reads the same in a basement. Pure: storage, upload and the call are
// handed in (round-outbox.ts wires them to the device).
import type { AnswerResult, AnswerValue } from '../../types/api/rounds'
import { failureKind, pendingPhotos, type DraftPhoto, type Failure } from './report-queue'

/** One answer as the device keeps it. */
export interface KeptAnswer {
  clientKey: string
  roundId: string
  /** Who gave it (the H5 persona; '' on weapp): only they send it. */
  owner: string
  floorId: string
  itemId: string
  value: AnswerValue
  note?: string
  photos: DraftPhoto[]
  /** 立行立改: the after-photos (only with 不合格). */
  fixedPhotos: DraftPhoto[]
  answeredAt: number
  /** What the server made of it, once it kept it. */
  kept?: { ticketId: string | null; fixedOnSpot: boolean; fixRefused?: string }
  /** Why the server refused it: it is not sent again by itself. */
  refused?: string
}

/** The most answers one call carries (the contract's limit). */
export const BATCH = 50

export interface RoundQueueDeps {
  load(): KeptAnswer[]
  save(items: KeptAnswer[]): void
  owner(): string
  upload(photo: DraftPhoto): Promise<string>
  /** Sends a round's answers; resolves with one result per answer, in order. */
  send(roundId: string, answers: KeptAnswer[]): Promise<AnswerResult[]>
  forget(photo: DraftPhoto): void
  failureOf(error: unknown): Failure
}

/** Whether an answer still waits for the server. */
export const isPending = (a: KeptAnswer): boolean => !a.kept && !a.refused

export interface RoundQueue {
  /**
   * Keeps an answer. One still waiting for the same item is replaced (its key goes with it: the
   * server never saw it); one the server kept is followed by this new one under its own key.
   */
  answer(a: KeptAnswer): void
  /** Sends what can be sent; resolves with how many the server kept in this run. */
  drain(): Promise<number>
  /** The current person's answers of a round, one per floor and item (the latest). */
  answersOf(roundId: string): KeptAnswer[]
  /** How many of a round's answers still wait. */
  waiting(roundId: string): number
}

/** A queue over the given storage and transport; one drain runs at a time. */
export function createRoundQueue(deps: RoundQueueDeps): RoundQueue {
  const same = (a: KeptAnswer, b: KeptAnswer) =>
    a.roundId === b.roundId && a.floorId === b.floorId && a.itemId === b.itemId
  const patch = (clientKey: string, change: (a: KeptAnswer) => KeptAnswer) =>
    deps.save(deps.load().map((a) => (a.clientKey === clientKey ? change(a) : a)))
  const mine = () => deps.load().filter((a) => a.owner === deps.owner())

  /** Uploads an answer's photos; false when the network says to stop. */
  const uploadAll = async (a: KeptAnswer): Promise<KeptAnswer | false | 'refused'> => {
    let current = a
    for (const field of ['photos', 'fixedPhotos'] as const)
      for (const photo of pendingPhotos(current[field])) {
        let fileID: string
        try {
          fileID = await deps.upload(photo)
        } catch (error) {
          const f = deps.failureOf(error)
          if (failureKind(f.code) !== 'refused') return false
          patch(a.clientKey, (x) => ({ ...x, refused: f.message }))
          return 'refused'
        }
        const photos = current[field].map((p) => (p.key === photo.key ? { ...p, fileID } : p))
        current = { ...current, [field]: photos }
        patch(a.clientKey, (x) => ({ ...x, [field]: photos }))
      }
    return current
  }

  const run = async (): Promise<number> => {
    let keptCount = 0
    const rounds = [
      ...new Set(
        mine()
          .filter(isPending)
          .map((a) => a.roundId),
      ),
    ]
    for (const roundId of rounds) {
      const ready: KeptAnswer[] = []
      for (const a of mine().filter((x) => x.roundId === roundId && isPending(x))) {
        const uploaded = await uploadAll(a)
        if (uploaded === false) return keptCount
        if (uploaded !== 'refused') ready.push(uploaded)
      }
      for (let i = 0; i < ready.length; i += BATCH) {
        const batch = ready.slice(i, i + BATCH)
        let results: AnswerResult[]
        try {
          results = await deps.send(roundId, batch)
        } catch (error) {
          const f = deps.failureOf(error)
          if (failureKind(f.code) !== 'refused') return keptCount
          for (const a of batch) patch(a.clientKey, (x) => ({ ...x, refused: f.message }))
          continue
        }
        for (const r of results) {
          const a = batch.find((x) => x.clientKey === r.clientKey)
          if (!a) continue
          if (r.ok) {
            keptCount++
            patch(a.clientKey, (x) => ({
              ...x,
              kept: { ticketId: r.ticketId, fixedOnSpot: r.fixedOnSpot, fixRefused: r.fixRefused },
            }))
            for (const p of [...a.photos, ...a.fixedPhotos]) deps.forget(p)
          } else patch(a.clientKey, (x) => ({ ...x, refused: r.message ?? '未能保存' }))
        }
      }
    }
    return keptCount
  }

  let running: Promise<number> | undefined
  let again = false
  return {
    answer(a) {
      const all = deps.load()
      const replaced = all.filter((x) => same(x, a) && isPending(x) && x.owner === a.owner)
      for (const x of replaced) for (const p of [...x.photos, ...x.fixedPhotos]) deps.forget(p)
      deps.save([...all.filter((x) => !replaced.includes(x)), a])
    },
    drain() {
      if (running) {
        again = true
        return running
      }
      running = (async () => {
        let total = 0
        do {
          again = false
          total += await run()
        } while (again)
        return total
      })().finally(() => {
        running = undefined
      })
      return running
    },
    answersOf(roundId) {
      const latest = new Map<string, KeptAnswer>()
      for (const a of mine()
        .filter((x) => x.roundId === roundId)
        .sort((x, y) => x.answeredAt - y.answeredAt))
        latest.set(`${a.floorId}:${a.itemId}`, a)
      return [...latest.values()]
    },
    waiting(roundId) {
      return mine().filter((a) => a.roundId === roundId && isPending(a)).length
    },
  }
}
