// H5 only: photo blobs kept in IndexedDB, so a photo taken without signal survives a reload until it
// is uploaded. One object store, blobs by key.
const DB = 'woodpecker-photos'
const STORE = 'photos'

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function run<T>(
  mode: IDBTransactionMode,
  act: (s: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const req = act(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(req.result as T)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

/** Stores a blob under `key`. */
export function putBlob(key: string, blob: Blob): Promise<void> {
  return run<unknown>('readwrite', (s) => s.put(blob, key)).then(() => undefined)
}

/** The blob stored under `key`, or undefined. */
export function getBlob(key: string): Promise<Blob | undefined> {
  return run<Blob | undefined>('readonly', (s) => s.get(key))
}

/** Removes the blob under `key` (nothing if there is none). */
export function deleteBlob(key: string): Promise<void> {
  return run<unknown>('readwrite', (s) => s.delete(key)).then(() => undefined)
}
