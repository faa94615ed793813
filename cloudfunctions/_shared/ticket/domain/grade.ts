// Where a hazard's grade comes from when it is reported: the one place its default lives.
import { FALLBACK_GRADE, GRADES, type Grade } from '../../../../types/grade'

const rank = (grade: Grade): number => GRADES.indexOf(grade)

/**
 * The grade a new hazard carries: its category's default (else general), raised to the one it is
 * reported with (a round's finding brings its checklist item's). A report never lowers it: only the
 * safety office regrades, with a reason, through the `grade` action.
 */
export function gradeOnReport(category: { grade?: Grade }, asked?: Grade): Grade {
  const byCategory = category.grade ?? FALLBACK_GRADE
  return asked && rank(asked) > rank(byCategory) ? asked : byCategory
}
