import type { Notifier, PushNotification, PushRecipient } from './types';

export interface OutboxEntry {
  readonly user: string;
  readonly title: string;
  readonly message: string;
  /** Empty for notices without a link. */
  readonly url: string;
  readonly urlTitle: string;
  readonly sentAt: string;
}

/**
 * Stands in for Pushover on the local stack: keeps what would have been pushed so a person (or
 * a browser test) can follow the reveal link. Holds no more than a push would, so no secrets.
 */
export class OutboxNotifier implements Notifier {
  private readonly entries: OutboxEntry[] = [];

  constructor(
    private readonly onSend: (entry: OutboxEntry) => void = () => undefined,
    private readonly capacity = 200,
  ) {}

  async send(recipient: PushRecipient, notification: PushNotification): Promise<void> {
    const entry: OutboxEntry = {
      user: recipient.userId,
      title: notification.title,
      message: notification.message,
      url: notification.url ?? '',
      urlTitle: notification.urlTitle ?? '',
      sentAt: new Date().toISOString(),
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    this.onSend(entry);
  }

  /** Newest first. */
  list(): OutboxEntry[] {
    return [...this.entries].reverse();
  }
}
