// Pure trust policies, table-driven: who sees which photo rendition, hourly limits, internal-call
// recognition by the platform's SOURCE marker, and the gateway's size/depth check.
import {
  photoRendition,
  photoState,
  type PhotoCheckFacts,
} from '../../../cloudfunctions/_shared/media/domain/photo-visibility'
import type { Relation } from '../../../cloudfunctions/_shared/ticket/domain/machine'
import { limitRefusal } from '../../../cloudfunctions/_shared/ticket/domain/rate-limits'
import {
  isInternalCall,
  isPlatformCallback,
  type ActionContext,
} from '../../../cloudfunctions/_shared/runtime/context'
import {
  eventTextProblem,
  MAX_EVENT_BYTES,
  MAX_EVENT_DEPTH,
} from '../../../emulator/src/functions/event-limits'

describe('photo visibility', () => {
  const check = (status: PhotoCheckFacts['status'], redacted = false) => ({ status, redacted })
  it.each([
    [undefined, 'pending'],
    [check('pending'), 'pending'],
    [check('pass'), 'pass'],
    [check('risky'), 'flagged'],
    [check('review'), 'flagged'],
    [check('risky', true), 'redacted'],
    [check('pass', true), 'redacted'],
  ] as const)('check %j → state %s', (c, state) => {
    expect(photoState(c)).toBe(state)
  })

  const ALL: Relation[][] = [
    ['staff'],
    ['staff', 'reporter'],
    ['staff', 'owner'],
    ['staff', 'above'],
    ['staff', 'safety'],
  ]
  it.each([
    ['pending', ['staff'], 'hidden'],
    ['pending', ['staff', 'reporter'], 'original'],
    ['pending', ['staff', 'owner'], 'original'],
    ['pending', ['staff', 'above'], 'original'],
    ['pending', ['staff', 'safety'], 'original'],
    ...ALL.map((r) => ['pass', r, 'original']),
    ...ALL.map((r) => ['flagged', r, 'blurred']),
    ...ALL.map((r) => ['redacted', r, 'redacted']),
  ] as Array<[Parameters<typeof photoRendition>[0], Relation[], string]>)(
    '%s seen by %j → %s',
    (state, relations, rendition) => {
      expect(photoRendition(state, new Set(relations))).toBe(rendition)
    },
  )
})

describe('hourly limits', () => {
  const now = new Date('2026-11-25T10:00:00Z')
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
  // The moment of the limit-th most recent report or act within the hour, if there is one.
  it.each([
    ['report', undefined, undefined],
    ['report', minutesAgo(45), '每小时最多上报 20 次，请约 15 分钟后再试'],
    ['report', minutesAgo(59.5), '每小时最多上报 20 次，请约 1 分钟后再试'],
    ['act', undefined, undefined],
    ['act', minutesAgo(45), '每小时最多处理操作 120 次，请约 15 分钟后再试'],
    ['act', minutesAgo(0), '每小时最多处理操作 120 次，请约 60 分钟后再试'],
  ] as const)('%s with the last allowed at %s → %s', (kind, lastAllowed, message) => {
    const refusal = limitRefusal(kind, lastAllowed, now)
    if (message) expect(refusal).toContain(message)
    else expect(refusal).toBeUndefined()
  })
})

describe('internal calls are recognised by SOURCE, never by a missing OPENID', () => {
  const ctx = (source: string, openid = '') => ({ source, openid }) as ActionContext
  it.each([
    ['wx_client', 'o-1', false, false],
    ['wx_client', '', false, false],
    ['', '', false, false],
    ['wx_devtools', '', false, false],
    ['wx_http', '', false, false],
    ['wx_unknown', '', false, false],
    ['wx_client,scf', 'o-1', true, false],
    ['scf', '', true, false],
    ['wx_trigger', '', true, false],
    ['wx_trigger,scf', '', true, false],
    ['wx_msgpush', '', false, true],
    ['wx_client,wx_msgpush', '', false, false],
  ])(
    'SOURCE %j OPENID %j → internal %s, platform callback %s',
    (source, openid, internal, push) => {
      expect(isInternalCall(ctx(source, openid))).toBe(internal)
      expect(isPlatformCallback(ctx(source, openid))).toBe(push)
    },
  )
})

describe('gateway event limits', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
  it.each([
    ['shallow JSON', '{"action":"x","input":{"a":[1,2]}}', false],
    ['depth at the limit', deep(MAX_EVENT_DEPTH), false],
    ['one level deeper', deep(MAX_EVENT_DEPTH + 1), true],
    ['5,000 levels', deep(5000), true],
    ['brackets inside a string', JSON.stringify({ s: '['.repeat(10_000) }), false],
    ['escaped quotes inside a string', JSON.stringify({ s: '\\"[[[[' }), false],
    ['one byte over the size', JSON.stringify({ s: 'x'.repeat(MAX_EVENT_BYTES) }), true],
  ])('%s', (_name, text, refused) => {
    expect(Boolean(eventTextProblem(text))).toBe(refused)
  })
})
