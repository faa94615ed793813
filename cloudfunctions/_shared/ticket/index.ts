// The ticket wing's public face: what the `ticket` function routes.
export { ticketRoutes } from './routes'
