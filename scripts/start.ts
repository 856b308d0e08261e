// `npm start`: the whole product on this machine — Azurite, the function handlers behind a
// local host, the frontend, and a local push outbox — with no cloud or Pushover account.
import path from 'node:path';
import { startAzurite } from './lib/azurite';
import { silenceFunctionsTestModeWarnings } from './lib/functions-test-mode';
import { LOCAL_VIRTUAL_NUMBER, loadOrCreateLocalSecrets, localStackSettings } from './lib/local-settings';
import { startLocalStack } from './lib/local-stack';

async function main(): Promise<void> {
  silenceFunctionsTestModeWarnings();
  const settings = localStackSettings();
  const secrets = loadOrCreateLocalSecrets(settings.dataDir);
  const azurite = await startAzurite({ port: settings.azuriteTablePort, dataDir: path.join(settings.dataDir, 'azurite') });
  const stack = await startLocalStack({
    apiPort: settings.apiPort,
    webPort: settings.webPort,
    tablesConnectionString: azurite.connectionString,
    secrets,
    runTimers: true,
    log: (line) => console.log(line),
    onOutboxEntry: (entry) => console.log(`\n📨 outbox → ${entry.user}: ${entry.title}\n   ${entry.url}\n`),
  });

  const aqlUrl = `${stack.apiUrl}/api/sms/aql?key=${secrets.aqlWebhookKey}`;
  console.log(`
sms2fa is running locally.

  Frontend        ${stack.frontendUrl}
  API             ${stack.apiUrl}/api
  Outbox          ${stack.apiUrl}/api/dev/outbox   (${stack.outbox ? 'pushes land here' : 'Pushover credentials given: pushes go to Pushover'})
  Azurite tables  ${azurite.connectionString.match(/TableEndpoint=([^;]+)/)?.[1] ?? ''}   (data in ${settings.dataDir})

Register a passkey (prints a single-use link and its QR code; open it on your phone or here):
  npm run registration-url -- --user <name>

Webhook URLs (give these to the provider; keys are kept in ${path.join(settings.dataDir, 'local-secrets.json')}):
  aql     ${aqlUrl}
  twilio  ${stack.apiUrl}/api/sms/twilio   (signed with TWILIO_AUTH_TOKEN ${secrets.twilioAuthToken})

Simulate an SMS:
  curl -sS -X POST '${aqlUrl}' \\
    --data-urlencode 'gwNumber=${LOCAL_VIRTUAL_NUMBER}' --data-urlencode 'originator=GitHub' \\
    --data-urlencode "id=local-$(date +%s)-$RANDOM" --data-urlencode 'message=Your GitHub verification code is 493817.'
  or: npm run sms -- "Your GitHub verification code is 493817."
then: curl -sS ${stack.apiUrl}/api/dev/outbox   and open the entry's url to reveal the code

Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    Promise.all([stack.stop(), azurite.stop()])
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
