import { DEV_ACCOUNT, DEV_KEY, startAzuriteService } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';

export interface RunningAzuriteBlob {
  /** Path-style, as Azurite serves the dev account: http://127.0.0.1:<port>/devstoreaccount1/ */
  readonly blobEndpoint: string;
  readonly accountName: string;
  readonly accountKey: string;
  stop(): Promise<void>;
}

/**
 * Azurite's blob service from the npm package, in memory, on a free port. The Jest global setup
 * starts only the table service; the blob service is needed by the few tests that upload files.
 */
export async function startAzuriteBlob(): Promise<RunningAzuriteBlob> {
  const port = await freePort();
  const service = await startAzuriteService('blob', port, ['--inMemoryPersistence']);
  return {
    blobEndpoint: `http://127.0.0.1:${port}/${DEV_ACCOUNT}/`,
    accountName: DEV_ACCOUNT,
    accountKey: DEV_KEY,
    stop: service.stop,
  };
}
