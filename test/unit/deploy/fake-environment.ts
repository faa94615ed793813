// An in-memory CloudBase environment behind the deployment's ManagedEnvironment interface: it
// holds state as the management API would report it and records every write.
import type { ManagedEnvironment } from '../../../scripts/deploy/environment'
import type { EnvironmentState } from '../../../scripts/deploy/state'

export interface FakeEnvironment extends ManagedEnvironment {
  state: EnvironmentState
  writes: string[]
}

/** A fake environment starting from `state` (empty by default). */
export function fakeEnvironment(
  state: EnvironmentState = { collections: [], functions: [], hosting: [] },
): FakeEnvironment {
  const writes: string[] = []
  const collection = (name: string) => {
    const found = state.collections.find((c) => c.name === name)
    if (!found) throw new Error(`ResourceNotFound: collection ${name}`)
    return found
  }
  const fn = (name: string) => {
    const found = state.functions.find((f) => f.name === name)
    if (!found) throw new Error(`ResourceNotFound.Function ${name}`)
    return found
  }
  const env: FakeEnvironment = {
    state,
    writes,
    async readState(collections, functions) {
      const copy = structuredClone(state)
      return {
        ...copy,
        collections: copy.collections.filter((c) => collections.includes(c.name)),
        functions: copy.functions.filter((f) => functions.includes(f.name)),
      }
    },
    async createCollection(name) {
      writes.push(`createCollection ${name}`)
      if (!state.collections.some((c) => c.name === name)) {
        state.collections.push({ name, indexes: [] })
      }
    },
    async updateIndexes(name, create, drop) {
      writes.push(`updateIndexes ${name} +${create.map((i) => i.name)} -${drop}`)
      const c = collection(name)
      c.indexes = c.indexes.filter((ix) => !drop.includes(ix.name))
      for (const ix of create) {
        if (c.indexes.some((i) => i.name === ix.name)) throw new Error(`index ${ix.name} exists`)
        c.indexes.push(structuredClone(ix))
      }
    },
    async setCollectionRule(name, rule) {
      writes.push(`setCollectionRule ${name}`)
      collection(name).rules = structuredClone(rule)
    },
    async createFunction(f) {
      writes.push(`createFunction ${f.name}`)
      if (state.functions.some((x) => x.name === f.name)) throw new Error('ResourceInUse')
      state.functions.push({
        name: f.name,
        timeout: f.timeout,
        env: { ...f.env },
        triggers: structuredClone(f.triggers),
        codeDigest: f.codeDigest,
      })
    },
    async updateFunctionCode(f) {
      writes.push(`updateFunctionCode ${f.name}`)
      fn(f.name)
    },
    async updateFunctionConfig(f) {
      writes.push(`updateFunctionConfig ${f.name}`)
      const have = fn(f.name)
      have.timeout = f.timeout
      have.env = { ...have.env, ...f.env }
      have.codeDigest = f.codeDigest
    },
    async putTrigger(name, trigger, replace) {
      writes.push(`putTrigger ${name}.${trigger.name}`)
      const have = fn(name)
      if (replace) have.triggers = have.triggers.filter((t) => t.name !== trigger.name)
      if (have.triggers.some((t) => t.name === trigger.name)) throw new Error('trigger exists')
      have.triggers.push(structuredClone(trigger))
    },
    async setStorageRule(rule) {
      writes.push('setStorageRule')
      state.storageRule = structuredClone(rule)
    },
    async uploadHosting(_dir, files) {
      writes.push(`uploadHosting ${files.length}`)
      const hosted = new Map((state.hosting ?? []).map((f) => [f.key, f]))
      for (const f of files) hosted.set(f.key, { ...f })
      state.hosting = [...hosted.values()]
    },
  }
  return env
}
