// Values are cut to WeChat's field rules before sending, so a send never fails with 47003.
import { fitField } from '../../../cloudfunctions/_shared/notify/domain/fields'

describe('fitField', () => {
  it.each([
    ['thing', '消防通道堵塞', '消防通道堵塞'],
    [
      'thing',
      '一二三四五六七八九十一二三四五六七八九十一',
      '一二三四五六七八九十一二三四五六七八九…',
    ],
    ['phrase', '已经处理完毕了', '已经处理…'],
    ['name', '欧阳娜娜娜娜娜娜娜娜娜', '欧阳娜娜娜娜娜娜娜…'],
    ['thing', '  多个   空格  ', '多个 空格'],
    ['thing', '', '—'],
  ])('%s %s → %s', (type, value, expected) => {
    expect(fitField(type, value)).toBe(expected)
    expect([...fitField(type, value)].length).toBeLessThanOrEqual(
      { thing: 20, phrase: 5, name: 10 }[type as 'thing']!,
    )
  })

  it('formats times in Asia/Shanghai', () => {
    expect(fitField('time', new Date('2026-11-24T01:30:00Z'))).toBe('2026-11-24 09:30')
  })
})
