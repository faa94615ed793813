// Stops the worker's shared backend when the functions tests ran in band, in this very process
// (a jest worker process ends with its backend).
export default async function globalTeardown(): Promise<void> {
  const path = require.resolve('./helpers/worker-backend.ts')
  const host = require.cache[path]?.exports as typeof import('./helpers/worker-backend') | undefined
  await host?.stopWorkerBackend()
}
