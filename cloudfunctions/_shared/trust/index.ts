// The trust wing's public face: the safety office's desk against abuse, and the audit log.
export { safetyRoutes } from './block'
