import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { Tables } from './tables';

const AUDIT_PARTITION = 'audit';
/** Larger than any epoch millisecond count we will meet; row keys count down from it. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;

export type AuditAction = 'registration' | 'reveal' | 'revocation';

/**
 * One security-relevant event. Deliberately has no field that could hold the code or the
 * message text: an audit trail is read by people and tools the passkey does not guard.
 */
export interface AuditEvent {
  readonly action: AuditAction;
  /** `ok`, or why it failed: `verification-failed`, `counter-regression`, `not-recipient`, … */
  readonly outcome: string;
  readonly userId?: string;
  readonly credentialId?: string;
  readonly messageId?: string;
  readonly clientIp?: string;
  readonly userAgent?: string;
}

export interface AuditRecord extends Required<AuditEvent> {
  readonly at: Date;
}

interface AuditEntity {
  partitionKey: string;
  rowKey: string;
  at: Date;
  action: string;
  outcome: string;
  userId: string;
  credentialId: string;
  messageId: string;
  clientIp: string;
  userAgent: string;
}

const MAX_USER_AGENT_LENGTH = 256;

/** Append-only. Row keys sort newest first, so reading "the latest" needs no sort. */
export class AuditLog {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = tables.audit;
  }

  async record(event: AuditEvent): Promise<void> {
    const at = this.now();
    const newestFirst = String(MAX_EPOCH_MS - at.getTime()).padStart(16, '0');
    await this.table.createEntity<AuditEntity>({
      partitionKey: AUDIT_PARTITION,
      rowKey: `${newestFirst}-${randomBytes(6).toString('hex')}`,
      at,
      action: event.action,
      outcome: event.outcome,
      userId: event.userId ?? '',
      credentialId: event.credentialId ?? '',
      messageId: event.messageId ?? '',
      clientIp: event.clientIp ?? '',
      userAgent: (event.userAgent ?? '').slice(0, MAX_USER_AGENT_LENGTH),
    });
  }

  /** Events at or after `since`, newest first. */
  async list(since: Date): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    const rows = this.table.listEntities<AuditEntity>({ queryOptions: { filter: odata`PartitionKey eq ${AUDIT_PARTITION} and at ge ${since}` } });
    for await (const row of rows) {
      records.push({
        at: new Date(row.at),
        action: row.action as AuditAction,
        outcome: row.outcome,
        userId: row.userId,
        credentialId: row.credentialId,
        messageId: row.messageId,
        clientIp: row.clientIp,
        userAgent: row.userAgent,
      });
    }
    return records;
  }
}
