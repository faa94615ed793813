// The deployment's environment through the official management client, @cloudbase/manager-node:
// reads what the plan compares and makes each change with the client's own methods.
import CloudBase from '@cloudbase/manager-node'
import { dirname, join } from 'node:path'
import { codeDigestOf, describeCode, type ManagedEnvironment } from './environment'
import type {
  CollectionState,
  EnvironmentState,
  FunctionState,
  HostedFile,
  IndexState,
  SecurityRule,
  TriggerState,
} from './state'

/** Credentials of a Tencent Cloud API key (a CAM key or a temporary one with its token). */
export interface Credentials {
  secretId: string
  secretKey: string
  token?: string
}

/** What a function folder holds that is never uploaded (the bundle already includes it). */
const IGNORED = ['src', 'src/**']
const PAGE = 100

/** An environment reached through @cloudbase/manager-node. */
export function cloudbaseEnvironment(envId: string, credentials: Credentials): ManagedEnvironment {
  const app = new CloudBase({ ...credentials, envId })
  const { database, functions, permission, storage, hosting } = app

  async function listCollectionNames(): Promise<Set<string>> {
    const names = new Set<string>()
    for (let offset = 0; ; offset += PAGE) {
      const page = await database.listCollections({ MgoLimit: PAGE, MgoOffset: offset })
      for (const c of page.Collections) names.add(c.CollectionName)
      if (page.Collections.length < PAGE) return names
    }
  }

  async function readIndexes(name: string): Promise<IndexState[]> {
    const table = await database.describeCollection(name)
    return (table.Indexes ?? []).map((ix) => ({
      name: ix.Name,
      keys: ix.Keys.map((k) => ({
        field: k.Name ?? '',
        direction: Number(k.Direction) === -1 ? (-1 as const) : (1 as const),
      })),
      unique: Boolean(ix.Unique),
    }))
  }

  async function readRules(names: string[]): Promise<Map<string, SecurityRule>> {
    const rules = new Map<string, SecurityRule>()
    if (names.length === 0) return rules
    const res = await permission.describeResourcePermission({
      resourceType: 'collection',
      resources: names,
    })
    // The typings wrap the list in Data; accept the bare API shape too.
    const list =
      res.Data?.PermissionList ??
      (res as { PermissionList?: typeof res.Data.PermissionList }).PermissionList
    for (const p of list ?? []) {
      if (p.Resource && p.Permission === 'CUSTOM' && p.SecurityRule) {
        rules.set(p.Resource, JSON.parse(p.SecurityRule) as SecurityRule)
      }
    }
    return rules
  }

  async function readFunction(name: string): Promise<FunctionState | undefined> {
    try {
      const fn = await functions.getFunctionDetail(name)
      return {
        name,
        timeout: fn.Timeout,
        env: Object.fromEntries((fn.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (fn.Triggers ?? []).map(readTrigger),
        codeDigest: codeDigestOf(fn.Description),
      }
    } catch (error) {
      if (String((error as { code?: string }).code).startsWith('ResourceNotFound')) return undefined
      throw error
    }
  }

  async function readHosting(): Promise<HostedFile[]> {
    const info = await hosting.getInfo()
    if (!info?.length) return []
    const files = await hosting.listFiles()
    return files
      .filter((f) => !f.Key.endsWith('/'))
      .map((f) => ({ key: f.Key, md5: f.ETag.replace(/"/g, '') }))
  }

  return {
    async readState(collectionNames, functionNames): Promise<EnvironmentState> {
      const existing = await listCollectionNames()
      const present = collectionNames.filter((n) => existing.has(n))
      const rules = await readRules(present)
      const collections: CollectionState[] = []
      for (const name of present) {
        collections.push({ name, indexes: await readIndexes(name), rules: rules.get(name) })
      }
      const fns: FunctionState[] = []
      for (const name of functionNames) {
        const fn = await readFunction(name)
        if (fn) fns.push(fn)
      }
      const acl = await storage.getStorageAcl({ withRule: true })
      return {
        collections,
        functions: fns,
        storageRule: acl.acl === 'CUSTOM' ? (acl.rule as SecurityRule | undefined) : undefined,
        hosting: await readHosting(),
      }
    },
    async createCollection(name) {
      await database.createCollectionIfNotExists(name)
    },
    async updateIndexes(collection, create, drop) {
      if (drop.length > 0) {
        await database.updateCollection(collection, {
          DropIndexes: drop.map((IndexName) => ({ IndexName })),
        })
      }
      if (create.length > 0) {
        await database.updateCollection(collection, {
          CreateIndexes: create.map((ix) => ({
            IndexName: ix.name,
            MgoKeySchema: {
              MgoIndexKeys: ix.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
              MgoIsUnique: ix.unique,
            },
          })),
        })
      }
    },
    async setCollectionRule(collection, rule) {
      await permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: collection,
        permission: 'CUSTOM',
        securityRule: JSON.stringify(rule),
      })
    },
    async createFunction(fn) {
      await functions.createFunction({
        func: {
          name: fn.name,
          timeout: fn.timeout,
          envVariables: fn.env,
          triggers: fn.triggers,
          installDependency: true,
          ignore: IGNORED,
          description: describeCode(fn.codeDigest),
        },
        functionRootPath: dirname(fn.dir),
        force: false,
      })
    },
    async updateFunctionCode(fn) {
      await functions.updateFunctionCode({
        func: { name: fn.name, installDependency: true, ignore: IGNORED },
        functionRootPath: dirname(fn.dir),
      })
    },
    async updateFunctionConfig(fn) {
      const current = await readFunction(fn.name)
      await functions.updateFunctionConfig({
        name: fn.name,
        timeout: fn.timeout,
        envVariables: { ...(current?.env ?? {}), ...fn.env },
        description: describeCode(fn.codeDigest),
      })
    },
    async putTrigger(fn, trigger, replace) {
      if (replace) await functions.deleteFunctionTrigger(fn, trigger.name)
      await functions.createFunctionTriggers(fn, [trigger])
    },
    async setStorageRule(rule) {
      await storage.setStorageAcl('CUSTOM', {
        read: rule.read as boolean | string,
        write: rule.write as boolean | string,
      })
    },
    async uploadHosting(localDir, files) {
      if (!(await hosting.getInfo())?.length) await hosting.enableService()
      await hosting.uploadFiles({
        files: files.map((f) => ({ localPath: join(localDir, f.key), cloudPath: f.key })),
      })
    },
  }
}

/** A trigger as GetFunction reports it: a timer's cron sits in TriggerDesc as JSON. */
function readTrigger(t: { TriggerName: string; Type: string; TriggerDesc: string }): TriggerState {
  let config = t.TriggerDesc
  try {
    const desc = JSON.parse(t.TriggerDesc) as { cron?: string }
    if (typeof desc.cron === 'string') config = desc.cron
  } catch {
    // A plain description is the trigger's configuration as it stands.
  }
  return { name: t.TriggerName, type: t.Type, config }
}
