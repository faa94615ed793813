// The `admin` function: the safety office's desk work that needs heavy libraries — roster files
// (XLSX/CSV import and export), floor posters (PDF with the CJK font and mini-program codes) and
// round reports (PDF) — kept apart so `org`, which the report page calls first, starts without them.
import { defineFunction } from '../../_shared/runtime'
import { adminApi } from '../../../types/api/admin'
import { posterRoutes, roundPdfRoutes, rosterFileRoutes } from '../../_shared/org/admin'

export const main = defineFunction('admin', adminApi, {
  ...rosterFileRoutes,
  ...posterRoutes,
  ...roundPdfRoutes,
})
