// Subscription-message templates (stand-in for those registered in the WeChat admin console) and
// WeChat's rules for each field type.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Template {
  id: string
  title: string
  /** Field key → type (`thing`, `time`, `phrase` …). */
  fields: Record<string, string>
  /** One-time: one consent allows one send. Long-term: one consent, many sends. */
  kind: 'one-time' | 'long-term'
  /** Field key → the label WeChat shows beside its value (隐患类别, 位置 …). */
  labels: Record<string, string>
}

/** Reads database/subscribe-templates.json (kind defaults to one-time, labels to the keys). */
export function loadTemplates(databaseDir: string): Template[] {
  const path = join(databaseDir, 'subscribe-templates.json')
  if (!existsSync(path)) return []
  return (JSON.parse(readFileSync(path, 'utf8')) as Array<Partial<Template>>).map((t) => ({
    id: String(t.id),
    title: t.title ?? '',
    fields: t.fields ?? {},
    kind: t.kind === 'long-term' ? 'long-term' : 'one-time',
    labels: t.labels ?? {},
  }))
}

const TIME =
  /^\d{4}([-/年])\d{1,2}([-/月])\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$|^\d{1,2}:\d{2}(:\d{2})?$/

/** Why a value breaks its field type's rule, or undefined when it is fine. */
export function fieldViolation(type: string, value: string): string | undefined {
  const len = [...value].length
  if (len === 0) return 'is empty'
  switch (type) {
    case 'thing':
      return len > 20 ? `thing is ${len} chars (max 20)` : undefined
    case 'short_thing':
    case 'phrase':
      return len > 5 ? `${type} is ${len} chars (max 5)` : undefined
    case 'name':
      return len > 10 ? `name is ${len} chars (max 10)` : undefined
    case 'character_string':
      return len > 32
        ? `character_string is ${len} chars (max 32)`
        : /^[\x21-\x7e]+$/.test(value)
          ? undefined
          : 'character_string allows only letters, digits and symbols'
    case 'number':
      return len > 32
        ? 'number is longer than 32'
        : /^-?\d+(\.\d+)?$/.test(value)
          ? undefined
          : 'number must be digits'
    case 'phone_number':
      return len > 17
        ? 'phone_number is longer than 17'
        : /^[\d+\-() ]+$/.test(value)
          ? undefined
          : 'phone_number must be digits, +, -'
    case 'time':
    case 'date':
      return TIME.test(value.trim())
        ? undefined
        : `${type} must be a date-time like 2026-11-24 15:01`
    case 'letter':
      return len > 32 || !/^[A-Za-z]+$/.test(value) ? 'letter must be ≤ 32 letters' : undefined
    case 'amount':
      return /^[¥$]?\d+(\.\d{1,2})?元?$/.test(value) ? undefined : 'amount must be a sum of money'
    default:
      return len > 20 ? `${type} is longer than 20` : undefined
  }
}
