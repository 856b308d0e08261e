import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports';

/** Azurite's well-known development account (as in scripts/lib/azurite.ts); public by design and useless outside Azurite. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

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
  const entry = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');
  const args = [entry, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // --silent mutes the access log only; the start-up line still comes on stdout.
  await waitForStart(child, port);
  return {
    blobEndpoint: `http://127.0.0.1:${port}/${DEV_ACCOUNT}/`,
    accountName: DEV_ACCOUNT,
    accountKey: DEV_KEY,
    stop: () => stopChild(child),
  };
}

function waitForStart(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite blob service did not start on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The table service says "successfully started"; the blob service (3.35) "successfully listens".
      if (output.includes('Blob service successfully listens')) {
        clearTimeout(timer);
        child.removeListener('exit', onEarlyExit);
        resolve();
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const onEarlyExit = (code: number | null): void => fail(new Error(`Azurite blob service exited with code ${code} before starting on port ${port}:\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onEarlyExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // In memory there is nothing to save, but SIGINT is what Azurite handles as a clean shutdown.
    const forceAfter = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(forceAfter);
      resolve();
    });
    child.kill('SIGINT');
  });
}
