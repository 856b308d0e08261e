import { createHash } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { InboundSms } from '../core/inbound';
import { newUnguessableId } from '../core/ids';
import { isStatus, type Tables } from './tables';

const MESSAGE_PARTITION = 'message';
/** Deliveries outlive their message so that a provider retrying late still finds them. */
const DELIVERY_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Optimistic-concurrency retries before giving up on a contended row. */
const MAX_CONDITIONAL_ATTEMPTS = 8;

/** What a message row holds. `sealedSecret` is the AES-GCM-sealed code and text. */
export interface MessageRecord {
  readonly id: string;
  readonly receivedAt: Date;
  readonly expiresAt: Date;
  readonly provider: string;
  readonly providerMessageId: string;
  readonly sender: string;
  readonly destination: string;
  readonly service: string | null;
  readonly hasCode: boolean;
  readonly sealedSecret: string;
  /** Users the message is addressed to, decided once at intake. */
  readonly recipients: readonly string[];
  /** Recipients whose push has been accepted by the notification service. */
  readonly notifiedUserIds: readonly string[];
  /** userId → ISO time: a push to that user is in flight (see services/intake.ts). */
  readonly pushClaims: Readonly<Record<string, string>>;
  /** When the secret was first revealed; with the `once` policy, sealedSecret is wiped at that moment. */
  readonly revealedAt: Date | null;
  /** The user who revealed it first. */
  readonly revealedBy: string | null;
  /** The row version this record was read or written as; updates are conditional on it. */
  readonly etag: string;
}

/** What the caller decides about a new message; the store adds identity, times and version. */
export type NewMessage = Omit<MessageRecord, 'id' | 'receivedAt' | 'expiresAt' | 'notifiedUserIds' | 'revealedAt' | 'revealedBy' | 'etag'>;

export interface DeliveryOutcome {
  /** Undefined when the delivery was handled before and its message has expired since. */
  readonly message: MessageRecord | undefined;
  /** True when this call stored the message; false for a provider retry or duplicate. */
  readonly isNew: boolean;
}

interface MessageEntity {
  partitionKey: string;
  rowKey: string;
  receivedAt: Date;
  expiresAt: Date;
  provider: string;
  providerMessageId: string;
  sender: string;
  destination: string;
  service: string;
  hasCode: boolean;
  sealedSecret: string;
  recipients: string;
  notifiedUserIds: string;
  pushClaims: string;
  revealedAt: string;
  revealedBy: string;
}

interface DeliveryEntity {
  partitionKey: string;
  rowKey: string;
  messageId: string;
  receivedAt: Date;
  expiresAt: Date;
}

type Mutation = Partial<Pick<MessageRecord, 'notifiedUserIds' | 'pushClaims' | 'revealedAt' | 'revealedBy' | 'sealedSecret'>>;

export class MessageStore {
  private readonly messages: TableClient;
  private readonly deliveries: TableClient;

  constructor(
    tables: Tables,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.messages = tables.messages;
    this.deliveries = tables.deliveries;
  }

  /**
   * Stores a delivered SMS exactly once, however often the provider repeats it.
   *
   * Step one claims the provider's message id with a create-if-absent delivery row that names
   * the message id; step two creates the message row under that id. Both are idempotent, so a
   * retry after a crash between the steps completes the work instead of storing a second copy,
   * and two concurrent deliveries agree on one id because only one delivery row can be created.
   */
  async storeDelivery(sms: InboundSms, build: (messageId: string, receivedAt: Date) => NewMessage): Promise<DeliveryOutcome> {
    const delivery = await this.claimDelivery(sms);
    // A delivery row this call just created cannot have a message yet: skip the read.
    if (!delivery.created) {
      const existing = await this.get(delivery.messageId);
      if (existing) return { message: existing, isNew: false };
    }
    const expiresAt = new Date(delivery.receivedAt.getTime() + this.ttlMs);
    if (expiresAt <= this.now()) return { message: undefined, isNew: false };

    const draft = build(delivery.messageId, delivery.receivedAt);
    const unversioned: Omit<MessageRecord, 'etag'> = {
      ...draft,
      id: delivery.messageId,
      receivedAt: delivery.receivedAt,
      expiresAt,
      notifiedUserIds: [],
      revealedAt: null,
      revealedBy: null,
    };
    try {
      const { etag } = await this.messages.createEntity(toEntity(unversioned));
      if (!etag) throw new Error('Table Storage returned no ETag for a created row');
      return { message: { ...unversioned, etag }, isNew: true };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      return { message: await this.mustGet(unversioned.id), isNew: false };
    }
  }

