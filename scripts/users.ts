// `npm run users -- list | add <id> [--name "Alice"] [--pushover-key <key>] | remove <id>`
// Manages the users table of the local stack, or of any stack named by TABLES_CONNECTION_STRING or TABLES_ENDPOINT.
import { parseArgs } from 'node:util';
import { UserStore } from '../functions/src/store/users';
import { openTargetStack } from './lib/target-stack';

const USAGE = 'usage: npm run users -- list | add <id> [--name "Display name"] [--pushover-key <user key>] | remove <id>';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, 'pushover-key': { type: 'string', default: '' } },
  });
  const [command, id] = positionals;
  const users = new UserStore((await openTargetStack()).tables);

  if (command === 'list' && id === undefined) {
    for (const user of await users.list()) {
      console.log(`${user.id}\t${user.displayName}\t${user.pushoverUserKey ? 'own Pushover key' : 'uses PUSHOVER_USER_KEY'}\t${user.createdAt.toISOString()}`);
    }
    return 0;
  }
  if (command === 'add' && id !== undefined) {
    const created = await users.createIfAbsent({ id, displayName: values.name ?? id, pushoverUserKey: values['pushover-key'] });
    console.log(created ? `added ${id}` : `${id} already exists`);
    return created ? 0 : 1;
  }
  if (command === 'remove' && id !== undefined) {
    const removed = await users.remove(id);
    console.log(removed ? `removed ${id}` : `no user ${id}`);
    return removed ? 0 : 1;
  }
  console.error(USAGE);
  return 2;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
