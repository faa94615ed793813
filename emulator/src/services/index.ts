import type { EmulatorService } from '../core'
import { installFunctions } from '../functions/service'
import { installMessagePush } from '../functions/message-push'
import { installTimers } from '../timers/service'
import { openApiService } from '../openapi/service'
import { storageService } from '../storage/service'
import { personasService } from './personas'

/** Every service the emulator installs after its database: storage, functions, open API, timers, gateway. */
export const services: EmulatorService[] = [
  storageService,
  personasService,
  openApiService,
  (core) => {
    const invoker = installFunctions(core)
    installTimers(core, invoker)
    installMessagePush(core, invoker)
  },
]
