// Template field rules: values are cut to fit before sending, so WeChat never answers 47003.
import { hospitalTime } from '../../../../types/time'

const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  phone_number: 17,
  number: 32,
}

/** Cuts a value to what a template field of `type` accepts. */
export function fitField(type: string, value: string | Date): string {
  if (type === 'time' || type === 'date')
    return hospitalTime(value).format(type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm')
  const text = String(value).replace(/\s+/g, ' ').trim() || '—'
  const max = LIMITS[type] ?? 20
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…'
}
