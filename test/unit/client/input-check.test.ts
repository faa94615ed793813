// The client's check of a call's input against the contract: the issues, in Chinese, before anything
// is sent; an action the contract does not name is told apart from bad input.
import { inputIssues } from '../../../src/services/input-check'

describe('input check', () => {
  it.each([
    ['org', 'floorByScene', { scene: 'f=B07F03' }, []],
    ['org', 'categories', {}, []],
    ['org', 'floorByScene', { scene: '' }, [{ path: 'scene', message: '不能为空' }]],
    ['org', 'floorByScene', {}, [{ path: 'scene', message: '必填' }]],
    [
      'org',
      'floorByScene',
      { scene: 'x'.repeat(33) },
      [{ path: 'scene', message: '最多 32 个字' }],
    ],
  ] as const)('%s.%s %j → %j', (fn, action, input, issues) => {
    expect(inputIssues(fn, action, input)).toEqual(issues)
  })

  it('names an action the contract does not have as unknown', () => {
    expect(inputIssues('org', 'dropAllTables', {})).toBe('unknown')
  })
})
