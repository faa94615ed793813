// The org wing's public face for the `admin` function: roster files and floor posters.
export { rosterFileRoutes } from './roster-files'
export { posterRoutes } from './posters'
