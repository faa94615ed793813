// Page cursors: `<ISO time>|<id>` as the server hands them out, parsed completely at the boundary so
// an impossible date (month 13, hour 99, 30 February) is an input error, never a database error.
import { z } from 'zod'

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ID = /^[0-9a-f]{1,64}$/

/** A parsed page position: the sort time and id of the last row seen. */
export interface PageCursorValue {
  at: Date
  id: string
}

/** Formats the cursor of the row a page ended on. */
export function formatCursor(at: Date, id: string): string {
  return `${at.toISOString()}|${id}`
}

/** The parsed cursor, or undefined when the text is not one the server could have handed out. */
export function readCursor(raw: string): PageCursorValue | undefined {
  const bar = raw.indexOf('|')
  const time = raw.slice(0, bar)
  const id = raw.slice(bar + 1)
  const at = new Date(time)
  if (bar < 0 || !ISO.test(time) || Number.isNaN(at.getTime()) || at.toISOString() !== time)
    return undefined
  return ID.test(id) ? { at, id } : undefined
}

/** A cursor kept as text but checked completely (month 13, hour 99, 30 February → `分页标记无效`). */
export const CursorText = z
  .string()
  .max(100)
  .refine((raw) => readCursor(raw) !== undefined, '分页标记无效')

/** A cursor string in, `{at, id}` out; anything else is `分页标记无效`. */
export const PageCursor = CursorText.transform((raw) => readCursor(raw)!)
