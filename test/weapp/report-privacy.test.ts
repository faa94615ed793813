/**
 * @jest-environment jsdom
 */
// WeChat's privacy rules on the compiled report page: the one-time reminder, the agreement sheet
// WeChat asks for, and what a nurse sees when the platform answers errno 104 / 112 — never a dead tile.
import {
  actAs,
  needPrivacyAuthorization,
  renderPage,
  setWx,
  tap,
  textOf,
  waitFor,
  type SimComponent,
} from './harness'

type Fail = { errMsg: string; errno?: number }
const failing =
  (answer: Fail) =>
  (o: { fail: (e: Fail) => void }): void =>
    o.fail(answer)

describe('weapp: privacy on pages/report', () => {
  let page: SimComponent
  beforeAll(async () => {
    actAs('demo-staff')
    page = renderPage('pages/report/index', { scene: encodeURIComponent('f=B07F03') })
    await waitFor(() => textOf(page, 'report-photo-add'), 'the camera tile')
  })

  it('reminds once, briefly, not to photograph patients or records', async () => {
    expect(textOf(page, 'privacy-tip-text')).toMatch(/患者面部.*病历/)
    tap(page, 'privacy-tip-ok')
    await waitFor(() => !textOf(page, 'privacy-tip-text'), 'the reminder to go away')
  })

  it.each([
    [
      'errno 112 (not declared in the privacy agreement)',
      { errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement', errno: 112 },
      'photo-problem-undeclared',
      /暂未声明使用相机和相册.*告知安全办/,
    ],
    [
      'errno 104 (privacy refused)',
      { errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 },
      'photo-problem-privacy',
      /同意《隐私保护指引》后才能拍照/,
    ],
    [
      'camera permission denied',
      { errMsg: 'chooseMedia:fail auth deny' },
      'photo-problem-denied',
      /相机权限已关闭/,
    ],
  ])(
    'explains %s with the way back and keeps the camera tile live',
    async (_name, answer, cls, text) => {
      setWx({ chooseMedia: failing(answer) })
      tap(page, 'report-photo-add')
      const shown = await waitFor(() => textOf(page, cls), cls)
      expect(shown).toMatch(text)
      expect(textOf(page, 'photo-problem-action')).toBeTruthy()
      expect(textOf(page, 'report-photo-add')).toContain('拍照')
    },
  )

  it('shows the agreement sheet when WeChat asks, and passes the answer back', async () => {
    const answer = needPrivacyAuthorization()
    await waitFor(() => textOf(page, 'privacy-sheet-title'), 'the agreement sheet')
    expect(textOf(page, 'privacy-sheet-link')).toContain('《隐私保护指引》')
    tap(page, 'privacy-sheet-refuse')
    await expect(answer).resolves.toEqual({ event: 'disagree' })
    await waitFor(() => !textOf(page, 'privacy-sheet-title'), 'the sheet to close')
  })

  it('a cancel is not a problem', async () => {
    setWx({ chooseMedia: failing({ errMsg: 'chooseMedia:fail cancel' }) })
    tap(page, 'report-photo-add')
    await waitFor(() => !textOf(page, 'photo-problem-text'), 'no problem shown')
  })
})
