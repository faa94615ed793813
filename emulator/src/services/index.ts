import type { EmulatorService } from '../core'
import { installFunctions } from '../functions/service'
import { installMessagePush } from '../functions/message-push'
import { installTimers } from '../timers/service'
import { openApiService } from '../openapi/service'
import { storageService } from '../storage/service'
import { clockService } from './clock'
import { personasService } from './personas'
import { smsService } from '../sms/service'

/** Every service the emulator installs after its database: storage, functions, open API, SMS, timers, clock, gateway. */
export const services: EmulatorService[] = [
  storageService,
  personasService,
  openApiService,
  smsService,
  clockService,
  (core) => {
    const invoker = installFunctions(core)
    installTimers(core, invoker)
    installMessagePush(core, invoker)
  },
]
