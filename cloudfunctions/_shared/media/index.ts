// The media wing's public face: what the `media` function routes, and what other wings use.
export { mediaRoutes } from './review'
export { mediaCheckPush } from './callback'
