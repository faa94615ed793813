// CloudBase's web sign-in as the web SDK (@cloudbase/js-sdk) reaches it: the environment's
// custom-login key (made at start, held in memory, never written anywhere), tickets signed with it
// verified once, and the access tokens a browser then calls functions with.
import { createPublicKey, generateKeyPairSync, randomBytes, verify } from 'node:crypto'
import type { Clock } from '../core'

/** The environment variable a function finds the custom-login key file's JSON in. */
export const CUSTOM_LOGIN_KEY_VAR = 'CLOUDBASE_CUSTOM_LOGIN_KEY'

const ACCESS_TOKEN_MS = 2 * 3600_000

/** Who a web access token signs in as. */
export interface WebIdentity {
  /** The CloudBase user id of this sign-in. */
  uuid: string
  /** The custom-login uid, or '' for an anonymous sign-in. */
  customUserId: string
  anonymous: boolean
  /** When the sign-in itself ends (a ticket's `expire`): no refresh after it. */
  signInEndsAt?: number
}

/** What the OAuth endpoints answer on success. */
export interface WebCredentials {
  token_type: 'Bearer'
  access_token: string
  refresh_token: string
  expires_in: number
  scope: string
  sub: string
}

interface Grant extends WebIdentity {
  expiresAt: number
}

/** The web sign-in of one emulator: its key, the tickets it has seen and the tokens it issued. */
export class WebAuth {
  /** The custom-login key file (private_key_id, private_key, env_id) as JSON, for functions only. */
  readonly keyJson: string
  private readonly keyId: string
  private readonly publicKey: ReturnType<typeof createPublicKey>
  private readonly usedTickets = new Set<string>()
  private readonly access = new Map<string, Grant>()
  private readonly refresh = new Map<string, WebIdentity>()

  constructor(
    private readonly envId: string,
    private readonly clock: Clock,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.keyId = `emu-${randomBytes(6).toString('hex')}`
    this.publicKey = publicKey
    this.keyJson = JSON.stringify({
      private_key_id: this.keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      env_id: envId,
    })
  }

  /** The tickets used and the tokens issued so far (the key stays: functions hold it). */
  capture(): unknown {
    return {
      used: new Set(this.usedTickets),
      access: new Map(this.access),
      refresh: new Map(this.refresh),
    }
  }

  /** Puts back what capture() returned. */
  restore(state: unknown): void {
    const s = state as {
      used: Set<string>
      access: Map<string, Grant>
      refresh: Map<string, WebIdentity>
    }
    this.usedTickets.clear()
    s.used.forEach((t) => this.usedTickets.add(t))
    this.access.clear()
    s.access.forEach((g, t) => this.access.set(t, g))
    this.refresh.clear()
    s.refresh.forEach((i, t) => this.refresh.set(t, i))
  }

  /** Credentials for a browser that signs in anonymously. */
  signInAnonymously(): WebCredentials {
    return this.grant({
      uuid: `anon-${randomBytes(8).toString('hex')}`,
      customUserId: '',
      anonymous: true,
    })
  }

  /** Credentials for a custom-login ticket; throws (with an OAuth error) unless it is valid and unused. */
  signInWithTicket(ticket: string): WebCredentials {
    const { uid, expire } = this.verifyTicket(ticket)
    return this.grant({
      uuid: `custom-${uid}`,
      customUserId: uid,
      anonymous: false,
      signInEndsAt: expire,
    })
  }

  /** New credentials for a refresh token; the old refresh token is spent. */
  refreshWith(refreshToken: string): WebCredentials {
    const identity = this.refresh.get(refreshToken)
    if (!identity) throw new OAuthError('invalid_grant', 'refresh token is invalid or was used')
    this.refresh.delete(refreshToken)
    if (identity.signInEndsAt !== undefined && identity.signInEndsAt <= this.clock.now())
      throw new OAuthError('invalid_grant', 'the sign-in has ended: sign in again')
    return this.grant(identity)
  }

  /** Signs an access token out. */
  revoke(accessToken: string): void {
    this.access.delete(accessToken)
  }

  /** Who an access token signs in as, while it lasts. */
  identityOf(accessToken: string): WebIdentity | undefined {
    const grant = this.access.get(accessToken)
    if (!grant) return undefined
    if (grant.expiresAt <= this.clock.now()) {
      this.access.delete(accessToken)
      return undefined
    }
    const { expiresAt: _expiresAt, ...identity } = grant
    return identity
  }

  private grant(identity: WebIdentity): WebCredentials {
    const accessToken = `emu-at-${randomBytes(16).toString('hex')}`
    const refreshToken = `emu-rt-${randomBytes(16).toString('hex')}`
    this.access.set(accessToken, { ...identity, expiresAt: this.clock.now() + ACCESS_TOKEN_MS })
    this.refresh.set(refreshToken, identity)
    return {
      token_type: 'Bearer',
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: ACCESS_TOKEN_MS / 1000,
      scope: identity.anonymous ? 'anonymous' : 'user',
      sub: identity.uuid,
    }
  }

  /** The uid (and sign-in end) of a ticket `<key id>/@@/<RS256 JWT>` made by @cloudbase/node-sdk's createTicket. */
  private verifyTicket(ticket: string): { uid: string; expire?: number } {
    const [keyId, jwt] = ticket.split('/@@/')
    if (keyId !== this.keyId || !jwt)
      throw new OAuthError('invalid_grant', 'ticket was not signed with this environment’s key')
    const [header, payload, signature] = jwt.split('.')
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      this.publicKey,
      Buffer.from(signature ?? '', 'base64url'),
    )
    if (!signed) throw new OAuthError('invalid_grant', 'ticket signature is invalid')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      env?: string
      exp?: number
      uid?: string
      expire?: number
    }
    if (claims.env !== this.envId)
      throw new OAuthError('invalid_grant', `ticket is for env ${claims.env}, not ${this.envId}`)
    if (typeof claims.exp !== 'number' || claims.exp <= this.clock.now())
      throw new OAuthError('invalid_grant', 'ticket has expired')
    if (typeof claims.uid !== 'string' || !claims.uid)
      throw new OAuthError('invalid_grant', 'ticket names no uid')
    if (this.usedTickets.has(signature))
      throw new OAuthError('invalid_grant', 'ticket was already used')
    this.usedTickets.add(signature)
    return {
      uid: claims.uid,
      expire: typeof claims.expire === 'number' ? claims.expire : undefined,
    }
  }
}

/** An OAuth error answer: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description)
  }
}
