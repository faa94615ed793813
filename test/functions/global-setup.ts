// Builds every cloud function once before the functions suite, so tests run the deployable bundles.
import { buildFunctions } from '../../scripts/build-functions'

export default async function globalSetup(): Promise<void> {
  await buildFunctions({ quiet: true })
}
