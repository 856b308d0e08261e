import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isStatus, type Tables } from './tables';

/** What a ceremony's challenge was issued for; a challenge from one purpose never serves another. */
export type ChallengePurpose = 'registration' | 'reveal';

/** 32 random bytes: WebAuthn asks for at least 16; guessing one must be hopeless. */
const CHALLENGE_BYTES = 32;

export interface IssuedChallenge {
  /** base64url, exactly as it appears in the options and, later, in clientDataJSON. */
  readonly challenge: string;
  readonly expiresAt: Date;
}

export interface ChallengeRecord extends IssuedChallenge {
  readonly purpose: ChallengePurpose;
  /** What the challenge is bound to: the registration token's digest or the message id. */
  readonly subject: string;
}

interface ChallengeEntity {
  partitionKey: string;
  rowKey: string;
  subject: string;
  expiresAt: Date;
}

/**
 * Server-side memory of WebAuthn challenges. The server must remember what it asked, because
 * a signed response only proves freshness if its challenge was issued by us, recently, for this
 * very ceremony, and never accepted before. Each challenge is consumed by an ETag-conditional
 * delete, so of two requests carrying the same response only one gets past `consume`.
 */
export class ChallengeStore {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = tables.challenges;
  }

  async issue(purpose: ChallengePurpose, subject: string, ttlMs: number): Promise<IssuedChallenge> {
    const challenge = randomBytes(CHALLENGE_BYTES).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + ttlMs);
    await this.table.createEntity<ChallengeEntity>({ partitionKey: purpose, rowKey: challenge, subject, expiresAt });
    return { challenge, expiresAt };
  }

  /**
   * Takes the challenge out of circulation and returns it, or undefined when it is unknown, was
   * already used, or has expired (an expired one is deleted all the same).
   */
  async consume(purpose: ChallengePurpose, challenge: string): Promise<ChallengeRecord | undefined> {
    // Only base64url can be a key we wrote; anything else cannot name a row (and must not reach a query).
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(challenge)) return undefined;
    let entity: ChallengeEntity & { etag: string };
    try {
      entity = await this.table.getEntity<ChallengeEntity>(purpose, challenge);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
    try {
      await this.table.deleteEntity(purpose, challenge, { etag: entity.etag });
    } catch (error) {
      // Someone else consumed it between our read and our delete: it is theirs.
      if (isStatus(error, 404) || isStatus(error, 412)) return undefined;
      throw error;
    }
    const expiresAt = new Date(entity.expiresAt);
    if (expiresAt <= this.now()) return undefined;
    return { purpose, challenge, subject: entity.subject, expiresAt };
  }
}
