// `npm run passkeys -- list [--user <id>] | revoke <credential id>`
import { parseArgs } from 'node:util';
import { AuditLog } from '../functions/src/store/audit';
import { PasskeyStore } from '../functions/src/store/passkeys';
import { openTargetStack } from './lib/target-stack';

const USAGE = 'usage: npm run passkeys -- list [--user <id>] [--json] | revoke <credential id>';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { user: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [command, credentialId, ...rest] = positionals;
  if (rest.length > 0 || (command === 'list' && credentialId !== undefined) || (command === 'revoke' && credentialId === undefined)) {
    console.error(USAGE);
    return 2;
  }
  const stack = await openTargetStack();
  const passkeys = new PasskeyStore(stack.tables);

  if (command === 'list') {
    const listed = values.user === undefined ? await passkeys.listAll() : await passkeys.listForUser(values.user);
    if (values.json) {
      console.log(JSON.stringify(listed.map(({ publicKey: _publicKey, ...passkey }) => passkey)));
      return 0;
    }
    if (listed.length === 0) console.log(`no passkeys${values.user === undefined ? '' : ` for ${values.user}`} on ${stack.description}`);
    for (const passkey of listed) {
      const lastUsed = passkey.lastUsedAt?.toISOString() ?? 'never used';
      console.log(`${passkey.userId}\t${passkey.id}\tcreated ${passkey.createdAt.toISOString()}\t${lastUsed}\t${passkey.deviceType}${passkey.backedUp ? ' (synced)' : ''}`);
    }
    return 0;
  }
  if (command === 'revoke' && credentialId !== undefined) {
    const passkey = await passkeys.get(credentialId);
    const revoked = await passkeys.revoke(credentialId);
    await new AuditLog(stack.tables).record({
      action: 'revocation',
      outcome: revoked ? 'ok' : 'unknown-credential',
      userId: passkey?.userId,
      credentialId: credentialId.slice(0, 700),
      userAgent: 'npm run passkeys',
    });
    console.log(revoked ? `revoked ${credentialId} (user ${passkey?.userId ?? '?'})` : `no passkey ${credentialId}`);
    return revoked ? 0 : 1;
  }
  console.error(USAGE);
  return 2;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
