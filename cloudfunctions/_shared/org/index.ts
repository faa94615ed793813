// The org wing's public face for the `org` and `user` functions (roster files and posters, with
// their heavy libraries, are in ./admin so these start light).
export { orgRoutes } from './routes'
export { userRoutes } from './whoami'
