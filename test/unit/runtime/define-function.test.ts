// The wrapper's contract: every answer is an envelope, never a throw; bad input names the field.
import { z } from 'zod'
import { defineFunction } from '../../../cloudfunctions/_shared/runtime/define-function'
import { AppError } from '../../../cloudfunctions/_shared/runtime/app-error'
import type { ActionContext } from '../../../cloudfunctions/_shared/runtime/context'
import { installChineseZodMessages } from '../../../types'
import { userApi } from '../../../types/api/user'

const fakeContext = (openid: string) => (): ActionContext =>
  ({
    openid,
    customUserId: '',
    appid: 'wx-test',
    env: 'test-env',
    source: 'wx_client',
    db: {} as never,
    cloud: {} as never,
    now: () => new Date(0),
  }) as ActionContext

describe('defineFunction', () => {
  beforeAll(() => installChineseZodMessages())

  const seen: string[] = []
  const main = defineFunction(
    'user',
    userApi,
    {
      whoami: async (_input, ctx) => {
        seen.push(ctx.openid)
        if (ctx.openid === 'boom') throw new Error('database down')
        if (ctx.openid === 'denied') throw new AppError('auth.forbidden')
        return { openid: ctx.openid, user: null }
      },
    },
    { makeContext: fakeContext('o-1') },
  )

  it.each([
    ['no action', {}, 'input.invalid'],
    ['action not a string', { action: 7 }, 'input.invalid'],
    ['unknown action', { action: 'nope' }, 'action.unknown'],
    ['prototype key as action', { action: 'toString' }, 'action.unknown'],
    ['extra input field', { action: 'whoami', input: { evil: 1 } }, 'input.invalid'],
    ['not an object', 'whoami', 'input.invalid'],
  ])('%s → %s without calling the handler', async (_name, event, code) => {
    seen.length = 0
    const res = await main(event)
    expect(res).toMatchObject({ ok: false, code })
    expect(seen).toEqual([])
  })

  it('routes a valid call and wraps the result', async () => {
    await expect(main({ action: 'whoami', input: {} })).resolves.toEqual({
      ok: true,
      data: { openid: 'o-1', user: null },
    })
  })

  it('ignores the userInfo the platform adds to client calls', async () => {
    const res = await main({ action: 'whoami', userInfo: { openId: 'spoofed', appId: 'x' } })
    expect(res).toEqual({ ok: true, data: { openid: 'o-1', user: null } })
  })

  it('turns an AppError into its code and an unexpected throw into internal', async () => {
    const denied = defineFunction(
      'user',
      userApi,
      {
        whoami: async () => {
          throw new AppError('auth.forbidden')
        },
      },
      { makeContext: fakeContext('x') },
    )
    await expect(denied({ action: 'whoami' })).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
      message: '你没有权限进行这个操作',
    })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = defineFunction(
      'user',
      userApi,
      {
        whoami: async () => {
          throw new Error('db down')
        },
      },
      { makeContext: fakeContext('x') },
    )
    await expect(broken({ action: 'whoami' })).resolves.toMatchObject({
      ok: false,
      code: 'internal',
    })
    spy.mockRestore()
  })

  it('names the offending field in Chinese', async () => {
    const res = await main({ action: 'whoami', input: { evil: 1 } })
    if (res.ok) throw new Error('expected a failure')
    expect(res.message).toContain('evil')
    expect(res.issues?.[0]?.message).toMatch(/不认识的字段/)
    expect(z.string().max(2).safeParse('abc').error?.issues[0]?.message).toBe('最多 2 个字')
  })
})
