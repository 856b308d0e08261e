import { randomBytes } from 'node:crypto';
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { isStatus, type Tables } from './tables';

const USER_PARTITION = 'user';

export interface UserRecord {
  readonly id: string;
  readonly displayName: string;
  /** Empty when the user relies on the app-wide PUSHOVER_USER_KEY. */
  readonly pushoverUserKey: string;
  readonly createdAt: Date;
}

interface UserEntity {
  partitionKey: string;
  rowKey: string;
  displayName: string;
  pushoverUserKey: string;
  createdAt: Date;
  /** WebAuthn user handle (base64url), made at the user's first registration; absent before. */
  webauthnUserId?: string;
}

/** User ids appear in routing config, URLs and audit rows: keep them short and plain. */
export function isValidUserId(id: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(id);
}

export class UserStore {
  private readonly users: TableClient;

  constructor(tables: Tables) {
    this.users = tables.users;
  }

  async list(): Promise<UserRecord[]> {
    const users: UserRecord[] = [];
    for await (const entity of this.users.listEntities<UserEntity>()) users.push(fromEntity(entity));
    return users;
  }

  async get(id: string): Promise<UserRecord | undefined> {
    if (!isValidUserId(id)) return undefined;
    try {
      return fromEntity(await this.users.getEntity<UserEntity>(USER_PARTITION, id));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * The user's WebAuthn user handle: random, so it says nothing about the user (authenticators
   * store it and may show it to others), and the same for all of the user's passkeys, so a
   * second registration on one authenticator replaces that authenticator's own entry only.
   * Made once; concurrent first registrations agree through an ETag-conditional write.
   */
  async webauthnUserId(id: string): Promise<string | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      let entity: TableEntityResult<UserEntity>;
      try {
        entity = await this.users.getEntity<UserEntity>(USER_PARTITION, id);
      } catch (error) {
        if (isStatus(error, 404)) return undefined;
        throw error;
      }
      if (entity.webauthnUserId) return entity.webauthnUserId;
      const handle = randomBytes(32).toString('base64url');
      try {
        await this.users.updateEntity({ partitionKey: USER_PARTITION, rowKey: id, webauthnUserId: handle }, 'Merge', { etag: entity.etag });
        return handle;
      } catch (error) {
        if (!isStatus(error, 412)) throw error;
      }
    }
    throw new Error('the user row stayed contended while making its WebAuthn user handle');
  }

  /** Creates the user unless one with that id exists; returns whether it was created. */
  async createIfAbsent(user: Omit<UserRecord, 'createdAt'>, createdAt = new Date()): Promise<boolean> {
    if (!isValidUserId(user.id)) throw new RangeError(`invalid user id "${user.id}": use a-z, 0-9, ".", "_" or "-"`);
    try {
      await this.users.createEntity<UserEntity>({
        partitionKey: USER_PARTITION,
        rowKey: user.id,
        displayName: user.displayName,
        pushoverUserKey: user.pushoverUserKey,
        createdAt,
      });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      await this.users.deleteEntity(USER_PARTITION, id);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }
}

function fromEntity(entity: TableEntityResult<UserEntity>): UserRecord {
  return {
    id: entity.rowKey,
    displayName: entity.displayName,
    pushoverUserKey: entity.pushoverUserKey,
    createdAt: new Date(entity.createdAt),
  };
}
