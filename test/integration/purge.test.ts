import { randomBytes } from 'node:crypto';
import { buildDependencies, provideDependencies } from '../../functions/src/composition';
import { loadConfig } from '../../functions/src/config';
import { registeredTimerFunctions } from '../../functions/src/registry';
import { ChallengeStore } from '../../functions/src/store/challenges';
import { MessageStore } from '../../functions/src/store/messages';
import { RegistrationTokenStore } from '../../functions/src/store/registrations';
import { purgeExpired } from '../../functions/src/store/purge';
import { openTables, type Tables } from '../../functions/src/store/tables';
import { silenceFunctionsTestModeWarnings } from '../../scripts/lib/functions-test-mode';
import { invokeTimer } from '../../scripts/lib/local-stack';
import { azuriteConnectionString } from '../helpers/stack';

const TTL_MS = 10 * 60_000;
let tables: Tables;
let prefix: string;

beforeEach(async () => {
  prefix = `p${randomBytes(6).toString('hex')}`;
  tables = await openTables({ kind: 'connection-string', connectionString: azuriteConnectionString() }, prefix);
});

async function storeAt(moment: Date, providerMessageId: string): Promise<string> {
  const store = new MessageStore(tables, TTL_MS, () => moment);
  const { message } = await store.storeDelivery({ provider: 'aql', providerMessageId, from: 'x', to: '447700900000', text: 'unused' }, () => ({
    provider: 'aql', providerMessageId, sender: 'x', destination: '447700900000', service: null, hasCode: false, sealedSecret: 'v1.sealed', recipients: [], pushClaims: {},
  }));
  if (!message) throw new Error('not stored');
  return message.id;
}

async function countRows(kind: keyof Tables): Promise<number> {
  let count = 0;
  for await (const _row of tables[kind].listEntities()) count++;
  return count;
}

test('purge removes expired messages only, and delivery records once their longer memory ends', async () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const expiredId = await storeAt(new Date(now.getTime() - TTL_MS - 1000), 'old');
  const freshId = await storeAt(new Date(now.getTime() - TTL_MS + 60_000), 'fresh');
  await storeAt(new Date(now.getTime() - 25 * 3600_000), 'ancient');

  const counts = await purgeExpired(tables, now);
  expect(counts).toEqual({ messages: 2, deliveries: 1, challenges: 0, registrations: 0 });

  const store = new MessageStore(tables, TTL_MS, () => now);
  expect(await store.get(expiredId)).toBeUndefined();
  expect(await store.get(freshId)).toBeDefined();
  expect(await countRows('messages')).toBe(1);
  // Deliveries of "old" and "fresh" are remembered for a day so late retries stay deduplicated.
  expect(await countRows('deliveries')).toBe(2);
});

test('purge removes expired challenges and registration tokens, and keeps live ones', async () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const past = (): Date => new Date(now.getTime() - 10 * 60_000);
  await new ChallengeStore(tables, past).issue('reveal', 'message-a', 2 * 60_000);
  const live = await new ChallengeStore(tables, () => now).issue('registration', 'token-b', 5 * 60_000);
  const oldToken = await new RegistrationTokenStore(tables, past).issue('alice', 60_000);
  const liveToken = await new RegistrationTokenStore(tables, () => now).issue('alice', 15 * 60_000);

  const counts = await purgeExpired(tables, now);
  expect(counts).toMatchObject({ challenges: 1, registrations: 1 });
  expect(await countRows('challenges')).toBe(1);
  expect((await new ChallengeStore(tables, () => now).consume('registration', live.challenge))?.subject).toBe('token-b');
  expect(await new RegistrationTokenStore(tables, () => now).inspect(oldToken.token)).toEqual({ kind: 'unknown' });
  expect((await new RegistrationTokenStore(tables, () => now).inspect(liveToken.token)).kind).toBe('valid');
});

test('a provider retry after the message expired does not store it again', async () => {
  const then = new Date('2026-11-23T12:00:00Z');
  await storeAt(then, 'late-retry');
  const later = new Date(then.getTime() + TTL_MS + 1000);
  await purgeExpired(tables, later);
  const store = new MessageStore(tables, TTL_MS, () => later);
  const outcome = await store.storeDelivery({ provider: 'aql', providerMessageId: 'late-retry', from: 'x', to: 'y', text: 'unused' }, () => {
    throw new Error('must not build a new message');
  });
  expect(outcome).toEqual({ message: undefined, isNew: false });
  expect(await countRows('messages')).toBe(0);
});

test('purge deletes more than one transaction batch (100 rows) in one partition', async () => {
  const past = new Date(Date.now() - 2 * TTL_MS);
  const store = new MessageStore(tables, TTL_MS, () => past);
  await Promise.all(Array.from({ length: 130 }, (_, i) => store.storeDelivery({ provider: 'aql', providerMessageId: `bulk-${i}`, from: 'x', to: 'y', text: '' }, () => ({
    provider: 'aql', providerMessageId: `bulk-${i}`, sender: 'x', destination: 'y', service: null, hasCode: false, sealedSecret: 's', recipients: [], pushClaims: {},
  }))));
  expect((await purgeExpired(tables, new Date())).messages).toBe(130);
  expect(await countRows('messages')).toBe(0);
});

test('the registered timer function purges through the composition root', async () => {
  silenceFunctionsTestModeWarnings();
  await import('../../functions/src/index');
  const timer = registeredTimerFunctions().find((fn) => fn.name === 'purgeExpired');
  if (!timer) throw new Error('purgeExpired is not registered');
  expect(timer.schedule).toBe('0 */5 * * * *');

  await storeAt(new Date(Date.now() - 2 * TTL_MS), 'for-the-timer');
  const config = loadConfig({
    TABLES_CONNECTION_STRING: azuriteConnectionString(), TABLE_NAME_PREFIX: prefix, CODE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_API_BASE_URL: 'http://localhost:1', FRONTEND_ORIGIN: 'http://localhost:2', NOTIFY_CHANNEL: 'outbox',
  });
  provideDependencies(await buildDependencies(config));
  const logs: string[] = [];
  await invokeTimer(timer, (line) => logs.push(line));
  provideDependencies(undefined);

  expect(await countRows('messages')).toBe(0);
  expect(logs.join('\n')).toMatch(/messages=1/);
});
