import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { registrationTokenDigest } from '../../functions/src/store/registrations';
import { expectRefusal, PasskeyHarness, stringField } from '../helpers/passkey-api';

/*
 * The token race from the issue: one registration link, twenty devices submitting at once.
 * Each has its own genuine options and credential, so every response verifies on its own
 * merits; only the single-use token may decide, and it must let exactly one through.
 */

const RACERS = 20;

let harness: PasskeyHarness;

beforeEach(async () => {
  harness = await PasskeyHarness.start();
  await harness.createUser('alice', 'Alice');
});
afterEach(() => harness.checkAndStop());

test(`${RACERS} concurrent verifies of one token → exactly one 201 and one passkey, the rest 410 used-token`, async () => {
  const { token } = await harness.issueToken('alice');
  const optionsReplies = await Promise.all(Array.from({ length: RACERS }, () => harness.registrationOptions(token)));
  expect(optionsReplies.map(({ reply }) => reply.status)).toEqual(Array(RACERS).fill(200));
  const allOptions: PublicKeyCredentialCreationOptionsJSON[] = optionsReplies.map(({ options }) => options);
  expect(new Set(allOptions.map((options) => options.challenge)).size).toBe(RACERS);

  const devices = allOptions.map(() => harness.authenticator());
  const responses = devices.map((device, index) => device.createCredential(allOptions[index]));
  const replies = await Promise.all(responses.map((response) => harness.registrationVerify(token, response)));

  const statuses = replies.map((reply) => reply.status);
  expect(statuses.filter((status) => status === 201)).toHaveLength(1);
  const losers = replies.filter((reply) => reply.status !== 201);
  expect(losers).toHaveLength(RACERS - 1);
  for (const loser of losers) expectRefusal(loser, 410, 'used-token');

  const winner = replies.find((reply) => reply.status === 201);
  const winningId = stringField(winner?.body, 'credentialId');
  const passkeys = await harness.stack.rows('passkeys');
  expect(passkeys.map((row) => row.rowKey)).toEqual([winningId]);
  const tokenRow = (await harness.stack.rows('registrations')).find((row) => row.rowKey === registrationTokenDigest(token));
  expect(tokenRow?.credentialId).toBe(winningId);
  // One passkey, one alarm bell.
  expect(await harness.outbox()).toHaveLength(1);
  const audit = await harness.stack.rows('audit');
  expect(audit.filter((row) => row.outcome === 'ok')).toEqual([expect.objectContaining({ action: 'registration', credentialId: winningId })]);
});

test('the losers cannot come back: their links and challenges are spent', async () => {
  const { token } = await harness.issueToken('alice');
  const [first, second] = await Promise.all([harness.registrationOptions(token), harness.registrationOptions(token)]);
  const laggard = harness.authenticator().createCredential(second.options);
  expect((await harness.registrationVerify(token, harness.authenticator().createCredential(first.options))).status).toBe(201);
  expectRefusal(await harness.registrationVerify(token, laggard), 410, 'used-token');
  expectRefusal((await harness.registrationOptions(token)).reply, 410, 'used-token');
  expect(await harness.stack.rows('passkeys')).toHaveLength(1);
});
