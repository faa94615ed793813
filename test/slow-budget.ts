// Emulator-backed tests (spawned emulators, flows through its function workers) take seconds on a
// loaded 2-core machine, the more so while the typecheck and the lint run beside jest.
jest.setTimeout(30_000)
