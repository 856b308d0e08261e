// `npm run registration-url -- --user <id> [--name "Alice"] [--ttl 15m] [--json]`
// Prints a single-use link that adds a passkey to the user (created when new), and its QR code.
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { RegistrationTokenStore } from '../functions/src/store/registrations';
import { isValidUserId, UserStore } from '../functions/src/store/users';
import { openTargetStack, parseDuration } from './lib/target-stack';

const USAGE = 'usage: npm run registration-url -- --user <id> [--name "Display name"] [--pushover-key <user key>] [--ttl 15m] [--json]';
/** Links live long enough to reach a phone, short enough that a forgotten one is soon useless. */
const MAX_TTL_MS = 7 * 24 * 3_600_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      'pushover-key': { type: 'string', default: '' },
      ttl: { type: 'string', default: '15m' },
      json: { type: 'boolean', default: false },
    },
  });
  const userId = values.user;
  if (userId === undefined || !isValidUserId(userId)) {
    console.error(userId === undefined ? USAGE : `invalid user id "${userId}": use a-z, 0-9, ".", "_" or "-" (at most 64)`);
    return 2;
  }
  const ttlMs = parseDuration(values.ttl);
  if (ttlMs > MAX_TTL_MS) throw new Error('--ttl may be at most 7d');

  const stack = await openTargetStack();
  const created = await new UserStore(stack.tables).createIfAbsent({ id: userId, displayName: values.name ?? userId, pushoverUserKey: values['pushover-key'] });
  const { token, expiresAt } = await new RegistrationTokenStore(stack.tables).issue(userId, ttlMs);
  const url = `${stack.frontendOrigin}/register.html?t=${token}`;

  if (values.json) {
    console.log(JSON.stringify({ url, expiresAt: expiresAt.toISOString() }));
    return 0;
  }
  console.log(`${created ? `Created user ${userId} on ${stack.description}.` : `User ${userId} exists on ${stack.description}; this adds a passkey.`}
Open this link on the device that should hold the passkey (single use, expires ${expiresAt.toISOString()}):

  ${url}
`);
  console.log(await QRCode.toString(url, { type: 'terminal', small: true }));
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
