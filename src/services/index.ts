// Everything pages need to talk to the backend.
export { call } from './call'
export { ApiError, messageOf } from './api-error'
