// The plan as text: one line per step, marked by what it does, and a count of each action.
import type { Action, Plan, Step } from './plan'

const MARK: Record<Action, string> = { create: '+', update: '~', unchanged: '=', extra: '·' }
const WORD: Record<Action, string> = {
  create: '新建 create',
  update: '更新 update',
  unchanged: '不变 unchanged',
  extra: '保留 left alone (not in the repository)',
}

/** One line for a step. */
export function describeStep(step: Step): string {
  return `  ${MARK[step.action]} ${step.kind.padEnd(10)} ${step.target}${detail(step)}`
}

function detail(step: Step): string {
  switch (step.kind) {
    case 'index': {
      const keys = step.index.keys.map((k) => `${k.field}${k.direction === 1 ? '↑' : '↓'}`)
      return `  (${keys.join(' ')}${step.index.unique ? ', unique' : ''})`
    }
    case 'rule':
    case 'storage':
      return step.action === 'unchanged' ? '' : `  ${JSON.stringify(step.rule)}`
    case 'function': {
      const parts = [`timeout ${step.fn.timeout}s`]
      if (step.changes.length > 0) parts.push(`changes: ${step.changes.join(', ')}`)
      if (!step.fn.built) parts.push('代码未构建，实际部署先运行 build:functions / not built yet')
      else if (step.action !== 'unchanged') parts.push(`${step.fn.files.length} files`)
      return `  (${parts.join('; ')})`
    }
    case 'trigger':
      return `  (${step.trigger.type} ${step.trigger.config})`
    case 'hosting':
      if (!step.built) return '  (dist-h5/ 未构建：先运行 npm run build:h5 / not built yet)'
      return step.action === 'unchanged' ? '' : `  (${step.files.length} files to upload)`
    default:
      return ''
  }
}

/** The whole plan with a summary line. */
export function describePlan(plan: Plan): string[] {
  const lines = plan.steps.map(describeStep)
  const counts = (Object.keys(MARK) as Action[])
    .map((a) => [a, plan.steps.filter((s) => s.action === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${WORD[a]} ${n}`)
  lines.push('', `  合计 / total: ${counts.join('，')}`)
  return lines
}
