import type { RequestOptions } from 'node:http';
import Pushover from 'pushover-notifications';
import type { Notifier, PushNotification, PushRecipient } from './types';

const PUSHOVER_TIMEOUT_MS = 10_000;

export class PushoverError extends Error {}

/**
 * Pushover through the `pushover-notifications` client. The client throws from inside a socket
 * callback on API errors unless `onerror` is given (that would crash the host), and it never
 * looks at the status code, so this wraps each send in a promise that checks both the HTTP
 * status and Pushover's own `status: 1`.
 */
export class PushoverNotifier implements Notifier {
  constructor(
    private readonly appToken: string,
    /** Only tests set this, to reach a local stand-in for api.pushover.net. */
    private readonly httpOptions?: RequestOptions & { proxy?: string },
  ) {}

  send(recipient: PushRecipient, notification: PushNotification): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(new PushoverError(`no answer from Pushover within ${PUSHOVER_TIMEOUT_MS} ms`)), PUSHOVER_TIMEOUT_MS);

      // One client per send: `onerror` is per client, so errors cannot be confused between sends.
      const client = new Pushover({
        token: this.appToken,
        httpOptions: this.httpOptions,
        onerror: (error) => settle(new PushoverError(`Pushover rejected the push: ${describe(error)}`)),
      });
      client.send(
        {
          user: recipient.pushoverUserKey,
          title: notification.title,
          message: notification.message,
          url: notification.url,
          url_title: notification.urlTitle,
          timestamp: Math.floor(notification.sentFor.getTime() / 1000),
          ttl: notification.ttlSeconds,
        },
        (error, body, response) => {
          if (error) return settle(new PushoverError(`could not reach Pushover: ${error.message}`));
          const status = response?.statusCode ?? 0;
          if (status !== 200) return settle(new PushoverError(`Pushover answered HTTP ${status}`));
          if (!acceptedByPushover(body)) return settle(new PushoverError('Pushover did not confirm the push (status != 1)'));
          settle();
        },
      );
    });
  }
}

function acceptedByPushover(body: string | undefined): boolean {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    return typeof parsed === 'object' && parsed !== null && (parsed as { status?: unknown }).status === 1;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (typeof error === 'string') return error;
  return error instanceof Error ? error.message : 'unknown error';
}
