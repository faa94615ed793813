// The thin interface a deployment needs from a CloudBase environment: read its current state and
// make each kind of change. `cloudbase.ts` implements it with the official management client.
import type { EnvironmentState, HostedFile, IndexState, SecurityRule, TriggerState } from './state'
import type { DesiredFunction } from './repository'

export interface ManagedEnvironment {
  /** Everything the plan compares, for the given collection and function names. */
  readState(collections: string[], functions: string[]): Promise<EnvironmentState>
  createCollection(name: string): Promise<void>
  /** Drops the named indexes, then creates the given ones. */
  updateIndexes(collection: string, create: IndexState[], drop: string[]): Promise<void>
  setCollectionRule(collection: string, rule: SecurityRule): Promise<void>
  /** Creates a function with its code, configuration and triggers. */
  createFunction(fn: DesiredFunction): Promise<void>
  updateFunctionCode(fn: DesiredFunction): Promise<void>
  /** Sets timeout, the declared variables (keeping others) and the code digest. */
  updateFunctionConfig(fn: DesiredFunction): Promise<void>
  /** Creates a trigger, replacing one of the same name. */
  putTrigger(fn: string, trigger: TriggerState, replace: boolean): Promise<void>
  setStorageRule(rule: SecurityRule): Promise<void>
  uploadHosting(localDir: string, files: HostedFile[]): Promise<void>
}

const DIGEST_PREFIX = 'woodpecker code '

/** The description a deployed function carries: the digest of the code it was given. */
export function describeCode(digest: string | undefined): string {
  return digest ? `${DIGEST_PREFIX}${digest}` : ''
}

/** The code digest a function's description carries, if a deployment wrote it. */
export function codeDigestOf(description: string | undefined): string | undefined {
  return description?.startsWith(DIGEST_PREFIX)
    ? description.slice(DIGEST_PREFIX.length)
    : undefined
}
