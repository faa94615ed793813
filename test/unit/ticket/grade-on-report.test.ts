// The grade a report gives a new hazard, row by row: the category's default, raised but never
// lowered by the grade the report brings.
import { gradeOnReport } from '../../../cloudfunctions/_shared/ticket/domain/grade'

describe('the grade of a new hazard', () => {
  it.each([
    ['a category without a grade, none asked', {}, undefined, 'general'],
    ['a general category, none asked', { grade: 'general' }, undefined, 'general'],
    ['a major category, none asked', { grade: 'major' }, undefined, 'major'],
    ['a general category, a finding asks major', { grade: 'general' }, 'major', 'major'],
    ['a category without a grade, a finding asks major', {}, 'major', 'major'],
    ['a major category, a report asks general', { grade: 'major' }, 'general', 'major'],
    ['a general category, a report asks general', { grade: 'general' }, 'general', 'general'],
  ] as const)('%s: %s', (_name, category, asked, grade) => {
    expect(gradeOnReport(category, asked)).toBe(grade)
  })
})
