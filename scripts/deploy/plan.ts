// The plan: the desired state diffed against the environment's current state, one line per thing
// the repository declares (and per thing the environment holds beyond it, left alone).
import type { DesiredFunction, DesiredState } from './repository'
import type {
  CollectionState,
  EnvironmentState,
  FunctionState,
  HostedFile,
  IndexState,
  SecurityRule,
  TriggerState,
} from './state'

/** What a step does: `extra` is something the environment holds that the repository does not. */
export type Action = 'create' | 'update' | 'unchanged' | 'extra'

export type Step =
  | { kind: 'collection'; target: string; action: Action }
  | { kind: 'index'; target: string; action: Action; collection: string; index: IndexState }
  | { kind: 'rule'; target: string; action: Action; rule: SecurityRule }
  | {
      kind: 'function'
      target: string
      action: Action
      fn: DesiredFunction
      /** For an update: whether the code, the configuration or both differ. */
      changes: Array<'code' | 'config'>
    }
  | { kind: 'trigger'; target: string; action: Action; fn: string; trigger: TriggerState }
  | { kind: 'storage'; target: string; action: Action; rule: SecurityRule }
  | { kind: 'hosting'; target: string; action: Action; files: HostedFile[]; built: boolean }

export interface Plan {
  steps: Step[]
}

/** Diffs the desired state against the current one. */
export function makePlan(desired: DesiredState, current: EnvironmentState): Plan {
  const steps: Step[] = []
  const currentCollections = new Map(current.collections.map((c) => [c.name, c]))
  for (const want of desired.collections) {
    steps.push(...planCollection(want, currentCollections.get(want.name)))
  }
  const currentFunctions = new Map(current.functions.map((f) => [f.name, f]))
  for (const want of desired.functions) {
    steps.push(...planFunction(want, currentFunctions.get(want.name)))
  }
  steps.push({
    kind: 'storage',
    target: 'storage',
    action:
      current.storageRule === undefined
        ? 'create'
        : sameRule(desired.storageRule, current.storageRule)
          ? 'unchanged'
          : 'update',
    rule: desired.storageRule,
  })
  steps.push(planHosting(desired.hosting, current.hosting ?? []))
  return { steps }
}

function planCollection(want: CollectionState, have: CollectionState | undefined): Step[] {
  const steps: Step[] = [
    { kind: 'collection', target: want.name, action: have ? 'unchanged' : 'create' },
  ]
  const haveIndexes = new Map((have?.indexes ?? []).map((ix) => [ix.name, ix]))
  for (const ix of want.indexes) {
    const found = haveIndexes.get(ix.name)
    steps.push({
      kind: 'index',
      target: `${want.name}.${ix.name}`,
      action: !found ? 'create' : sameData(found, ix) ? 'unchanged' : 'update',
      collection: want.name,
      index: ix,
    })
  }
  const declared = new Set(want.indexes.map((ix) => ix.name))
  for (const ix of have?.indexes ?? []) {
    if (declared.has(ix.name) || ix.name === '_id_') continue
    steps.push({
      kind: 'index',
      target: `${want.name}.${ix.name}`,
      action: 'extra',
      collection: want.name,
      index: ix,
    })
  }
  if (want.rules) {
    steps.push({
      kind: 'rule',
      target: want.name,
      action:
        have?.rules === undefined
          ? 'create'
          : sameRule(want.rules, have.rules)
            ? 'unchanged'
            : 'update',
      rule: want.rules,
    })
  }
  return steps
}

function planFunction(want: DesiredFunction, have: FunctionState | undefined): Step[] {
  const changes: Array<'code' | 'config'> = []
  if (have) {
    if (!want.built || want.codeDigest !== have.codeDigest) changes.push('code')
    const envDiffers = Object.entries(want.env).some(([k, v]) => have.env[k] !== v)
    if (want.timeout !== have.timeout || envDiffers) changes.push('config')
  }
  const steps: Step[] = [
    {
      kind: 'function',
      target: want.name,
      action: !have ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
      fn: want,
      changes,
    },
  ]
  const haveTriggers = new Map((have?.triggers ?? []).map((t) => [t.name, t]))
  for (const trigger of want.triggers) {
    const found = haveTriggers.get(trigger.name)
    steps.push({
      kind: 'trigger',
      target: `${want.name}.${trigger.name}`,
      action: !found ? 'create' : sameData(found, trigger) ? 'unchanged' : 'update',
      fn: want.name,
      trigger,
    })
  }
  const declared = new Set(want.triggers.map((t) => t.name))
  for (const trigger of have?.triggers ?? []) {
    if (declared.has(trigger.name)) continue
    steps.push({
      kind: 'trigger',
      target: `${want.name}.${trigger.name}`,
      action: 'extra',
      fn: want.name,
      trigger,
    })
  }
  return steps
}

function planHosting(want: HostedFile[] | undefined, have: HostedFile[]): Step {
  if (want === undefined) {
    return { kind: 'hosting', target: 'hosting', action: 'create', files: [], built: false }
  }
  const haveMd5 = new Map(have.map((f) => [f.key, f.md5]))
  const files = want.filter((f) => haveMd5.get(f.key) !== f.md5)
  return {
    kind: 'hosting',
    target: 'hosting',
    action: files.length === 0 ? 'unchanged' : have.length === 0 ? 'create' : 'update',
    files,
    built: true,
  }
}

/** Rules compare as data: key order and formatting never count as a change. */
function sameRule(a: SecurityRule, b: SecurityRule): boolean {
  return sameData(a, b)
}

/** Two JSON values are the same data, whatever their keys' order. */
function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The steps that change the environment. */
export function changes(plan: Plan): Step[] {
  return plan.steps.filter((s) => s.action === 'create' || s.action === 'update')
}
