import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { isStatus, type Tables } from './tables';

const PASSKEY_PARTITION = 'passkey';

/** A registered passkey: what verifying its future assertions needs, and what the operator lists. */
export interface PasskeyRecord {
  /** base64url credential id, as the authenticator reports it. */
  readonly id: string;
  readonly userId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  /** The signature counter last seen; 0 for authenticators that do not count (most passkeys). */
  readonly counter: number;
  readonly transports: readonly string[];
  /** 'singleDevice' or 'multiDevice' (synced passkey). */
  readonly deviceType: string;
  readonly backedUp: boolean;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

interface PasskeyEntity {
  partitionKey: string;
  rowKey: string;
  userId: string;
  publicKey: string;
  counter: number;
  transports: string;
  deviceType: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: string;
}

/** A credential id we could have stored: base64url, and short enough to be a table key. */
export function isPlausibleCredentialId(id: string): boolean {
  return /^[A-Za-z0-9_-]{16,700}$/.test(id);
}

/**
 * The passkeys table. A user may hold several (phone, laptop, security key); registering adds a
 * row and never replaces one, and revoking removes exactly one.
 */
export class PasskeyStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.passkeys;
  }

  /** Adds a passkey; false when a passkey with that id exists already (it is never overwritten). */
  async add(passkey: PasskeyRecord): Promise<boolean> {
    try {
      await this.table.createEntity(toEntity(passkey));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<PasskeyRecord | undefined> {
    if (!isPlausibleCredentialId(id)) return undefined;
    try {
      return fromEntity(await this.table.getEntity<PasskeyEntity>(PASSKEY_PARTITION, id));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async listForUser(userId: string): Promise<PasskeyRecord[]> {
    return this.query(odata`PartitionKey eq ${PASSKEY_PARTITION} and userId eq ${userId}`);
  }

  async listAll(): Promise<PasskeyRecord[]> {
    return this.query(odata`PartitionKey eq ${PASSKEY_PARTITION}`);
  }

  /**
   * Records a successful use. Merge, not replace: a concurrent revoke must win (a merge on a
   * deleted row fails rather than bringing the passkey back).
   */
  async recordUse(id: string, counter: number, usedAt: Date): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: PASSKEY_PARTITION, rowKey: id, counter, lastUsedAt: usedAt.toISOString() }, 'Merge', { etag: '*' });
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  async revoke(id: string): Promise<boolean> {
    if (!isPlausibleCredentialId(id)) return false;
    try {
      await this.table.deleteEntity(PASSKEY_PARTITION, id);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async query(filter: string): Promise<PasskeyRecord[]> {
    const passkeys: PasskeyRecord[] = [];
    for await (const entity of this.table.listEntities<PasskeyEntity>({ queryOptions: { filter } })) passkeys.push(fromEntity(entity));
    return passkeys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}

function toEntity(passkey: PasskeyRecord): PasskeyEntity {
  return {
    partitionKey: PASSKEY_PARTITION,
    rowKey: passkey.id,
    userId: passkey.userId,
    publicKey: passkey.publicKey,
    counter: passkey.counter,
    transports: JSON.stringify(passkey.transports),
    deviceType: passkey.deviceType,
    backedUp: passkey.backedUp,
    createdAt: passkey.createdAt,
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? '',
  };
}

function fromEntity(entity: TableEntityResult<PasskeyEntity>): PasskeyRecord {
  return {
    id: entity.rowKey,
    userId: entity.userId,
    publicKey: entity.publicKey,
    counter: Number(entity.counter),
    transports: JSON.parse(entity.transports) as string[],
    deviceType: entity.deviceType,
    backedUp: entity.backedUp,
    createdAt: new Date(entity.createdAt),
    lastUsedAt: entity.lastUsedAt ? new Date(entity.lastUsedAt) : null,
  };
}
