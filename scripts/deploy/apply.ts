// Carries out a plan's changes in order (collections, their indexes and rules, functions and
// their triggers, the storage rule, hosting); everything unchanged or extra is left alone.
import type { ManagedEnvironment } from './environment'
import { changes, type Plan, type Step } from './plan'
import type { DesiredState } from './repository'

/** Applies every change of the plan; reports each step as it completes. */
export async function applyPlan(
  env: ManagedEnvironment,
  plan: Plan,
  desired: DesiredState,
  report: (step: Step) => void = () => {},
): Promise<void> {
  const created = new Set<string>()
  for (const step of changes(plan)) {
    switch (step.kind) {
      case 'collection':
        await env.createCollection(step.target)
        break
      case 'index':
        await env.updateIndexes(
          step.collection,
          [step.index],
          step.action === 'update' ? [step.index.name] : [],
        )
        break
      case 'rule':
        await env.setCollectionRule(step.target, step.rule)
        break
      case 'function':
        if (!step.fn.built) throw new Error(`cloudfunctions/${step.fn.name}/index.js 未构建`)
        if (step.action === 'create') {
          await env.createFunction(step.fn)
          created.add(step.fn.name)
        } else {
          if (step.changes.includes('code')) await env.updateFunctionCode(step.fn)
          await env.updateFunctionConfig(step.fn)
        }
        break
      case 'trigger':
        // A new function is created with its triggers.
        if (!created.has(step.fn)) {
          await env.putTrigger(step.fn, step.trigger, step.action === 'update')
        }
        break
      case 'storage':
        await env.setStorageRule(step.rule)
        break
      case 'hosting':
        if (!step.built) throw new Error(`${desired.h5Dir} 不存在：先运行 npm run build:h5`)
        await env.uploadHosting(desired.h5Dir, step.files)
        break
    }
    report(step)
  }
}
