import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PushoverNotifier } from '../../functions/src/notify/pushover';

export interface ReceivedPush {
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * A local stand-in for api.pushover.net that the real `pushover-notifications` client talks to.
 * It answers like Pushover (JSON with status 1 / status 0 and errors) and can be told to fail.
 */
export class FakePushover {
  readonly received: ReceivedPush[] = [];
  /** How many upcoming requests get an HTTP 500 with Pushover's error shape. */
  failNext = 0;
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readAll(req).then((body) => {
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ status: 0, errors: ['simulated outage'], request: 'fake' }));
          return;
        }
        this.received.push({ fields: parseMultipart(body, req.headers['content-type'] ?? '') });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 1, request: `fake-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  /** A real PushoverNotifier whose requests land here instead of api.pushover.net. */
  notifier(appToken = 'fake-app-token'): PushoverNotifier {
    // The client's `proxy` option switches it to plain http; hostname and port aim it here.
    return new PushoverNotifier(appToken, { proxy: 'http://127.0.0.1', hostname: '127.0.0.1', port: this.port });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * pushover-notifications 1.2.3 writes the closing delimiter straight after the last value,
 * without the CRLF that RFC 2046 puts before it (the client is in wide use, so Pushover evidently
 * tolerates it); like a lenient server, this parser
 * takes a part's value up to the delimiter and drops one trailing CRLF if present.
 */
function parseMultipart(body: string, contentType: string): Record<string, string> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`fake Pushover expected multipart/form-data, got "${contentType}"`);
  const fields: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`)) {
    const match = /Content-Disposition: form-data; name="([^"]+)"\r\n\r\n([\s\S]*?)(?:\r\n)?$/.exec(part);
    if (match) fields[match[1]] = match[2];
  }
  return fields;
}
