// The public face of the `admin` function: roster files, floor posters and round reports (PDF) —
// the desk work that needs heavy libraries.
export { rosterFileRoutes } from './roster-files'
export { posterRoutes } from './posters'
export { roundPdfRoutes } from '../rounds/report-pdf'
