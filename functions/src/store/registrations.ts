import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isStatus, type Tables } from './tables';

const TOKEN_PARTITION = 'token';
/** 32 random bytes (256 bits): the token alone lets its holder attach a passkey to a user. */
const TOKEN_BYTES = 32;

export interface IssuedRegistrationToken {
  /** Goes into the URL once and is never stored: the table keeps only its SHA-256. */
  readonly token: string;
  readonly expiresAt: Date;
}

export type RegistrationTokenState =
  | { readonly kind: 'valid'; readonly userId: string; readonly digest: string; readonly expiresAt: Date }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'used' };

interface RegistrationTokenEntity {
  partitionKey: string;
  rowKey: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  /** Empty until the token is used. */
  usedAt: string;
  /** The passkey the token registered, for the audit trail. */
  credentialId: string;
}

/** The table key of a token: its SHA-256, so a leaked table never yields a usable URL. */
export function registrationTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Single-use registration tokens. `consume` is an ETag-conditional write, so however many
 * requests race with one token, exactly one of them registers a passkey with it.
 */
export class RegistrationTokenStore {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = tables.registrations;
  }

  async issue(userId: string, ttlMs: number): Promise<IssuedRegistrationToken> {
    if (!(ttlMs > 0)) throw new RangeError('a registration token needs a positive lifetime');
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + ttlMs);
    await this.table.createEntity<RegistrationTokenEntity>({
      partitionKey: TOKEN_PARTITION,
      rowKey: registrationTokenDigest(token),
      userId,
      createdAt,
      expiresAt,
      usedAt: '',
      credentialId: '',
    });
    return { token, expiresAt };
  }

  async inspect(token: string): Promise<RegistrationTokenState> {
    const entity = await this.read(token);
    return entity ? stateOf(entity, this.now()) : { kind: 'unknown' };
  }

  /**
   * Marks the token used by `credentialId`, only if it is still valid and nobody else marked it
   * first. Returns the state the token was in: `valid` means this call won.
   */
  async consume(token: string, credentialId: string): Promise<RegistrationTokenState> {
    const entity = await this.read(token);
    if (!entity) return { kind: 'unknown' };
    const state = stateOf(entity, this.now());
    if (state.kind !== 'valid') return state;
    try {
      await this.table.updateEntity<RegistrationTokenEntity>(
        { ...entity, usedAt: this.now().toISOString(), credentialId },
        'Replace',
        { etag: entity.etag },
      );
      return state;
    } catch (error) {
      if (isStatus(error, 412)) return { kind: 'used' };
      if (isStatus(error, 404)) return { kind: 'unknown' };
      throw error;
    }
  }

  private async read(token: string): Promise<(RegistrationTokenEntity & { etag: string }) | undefined> {
    // A token we issued is 43 base64url characters; anything else cannot be one.
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return undefined;
    try {
      return await this.table.getEntity<RegistrationTokenEntity>(TOKEN_PARTITION, registrationTokenDigest(token));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}

function stateOf(entity: RegistrationTokenEntity, now: Date): RegistrationTokenState {
  if (entity.usedAt !== '') return { kind: 'used' };
  const expiresAt = new Date(entity.expiresAt);
  if (expiresAt <= now) return { kind: 'expired' };
  return { kind: 'valid', userId: entity.userId, digest: entity.rowKey, expiresAt };
}
