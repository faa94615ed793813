// Paths of the emulator's test fixtures: tiny functions and a declared database.
import { resolve } from 'node:path'

export const FIXTURES = resolve(__dirname, '..', 'fixtures')
export const FIXTURE_FUNCTIONS = resolve(FIXTURES, 'functions')
export const FIXTURE_DATABASE = resolve(FIXTURES, 'database')

/** Calls a fixture function through the H5 gateway as an OPENID. */
export async function gateway(
  url: string,
  fn: string,
  body: unknown,
  openid = '',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
