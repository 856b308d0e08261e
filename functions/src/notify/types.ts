/** A notification that announces a message, or a security notice. It never carries the code or the message text. */
export interface PushNotification {
  readonly title: string;
  readonly message: string;
  /** The reveal page for the message; notices (a passkey was registered) have none. */
  readonly url?: string;
  readonly urlTitle?: string;
  readonly sentFor: Date;
  /** The notification removes itself from the phone after this long (the code is gone by then). */
  readonly ttlSeconds?: number;
}

export interface PushRecipient {
  readonly userId: string;
  /** The Pushover user (or group) key to deliver to. */
  readonly pushoverUserKey: string;
}

/** One delivery channel. Resolves once the channel accepted the push; rejects otherwise. */
export interface Notifier {
  send(recipient: PushRecipient, notification: PushNotification): Promise<void>;
}
