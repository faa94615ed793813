/**
 * @jest-environment jsdom
 */
// The compiled inbox: the captain's tabs by state with counts, and the hazards assigned to them.
import { request } from 'node:http'
import { actAs, renderPage, waitFor } from './harness'
import { photoOf } from './helpers/backend'

function post(path: string, openid: string, body: unknown): Promise<unknown> {
  return new Promise((ok, fail) => {
    const req = request(
      `${process.env.WOODPECKER_EMULATOR_URL}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      },
    )
    req.on('error', fail)
    req.end(JSON.stringify(body))
  })
}

jest.setTimeout(30_000)

describe('weapp: pages/inbox', () => {
  it('lists the floor captain’s pending hazards with a count', async () => {
    await post('/_emulator/consent', '', {
      openid: 'demo-floor-captain',
      templateIds: ['woodpecker-hazard-assigned'],
    })
    await post('/fn/notify', 'demo-floor-captain', {
      action: 'consent',
      input: { results: { 'woodpecker-hazard-assigned': 'accept' } },
    })
    const created = (await post('/fn/ticket', 'demo-staff', {
      action: 'create',
      input: {
        clientKey: 'weapp-inbox-0001',
        floorId: 'B07F03',
        categoryId: 'electrical',
        photos: [await photoOf('demo-staff')],
        description: '配电箱门未关',
      },
    })) as { ok: boolean }
    expect(created.ok).toBe(true)
    actAs('demo-floor-captain')
    const page = renderPage('pages/inbox/index')
    await waitFor(
      () => page.dom.textContent?.includes('配电箱门未关') || undefined,
      'the assigned hazard',
    )
    expect(page.dom.textContent).toContain('电气线路')
    const count = page.dom.querySelector('[class*="inbox-count"]')
    expect(count?.textContent).toBe('1')
  })
})
