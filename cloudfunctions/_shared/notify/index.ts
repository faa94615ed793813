// The notify wing's public face: what the `notify` function routes.
export { notifyInternal, notifyRoutes, redispatchPending } from './routes'
