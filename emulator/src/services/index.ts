import type { EmulatorService } from '../core'
import { installFunctions } from '../functions/service'
import { installTimers } from '../timers/service'
import { openApiService } from '../openapi/service'
import { storageService } from '../storage/service'
import { personasService } from './personas'

/** Every service the emulator installs after its database: storage, functions, open API, timers, gateway. */
export const services: EmulatorService[] = [
  storageService,
  personasService,
  openApiService,
  (core) => installTimers(core, installFunctions(core)),
]
