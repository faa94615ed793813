/**
 * @jest-environment jsdom
 */
// The compiled 电脑端登录 page a PC's code opens: it shows when and from which browser the PC asked,
// 确认登录 approves it through the real signin function, and the PC then picks up a ticket for
// exactly that person.
import { actAs, renderPage, tap, waitFor } from './harness'
import { anonymousPc } from './helpers/pc'

jest.setTimeout(30_000)

const PC_AGENT = 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0 安全办电脑'

interface Started {
  scene: string
  pollKey: string
}

describe('weapp: pages/signin', () => {
  it('asks, confirms, and the PC signs in as the person who confirmed', async () => {
    const pc = await anonymousPc()
    const started = await pc.call<Started>('signin', 'start', { userAgent: PC_AGENT })
    if (!started.ok) throw new Error(`start failed: ${started.code}`)
    const { scene, pollKey } = started.data

    actAs('demo-staff')
    const page = renderPage('pages/signin/index', { scene })
    await waitFor(() => page.dom.textContent?.includes('在电脑上登录 啄木鸟？'), 'the question')
    expect(page.dom.textContent).toContain(`设备：${PC_AGENT}`)
    expect(page.dom.textContent).toMatch(/时间：\d+月\d+日 \d\d:\d\d/)
    expect(await pc.call('signin', 'poll', { scene, pollKey })).toMatchObject({
      ok: true,
      data: { status: 'pending' },
    })

    tap(page, 'signin-confirm')
    await waitFor(() => page.dom.textContent?.includes('已确认'), 'the confirmation')
    expect(await pc.call('signin', 'poll', { scene, pollKey })).toMatchObject({
      ok: true,
      data: { status: 'approved', name: '李护士', ticket: expect.any(String) },
    })
  })
})
