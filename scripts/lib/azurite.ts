import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Azurite's well-known development account; public by design and useless outside Azurite. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

export interface RunningAzurite {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  readonly port: number;
  /** Folder for Azurite's data; omitted = in memory only (tests). */
  readonly dataDir?: string;
}

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

/** Starts Azurite's table service from the npm package as a child process and waits until it listens. */
export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const entry = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/table/main.js');
  const args = [entry, '--tableHost', '127.0.0.1', '--tablePort', String(options.port), '--silent', '--disableTelemetry', '--skipApiVersionCheck'];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--location', options.dataDir);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForStart(child, options.port);
  return {
    port: options.port,
    connectionString: azuriteConnectionString(options.port),
    stop: () => stopChild(child),
  };
}

function waitForStart(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('successfully started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code} before starting on port ${port}:\n${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Azurite saves its data and closes on SIGINT only; SIGTERM would lose the last 5 s of writes.
    const forceAfter = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(forceAfter);
      resolve();
    });
    child.kill('SIGINT');
  });
}
