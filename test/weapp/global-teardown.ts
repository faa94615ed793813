// Stops the emulator the weapp suite used.
export default async function globalTeardown(): Promise<void> {
  await globalThis.__WEAPP_EMULATOR__?.stop()
}
