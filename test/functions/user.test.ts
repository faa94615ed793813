// The whole path: gateway → emulator → the built `user` function in its own worker → the real SDK → the database.
import { startBackend, type Backend } from './helpers/backend'

describe('user.whoami through the emulator', () => {
  let backend: Backend
  beforeAll(async () => {
    backend = await startBackend()
    await backend.db.collection('users').add({
      data: { _id: 'u-nurse', openid: 'o-nurse', name: '王护士', roles: ['staff'], active: true },
    })
  })
  afterAll(() => backend.stop())

  it('knows a bound staff member from the OPENID alone', async () => {
    const res = await backend.callAs('o-nurse', 'user', 'whoami', {})
    expect(res).toMatchObject({
      ok: true,
      data: { openid: 'o-nurse', user: { id: 'u-nurse', name: '王护士', roles: ['staff'] } },
    })
  })

  it('answers null for an OPENID bound to nobody', async () => {
    await expect(backend.okAs('o-stranger', 'user', 'whoami', {})).resolves.toMatchObject({
      openid: 'o-stranger',
      user: null,
    })
  })

  it('rejects unknown actions and bad input with an envelope, not a crash', async () => {
    await expect(backend.callAs('o-nurse', 'user', 'fly', {})).resolves.toMatchObject({
      ok: false,
      code: 'action.unknown',
    })
    await expect(backend.callAs('o-nurse', 'user', 'whoami', { x: 1 })).resolves.toMatchObject({
      ok: false,
      code: 'input.invalid',
    })
  })

  it('keeps concurrent callers apart', async () => {
    const openids = Array.from({ length: 8 }, (_, i) => `o-caller-${i}`)
    const results = await Promise.all(
      openids.map((o) => backend.okAs<{ openid: string }>(o, 'user', 'whoami', {})),
    )
    expect(results.map((r) => r.openid)).toEqual(openids)
  })
})
