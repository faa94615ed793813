/**
 * @jest-environment jsdom
 */
// Evidence must exist, on the compiled report page: the photo a nurse takes is uploaded under the
// prefix user.whoami hands her, and the report made with it is accepted by the real functions.
import { join } from 'node:path'
import { act } from './helpers/backend'
import { actAs, renderPage, setWx, tap, textOf, uploadLog, waitFor } from './harness'

const FIXTURE = join(__dirname, '..', 'e2e', 'fixtures', 'hazard.jpg')

jest.setTimeout(30_000)

type Options = { success: (r: Record<string, unknown>) => void }

describe('weapp: a photo on pages/report', () => {
  it('goes under the nurse’s own upload prefix, and the report with it is accepted', async () => {
    const { uploadPrefix } = await act<{ uploadPrefix: string }>('o-staff-3', 'user', 'whoami', {})
    actAs('o-staff-3')
    setWx({
      chooseMedia: (o: Options) =>
        o.success({ tempFiles: [{ tempFilePath: FIXTURE, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Options) => o.success({ tempFilePath: FIXTURE }),
    })
    const page = renderPage('pages/report/index', { scene: encodeURIComponent('f=B07F06') })
    await waitFor(() => textOf(page, 'report-photo-add'), 'the camera tile')
    await waitFor(
      () => page.dom.querySelectorAll('[class*="report-category-name"]').length > 0 || undefined,
      'the categories',
    )
    tap(page, 'report-photo-add')
    await waitFor(() => page.dom.querySelector('[class*="report-photo-img"]'), 'the uploaded photo')
    const upload = uploadLog.find((u) => u.openid === 'o-staff-3')!
    expect(upload.cloudPath.startsWith(uploadPrefix)).toBe(true)
    expect(upload.fileID.endsWith(upload.cloudPath)).toBe(true)

    tap(page, 'report-category')
    await waitFor(
      () => page.dom.querySelector('[class*="report-category-active"]'),
      'the chosen category',
    )
    tap(page, 'report-submit')
    await waitFor(() => textOf(page, 'report-done-title'), 'the report to be accepted')
    expect(textOf(page, 'report-error')).toBeFalsy()
  })
})
