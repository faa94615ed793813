// Flows through the emulator's function workers take seconds on a loaded 2-core machine.
jest.setTimeout(30_000)
