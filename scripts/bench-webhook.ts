// `npm run bench:webhook [-- --posts 1000 --concurrency 1]`: latency of the SMS webhook on the
// local stack (real Azurite, the production handlers behind the local host, the local outbox).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startAzurite } from './lib/azurite';
import { silenceFunctionsTestModeWarnings } from './lib/functions-test-mode';
import { LOCAL_VIRTUAL_NUMBER } from './lib/local-settings';
import { startLocalStack } from './lib/local-stack';
import { freePort } from './lib/ports';

function percentile(sortedMs: readonly number[], fraction: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '1' }, warmup: { type: 'string', default: '50' } } });
  const posts = Number(values.posts);
  const concurrency = Number(values.concurrency);
  const warmup = Number(values.warmup);
  silenceFunctionsTestModeWarnings();

  const azurite = await startAzurite({ port: await freePort() });
  const secrets = { codeEncryptionKey: randomBytes(32).toString('base64'), aqlWebhookKey: randomBytes(18).toString('base64url'), twilioAuthToken: randomBytes(16).toString('hex') };
  const stack = await startLocalStack({ apiPort: await freePort(), webPort: await freePort(), tablesConnectionString: azurite.connectionString, secrets, settings: { TABLE_NAME_PREFIX: `bench${randomBytes(4).toString('hex')}` } });
  const url = `${stack.apiUrl}/api/sms/aql?key=${secrets.aqlWebhookKey}`;

  let sequence = 0;
  async function postOne(): Promise<number> {
    const code = String(100000 + (sequence % 900000));
    const body = new URLSearchParams({ gwNumber: LOCAL_VIRTUAL_NUMBER, originator: 'GitHub', id: `bench-${sequence++}`, message: `Your GitHub verification code is ${code}.` });
    const started = process.hrtime.bigint();
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    await response.arrayBuffer();
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    return elapsedMs;
  }

  for (let i = 0; i < warmup; i++) await postOne();
  const latencies: number[] = [];
  const started = Date.now();
  let remaining = posts;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (remaining-- > 0) latencies.push(await postOne());
  }));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);

  console.log(`SMS webhook on the local stack: ${latencies.length} posts (after ${warmup} warm-up), concurrency ${concurrency}`);
  console.log(`  median ${percentile(latencies, 0.5).toFixed(2)} ms   p90 ${percentile(latencies, 0.9).toFixed(2)} ms   p99 ${percentile(latencies, 0.99).toFixed(2)} ms   max ${latencies[latencies.length - 1].toFixed(2)} ms`);
  console.log(`  throughput ${(latencies.length / seconds).toFixed(0)} messages/s`);
  console.log(`  pushes in the outbox: ${stack.outbox?.list().length ?? 0} (capped at 200)`);

  await stack.stop();
  await azurite.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
