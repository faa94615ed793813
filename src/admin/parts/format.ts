// Times as the hospital reads them: Asia/Shanghai, minutes.

/** An ISO instant as `YYYY-MM-DD HH:mm` in UTC+8. */
export function shanghai(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}
