// The runtime every cloud function is built on.
export {
  defineFunction,
  type Routes,
  type ActionHandler,
  type CloudMain,
  type MessagePushRoute,
} from './define-function'
export { AppError } from './app-error'
export {
  createContext,
  callerKey,
  isInternalCall,
  isPlatformCallback,
  type ActionContext,
  type Database,
  type CloudSdk,
} from './context'