  async get(id: string): Promise<MessageRecord | undefined> {
    try {
      return fromEntity(await this.messages.getEntity<MessageEntity>(MESSAGE_PARTITION, id));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Unexpired messages some recipient has not been told about yet (their push failed). */
  async listUnannounced(): Promise<MessageRecord[]> {
    const unannounced: MessageRecord[] = [];
    const live = this.messages.listEntities<MessageEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${MESSAGE_PARTITION} and expiresAt gt ${this.now()}` },
    });
    for await (const entity of live) {
      const message = fromEntity(entity);
      if (message.recipients.some((userId) => !message.notifiedUserIds.includes(userId))) unannounced.push(message);
    }
    return unannounced;
  }

  /**
   * Applies `mutate` with an ETag-conditional write. The first attempt trusts `known` (no read);
   * when another invocation changed the row since, it re-reads and re-applies. `mutate` returns
   * undefined to leave the row as it is.
   */
  async update(known: MessageRecord, mutate: (current: MessageRecord) => Mutation | undefined): Promise<MessageRecord> {
    let current = known;
    for (let attempt = 0; attempt < MAX_CONDITIONAL_ATTEMPTS; attempt++) {
      const change = mutate(current);
      if (change === undefined) return current;
      const next = { ...current, ...change };
      try {
        const { etag } = await this.messages.updateEntity(toEntity(next), 'Replace', { etag: current.etag });
        return { ...next, etag: etag ?? '' };
      } catch (error) {
        if (!isStatus(error, 412)) throw error;
      }
      current = await this.mustGet(current.id);
    }
    throw new Error(`message row stayed contended after ${MAX_CONDITIONAL_ATTEMPTS} attempts`);
  }

  private async mustGet(id: string): Promise<MessageRecord> {
    const message = await this.get(id);
    if (!message) throw new Error('message row vanished right after it was written');
    return message;
  }

  private async claimDelivery(sms: InboundSms): Promise<{ messageId: string; receivedAt: Date; created: boolean }> {
    const partitionKey = sms.provider;
    // Provider ids may hold characters Table Storage forbids in keys ('/', '#', '?'); a digest never does.
    const rowKey = createHash('sha256').update(sms.providerMessageId).digest('hex');
    const receivedAt = this.now();
    const candidate: DeliveryEntity = {
      partitionKey,
      rowKey,
      messageId: newUnguessableId(),
      receivedAt,
      expiresAt: new Date(receivedAt.getTime() + Math.max(this.ttlMs, DELIVERY_MEMORY_MS)),
    };
    try {
      await this.deliveries.createEntity(candidate);
      return { ...candidate, created: true };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      const existing = await this.deliveries.getEntity<DeliveryEntity>(partitionKey, rowKey);
      return { messageId: existing.messageId, receivedAt: new Date(existing.receivedAt), created: false };
    }
  }
}

function toEntity(record: Omit<MessageRecord, 'etag'>): MessageEntity {
  return {
    partitionKey: MESSAGE_PARTITION,
    rowKey: record.id,
    receivedAt: record.receivedAt,
    expiresAt: record.expiresAt,
    provider: record.provider,
    providerMessageId: record.providerMessageId,
    sender: record.sender,
    destination: record.destination,
    service: record.service ?? '',
    hasCode: record.hasCode,
    sealedSecret: record.sealedSecret,
    recipients: JSON.stringify(record.recipients),
    notifiedUserIds: JSON.stringify(record.notifiedUserIds),
    pushClaims: JSON.stringify(record.pushClaims),
    revealedAt: record.revealedAt?.toISOString() ?? '',
    revealedBy: record.revealedBy ?? '',
  };
}

function fromEntity(entity: TableEntityResult<MessageEntity>): MessageRecord {
  return {
    id: entity.rowKey,
    receivedAt: new Date(entity.receivedAt),
    expiresAt: new Date(entity.expiresAt),
    provider: entity.provider,
    providerMessageId: entity.providerMessageId,
    sender: entity.sender,
    destination: entity.destination,
    service: entity.service === '' ? null : entity.service,
    hasCode: entity.hasCode,
    sealedSecret: entity.sealedSecret,
    recipients: JSON.parse(entity.recipients) as string[],
    notifiedUserIds: JSON.parse(entity.notifiedUserIds) as string[],
    pushClaims: JSON.parse(entity.pushClaims) as Record<string, string>,
    // Rows written before reveals existed have neither column.
    revealedAt: entity.revealedAt ? new Date(entity.revealedAt) : null,
    revealedBy: entity.revealedBy ? entity.revealedBy : null,
    etag: entity.etag,
  };
}
