// Free text from users: one normaliser for every description, spot, reason, plan and note, so what
// is stored and pushed to captains is plain text — never control codes, bidi tricks or terminal escapes.
import { z } from 'zod'

// ANSI/VT escape sequences (CSI, OSC, and two-char escapes), removed whole before single characters.
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g
// C0 (except \n), DEL, C1 controls; bidi embeddings/overrides U+202A–202E and isolates U+2066–2069;
// also the invisible marks U+200E/U+200F/U+061C that reorder text the same way.
const STRIP =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g

/** The cleaned form of user text: NFC, no control/bidi/escape characters, \r\n → \n, trimmed. */
export function cleanText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').replace(ANSI, '').replace(STRIP, '').trim()
}

/** A zod schema for user text: cleaned first, then held to `max` (and `min`) characters. */
export function safeText(opts: { max: number; min?: number; minMessage?: string }) {
  let inner = z.string().max(opts.max)
  if (opts.min !== undefined) inner = inner.min(opts.min, opts.minMessage)
  return z
    .string()
    .max(opts.max * 4)
    .transform(cleanText)
    .pipe(inner)
}
