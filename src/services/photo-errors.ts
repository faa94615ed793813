// What went wrong when choosing a photo, in words a nurse can act on — never a silently dead camera.

/** Why the camera or album could not be used, and the way back. */
export interface PhotoProblem {
  /** privacy: the user declined (errno 104) — tapping again asks again; undeclared: the mini-program's
   * privacy guideline lacks the entry (errno 112) — only an admin can fix it; denied: the camera
   * permission is off — turn it on in settings. */
  kind: 'privacy' | 'undeclared' | 'denied'
  message: string
}

/** A thrown photo problem. */
export class PhotoError extends Error {
  readonly problem: PhotoProblem
  constructor(problem: PhotoProblem) {
    super(problem.message)
    this.problem = problem
  }
}

/** Classifies a chooseMedia/chooseImage failure; undefined for a plain cancel. */
export function photoProblemOf(error: unknown): PhotoProblem | undefined {
  const e = (error ?? {}) as { errno?: number; errMsg?: string }
  const msg = String(e.errMsg ?? '')
  if (
    e.errno === 104 ||
    /privacy permission is not authorized|privacy.*(deny|disagree|refuse)/i.test(msg)
  )
    return {
      kind: 'privacy',
      message: '需要你同意《隐私保护指引》后才能拍照。请再点一次相机，在弹出的说明中选择“同意”。',
    }
  if (e.errno === 112 || /not declared in the privacy agreement/i.test(msg))
    return {
      kind: 'undeclared',
      message:
        '小程序暂未声明使用相机和相册，暂时无法拍照。请把此情况告知安全办（管理员需在小程序后台补充《用户隐私保护指引》），或稍后再试。',
    }
  if (/cancel/i.test(msg)) return undefined
  if (/auth (deny|denied)|authorize|permission|scope/i.test(msg))
    return {
      kind: 'denied',
      message: '相机权限已关闭。请点“去设置”打开相机和相册权限后，再点相机拍照。',
    }
  return undefined
}
