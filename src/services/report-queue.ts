// Reports waiting for the network. A queued report keeps its draft's client key, so however often a
// send is retried (a lost answer, two triggers at once, the app killed mid-send) the server makes one
// ticket; its photos are uploaded first, each file id saved as soon as it is known. Pure: storage,
// upload and the call are handed in (report-outbox.ts wires them to the device).

/** One photo of a draft or a queued report: kept on the device until sent, uploaded when it can be. */
export interface DraftPhoto {
  /** Stable name of this photo within its report. */
  key: string
  /** Where the device keeps it (a USER_DATA_PATH file, or `idb:<key>` on H5); absent if it could not. */
  local?: string
  /** Its cloud file id, once uploaded. */
  fileID?: string
}

/** A report the user submitted that the server has not accepted yet. */
export interface QueuedReport {
  clientKey: string
  /** Who submitted it (the H5 persona; '' on weapp): only they send it. */
  owner: string
  floorId: string
  categoryId: string
  description?: string
  spot?: string
  anonymous: boolean
  photos: DraftPhoto[]
  /** What 我的 shows while it waits: category and place. */
  label: string
  queuedAt: number
  /** Why the server refused it: it stays for the user to see and is not sent again by itself. */
  refused?: string
}

/** What a failed upload or call means for a report: wait for the network, try again later, or stop. */
export type FailureKind = 'offline' | 'later' | 'refused'

const LATER = new Set(['internal', 'rate.limited'])

/** Classifies a failure by its error code (undefined: something not from the server). */
export function failureKind(code: string | undefined): FailureKind {
  if (code === 'network') return 'offline'
  if (code === undefined || LATER.has(code)) return 'later'
  return 'refused'
}

/** The photos of a report not uploaded yet. */
export function pendingPhotos(photos: DraftPhoto[]): DraftPhoto[] {
  return photos.filter((p) => !p.fileID)
}

/** A thrown failure as the queue sees it: its code (if any) and its words. */
export interface Failure {
  code?: string
  message: string
}

export interface QueueDeps<T> {
  load(): QueuedReport[]
  save(items: QueuedReport[]): void
  /** Who is sending now; only their reports are sent. */
  owner(): string
  /** Uploads one kept photo; resolves with its file id. */
  upload(photo: DraftPhoto): Promise<string>
  /** Creates the ticket (with the report's client key). */
  create(report: QueuedReport): Promise<T>
  /** Lets go of a sent report's kept photos. */
  forget(photo: DraftPhoto): void
  /** Reads a thrown error. */
  failureOf(error: unknown): Failure
}

export interface Sent<T> {
  clientKey: string
  ticket: T
}

export interface ReportQueue<T> {
  /** Adds a report (a report already queued under its client key is replaced, never doubled). */
  enqueue(report: QueuedReport): void
  /** Sends what can be sent; resolves with what the server accepted in this run. */
  drain(): Promise<Sent<T>[]>
  /** The current sender's queued reports, oldest first. */
  list(): QueuedReport[]
  /** Forgets a report (the user discards a refused one) and its kept photos. */
  discard(clientKey: string): void
}

/** A queue over the given storage and transport; one drain runs at a time. */
export function createReportQueue<T>(deps: QueueDeps<T>): ReportQueue<T> {
  const change = (clientKey: string, patch: (r: QueuedReport) => QueuedReport | undefined) => {
    const next: QueuedReport[] = []
    for (const r of deps.load()) {
      const value = r.clientKey === clientKey ? patch(r) : r
      if (value) next.push(value)
    }
    deps.save(next)
  }

  /** Sends one report; false when the network (or the server) says to stop for now. */
  const sendOne = async (report: QueuedReport, sent: Sent<T>[]): Promise<boolean> => {
    const refuse = (f: Failure) => change(report.clientKey, (r) => ({ ...r, refused: f.message }))
    let photos = report.photos
    for (const photo of pendingPhotos(photos)) {
      let fileID: string
      try {
        fileID = await deps.upload(photo)
      } catch (error) {
        const f = deps.failureOf(error)
        if (failureKind(f.code) !== 'refused') return false
        refuse(f)
        return true
      }
      photos = photos.map((p) => (p.key === photo.key ? { ...p, fileID } : p))
      const uploaded = photos
      change(report.clientKey, (r) => ({ ...r, photos: uploaded }))
    }
    let ticket: T
    try {
      ticket = await deps.create({ ...report, photos })
    } catch (error) {
      const f = deps.failureOf(error)
      if (failureKind(f.code) !== 'refused') return false
      refuse(f)
      return true
    }
    change(report.clientKey, () => undefined)
    for (const p of photos) deps.forget(p)
    sent.push({ clientKey: report.clientKey, ticket })
    return true
  }

  const list = () => deps.load().filter((r) => r.owner === deps.owner())

  let running: Promise<Sent<T>[]> | undefined
  let again = false
  const run = async (): Promise<Sent<T>[]> => {
    const sent: Sent<T>[] = []
    do {
      again = false
      for (const report of list()) {
        if (report.refused) continue
        if (!(await sendOne(report, sent))) return sent
      }
    } while (again)
    return sent
  }

  return {
    enqueue(report) {
      deps.save([...deps.load().filter((r) => r.clientKey !== report.clientKey), report])
    },
    drain() {
      if (running) {
        // Whatever was queued meanwhile goes out with the running drain, never in a second one.
        again = true
        return running.then(() => [])
      }
      running = run().finally(() => {
        running = undefined
      })
      return running
    },
    list,
    discard(clientKey) {
      const report = deps.load().find((r) => r.clientKey === clientKey)
      change(clientKey, () => undefined)
      for (const p of report?.photos ?? []) deps.forget(p)
    },
  }
}
