/**
 * @jest-environment jsdom
 */
// zod runs inside the compiled mini-program: the page's call is validated by the bundle's own zod
// schema before it leaves the device (bundle.test.ts proves the bundle holds no eval/new Function).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actAs, DIST, renderPage, textOf, waitFor } from './harness'

describe('zod inside the weapp build', () => {
  it('ships zod in the main package and parses with it on the compiled page', async () => {
    const bundle = ['vendors.js', 'common.js', 'app.js']
      .map((f) => readFileSync(join(DIST, f), 'utf8'))
      .join('\n')
    expect(bundle).toContain('invalid_type')
    actAs('o-nobody')
    const page = renderPage('pages/mine/index')
    await expect(waitFor(() => textOf(page, 'whoami-name'), 'whoami state')).resolves.toBe(
      '尚未绑定员工身份',
    )
  })
})
