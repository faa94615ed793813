// Where a hazard's grade comes from when it is reported: the one place its default lives.
import { FALLBACK_GRADE, type Grade } from '../../../../types/grade'

/**
 * The grade a new hazard carries: the one it is reported with (a round's finding brings its
 * checklist item's), else its category's default, else general.
 */
export function gradeOnReport(category: { grade?: Grade }, asked?: Grade): Grade {
  return asked ?? category.grade ?? FALLBACK_GRADE
}
