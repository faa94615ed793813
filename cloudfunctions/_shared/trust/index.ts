// The trust wing's public face: the safety office's desk against abuse, and the audit log. PC
// sign-in has its own public file (signin.ts) so `safety` starts without the CloudBase node SDK.
export { safetyRoutes } from './block'
