import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PushoverError, PushoverNotifier } from '../../functions/src/notify/pushover';
import type { PushNotification } from '../../functions/src/notify/types';
import { FakePushover } from '../helpers/fake-pushover';
import { freePort } from '../../scripts/lib/ports';

const notification: PushNotification = {
  title: 'Code from GitHub',
  message: 'Tap to reveal it with your passkey. It expires in 10 minutes.',
  url: 'https://auth.example.com/?m=abcdefghijklmnopqrstuv',
  urlTitle: 'Reveal code',
  sentFor: new Date('2026-11-23T12:00:00Z'),
  ttlSeconds: 600,
};
const recipient = { userId: 'alice', pushoverUserKey: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG' };

/** A server that answers every request with the given status and body, like a misbehaving API. */
async function answering(status: number, body: string): Promise<{ notifier: PushoverNotifier; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    notifier: new PushoverNotifier('app-token', { proxy: 'http://127.0.0.1', hostname: '127.0.0.1', port }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('a push reaches Pushover with every field the client sends, through the real client', async () => {
  const pushover = new FakePushover();
  await pushover.start();
  try {
    await pushover.notifier('app-token').send(recipient, notification);
    expect(pushover.received).toHaveLength(1);
    expect(pushover.received[0].fields).toMatchObject({
      token: 'app-token',
      user: recipient.pushoverUserKey,
      title: 'Code from GitHub',
      url: notification.url,
      url_title: 'Reveal code',
      timestamp: String(Date.parse('2026-11-23T12:00:00Z') / 1000),
      ttl: '600',
    });
  } finally {
    await pushover.stop();
  }
});

test.each([
  ['an API error (HTTP 400, status 0)', 400, '{"status":0,"errors":["user identifier is invalid"]}', /HTTP 400|invalid/],
  ['an HTTP 500', 500, '{"status":0,"errors":["internal"]}', /500|internal/],
  ['HTTP 200 without status 1', 200, '{"status":0}', /status != 1/],
  ['a non-JSON answer', 502, '<html>Bad Gateway</html>', /502|rejected/],
])('%s rejects the promise instead of crashing the process', async (_name, status, body, message) => {
  const server = await answering(status, body);
  try {
    await expect(server.notifier.send(recipient, notification)).rejects.toThrow(message);
    await expect(server.notifier.send(recipient, notification)).rejects.toBeInstanceOf(PushoverError);
  } finally {
    await server.close();
  }
});

test('an unreachable Pushover rejects', async () => {
  const notifier = new PushoverNotifier('app-token', { proxy: 'http://127.0.0.1', hostname: '127.0.0.1', port: await freePort() });
  await expect(notifier.send(recipient, notification)).rejects.toThrow(/could not reach Pushover/);
});
