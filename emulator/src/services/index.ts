import type { EmulatorService } from '../core'
import { installFunctions } from '../functions/service'
import { installMessagePush } from '../functions/message-push'
import { installTimers } from '../timers/service'
import { openApiService } from '../openapi/service'
import { storageService } from '../storage/service'
import { clockService } from './clock'
import { personasService } from './personas'
import { smsService } from '../sms/service'
import { webAuthService } from '../auth/service'

/** Every service the emulator installs after its database: storage, functions, open API, SMS, timers, clock, web sign-in, gateways. */
export const services: EmulatorService[] = [
  storageService,
  personasService,
  openApiService,
  smsService,
  clockService,
  webAuthService,
  (core) => {
    const invoker = installFunctions(core)
    installTimers(core, invoker)
    installMessagePush(core, invoker)
  },
]
