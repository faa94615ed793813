// Nothing to do: the setup's returned function stops the emulator.
export default async function globalTeardown(): Promise<void> {}
