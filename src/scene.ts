// The floor's QR scene: `scene` from a mini-program code's launch options, or `?scene=` on H5.

/** The decoded scene from page params, or '' when there is none. */
export function sceneFromParams(params: Record<string, string | undefined>): string {
  const raw = params.scene ?? ''
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}
