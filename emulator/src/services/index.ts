import type { EmulatorService } from '../core'

/** Every service the emulator installs after its database: storage, functions, open API, timers, gateway. */
export const services: EmulatorService[] = []
