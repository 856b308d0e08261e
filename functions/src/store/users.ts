import type { TableClient } from '@azure/data-tables';
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
    for await (const entity of this.users.listEntities<UserEntity>()) {
      users.push({
        id: entity.rowKey,
        displayName: entity.displayName,
        pushoverUserKey: entity.pushoverUserKey,
        createdAt: new Date(entity.createdAt),
      });
    }
    return users;
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
