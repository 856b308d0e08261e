import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Azurite's well-known development account; public by design and useless outside Azurite. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
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
  const storage = options.dataDir ? ['--location', options.dataDir] : ['--inMemoryPersistence'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const service = await startAzuriteService('table', options.port, storage);
  return {
    port: options.port,
    connectionString: azuriteConnectionString(options.port),
    stop: service.stop,
  };
}

export interface AzuriteService {
  stop(): Promise<void>;
}

/** What each service prints once it listens (Azurite 3.35). */
const READY_TEXT = { table: 'successfully started', blob: 'Blob service successfully listens' } as const;

/**
 * Starts one Azurite service (table or blob) from the npm package on 127.0.0.1:port as a child
 * process and waits until it listens. extraArgs add storage (--location / --inMemoryPersistence)
 * and anything else, such as --oauth with a certificate.
 */
export async function startAzuriteService(service: 'table' | 'blob', port: number, extraArgs: readonly string[]): Promise<AzuriteService> {
  const entry = path.join(path.dirname(require.resolve('azurite/package.json')), `dist/src/${service}/main.js`);
  const args = [entry, `--${service}Host`, '127.0.0.1', `--${service}Port`, String(port), '--silent', '--disableTelemetry', '--skipApiVersionCheck', ...extraArgs];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // --silent mutes the access log only; the start-up line still comes on stdout.
  await waitForStart(child, `Azurite ${service} service`, port, READY_TEXT[service]);
  return { stop: () => stopChild(child) };
}

function waitForStart(child: ChildProcess, what: string, port: number, readyText: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(readyText)) {
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
    const onEarlyExit = (code: number | null): void => fail(new Error(`${what} exited with code ${code} before starting on port ${port}:\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onEarlyExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
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
