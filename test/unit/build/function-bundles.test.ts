// What a cold start loads: each function's bundle carries its own part of the API map, never the
// whole map (types/api/index.ts builds every function's schemas at module load).
import { resolve } from 'node:path'
import { bundledFiles, listFunctions } from '../../../scripts/build-functions'

const API_MAP = resolve(__dirname, '../../../types/api/index.ts')

describe('function bundles', () => {
  it.each(listFunctions())('the %s bundle leaves out the whole API map', async (fn) => {
    const files = await bundledFiles(fn)
    expect(files.some((f) => f.endsWith('/types/api/action-spec.ts'))).toBe(true)
    expect(files).not.toContain(API_MAP)
  })
})
