// The shape both sides of a deployment are described in: what the repository asks for (desired)
// and what the environment holds (current), so one diff compares them.

/** One index key: a field and its direction (1 ascending, -1 descending). */
export interface IndexKey {
  field: string
  direction: 1 | -1
}

export interface IndexState {
  name: string
  keys: IndexKey[]
  unique: boolean
}

/** A security rule as CloudBase stores it: `read` / `write` are booleans or rule expressions. */
export type SecurityRule = Record<string, unknown>

export interface CollectionState {
  name: string
  indexes: IndexState[]
  /** Undefined when the environment reports no custom rule. */
  rules?: SecurityRule
}

export interface TriggerState {
  name: string
  type: string
  config: string
}

export interface FunctionState {
  name: string
  timeout: number
  /** Only the variables the repository declares are compared; others are kept as they are. */
  env: Record<string, string>
  triggers: TriggerState[]
  /** A digest of the uploaded files, carried in the function's description. */
  codeDigest?: string
}

/** A static-hosting file: its path in the bucket and the MD5 of its content. */
export interface HostedFile {
  key: string
  md5: string
}

export interface EnvironmentState {
  collections: CollectionState[]
  functions: FunctionState[]
  storageRule?: SecurityRule
  /** Undefined on the desired side when the H5 build is missing (nothing to upload). */
  hosting?: HostedFile[]
}

/** The environment a dry run without credentials assumes: nothing created yet. */
export function emptyEnvironment(): EnvironmentState {
  return { collections: [], functions: [], hosting: [] }
}
