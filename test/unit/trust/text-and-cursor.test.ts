// Text is text, cursors are cursors: table-driven checks of the shared boundary helpers.
import { cleanText, PageCursor, safeText } from '../../../types'

describe('cleanText', () => {
  it.each([
    ['plain Chinese stays', '3楼东侧消防通道堆放纸箱', '3楼东侧消防通道堆放纸箱'],
    ['NFC: e + combining acute → é', 'cafe\u0301', 'caf\u00e9'],
    ['RLO override removed', 'abc\u202efed', 'abcfed'],
    ['all embeddings/overrides removed', '\u202a\u202b\u202c\u202d\u202ex', 'x'],
    ['isolates removed', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['LRM/RLM/ALM removed', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['ANSI colour removed', '\u001b[31m红\u001b[0m', '红'],
    ['ANSI cursor movement removed', 'a\u001b[2J\u001b[1;1Hb', 'ab'],
    ['OSC title sequence removed', '\u001b]0;pwned\u0007ok', 'ok'],
    ['C0 controls removed', 'a\u0000b\u0007c\u0008d\u000be', 'abcde'],
    ['C1 controls removed', 'a\u0085b\u0090c', 'abc'],
    ['8-bit CSI sequence removed whole', 'a\u009b31mb', 'ab'],
    ['DEL removed', 'a\u007fb', 'ab'],
    ['tab removed, newline kept', 'a\tb\nc', 'ab\nc'],
    ['CRLF → LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['trimmed', '  hi  ', 'hi'],
    ['emoji kept', '⚠️🔥', '⚠️🔥'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })

  it('holds the limit after cleaning', () => {
    const s = safeText({ max: 5 })
    expect(s.parse('\u202e12345\u0007')).toBe('12345')
    expect(s.safeParse('123456').success).toBe(false)
    expect(safeText({ min: 1, max: 5 }).safeParse('\u0000\u202e').success).toBe(false)
    expect(s.safeParse('x'.repeat(100)).success).toBe(false)
  })
})

describe('PageCursor', () => {
  it.each([
    ['month 13', '2026-13-01T00:00:00.000Z|ab'],
    ['day 32', '2026-01-32T00:00:00.000Z|ab'],
    ['30 February', '2026-02-30T00:00:00.000Z|ab'],
    ['29 February in a common year', '2026-02-29T00:00:00.000Z|ab'],
    ['hour 24', '2026-01-01T24:00:00.000Z|ab'],
    ['hour 99', '2026-01-01T99:00:00.000Z|ab'],
    ['second 60', '2026-01-01T00:00:60.000Z|ab'],
    ['no milliseconds', '2026-01-01T00:00:00Z|ab'],
    ['an offset instead of Z', '2026-01-01T00:00:00.000+08:00|ab'],
    ['no id', '2026-01-01T00:00:00.000Z|'],
    ['a non-hex id', '2026-01-01T00:00:00.000Z|xyz'],
    ['an id too long', `2026-01-01T00:00:00.000Z|${'a'.repeat(65)}`],
    ['no bar', '2026-01-01T00:00:00.000Z'],
    ['empty', ''],
  ])('rejects %s', (_name, raw) => {
    const res = PageCursor.safeParse(raw)
    expect(res.success).toBe(false)
    if (!res.success) expect(res.error.issues[0].message).toBe('分页标记无效')
  })

  it('parses a good cursor completely', () => {
    expect(PageCursor.parse('2024-02-29T23:59:59.999Z|0f3a')).toEqual({
      at: new Date('2024-02-29T23:59:59.999Z'),
      id: '0f3a',
    })
  })
})
