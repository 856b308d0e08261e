import { startAzurite, type RunningAzurite } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';

declare global {
  // Handed from setup to teardown; both run in Jest's parent process.
  var __AZURITE__: RunningAzurite | undefined;
}

/** One real Azurite (in memory) for the whole run; test files isolate themselves by table prefix. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ port: await freePort() });
  globalThis.__AZURITE__ = azurite;
  // Jest starts its workers after this returns, and they inherit the environment.
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
}
