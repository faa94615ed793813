// Random ids for the emulator's documents, requests and tokens.
import { randomUUID } from 'node:crypto'

/** 32 random hex digits: randomUUID draws on a cached entropy pool, far cheaper per call than randomBytes. */
export function randomHex(): string {
  return randomUUID().replace(/-/g, '')
}
