/**
 * @jest-environment jsdom
 */
// Evidence must exist, on the compiled report page: the photo a nurse takes is uploaded into a slot
// the server handed her (media.uploadSlots), and the report made with it is accepted.
import { join } from 'node:path'
import { actAs, renderPage, setWx, tap, textOf, uploadLog, waitFor } from './harness'

const FIXTURE = join(__dirname, '..', 'e2e', 'fixtures', 'hazard.jpg')

jest.setTimeout(30_000)

type Options = { success: (r: Record<string, unknown>) => void }

describe('weapp: a photo on pages/report', () => {
  it('goes into a slot handed to the nurse, and the report with it is accepted', async () => {
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
    await waitFor(() => page.dom.querySelector('[class*="report-photo-img"]'), 'the photo')
    const upload = await waitFor(
      () => uploadLog.find((u) => u.openid === 'o-staff-3'),
      'the photo to be uploaded',
    )
    await waitFor(() => !textOf(page, 'report-photo-pending'), 'the tile to say it is uploaded')
    expect(upload.cloudPath).toMatch(/^photos\/[0-9a-f]+-[0-9a-f]+\/[^/]+\.jpg$/)
    expect(upload.cloudPath).not.toContain('staff')
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
