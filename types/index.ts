// The contract between the mini-program and the cloud functions. Imports only zod and dayjs.
export * from './errors'
export * from './envelope'
export * from './api'
export * from './zod-zh'
export * from './text'
export * from './cursor'
