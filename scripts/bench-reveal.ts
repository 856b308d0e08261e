// `npm run bench:reveal [-- --reveals 20]`: how long a phone owner waits, in the browser test's
// setup (Debian's Chromium, the DevTools virtual authenticator, `npm start`'s stack): from opening
// the push link to the code being visible, for fresh SMS under the default reveal policy (once).
// Also prints what the reveal page costs to download, gzip, as the local static server sends it.
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { addVirtualAuthenticator, launchChromium, spawnLocalStack } from '../test/helpers/browser';
import { REVEAL_PAGE_FILES } from './build-frontend';

function percentile(sortedMs: readonly number[], fraction: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}

/** Bytes on the wire for one file when the browser accepts gzip (the body is not decompressed). */
function transferredBytes(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => (response.statusCode === 200 ? resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity' }) : reject(new Error(`${url} answered ${response.statusCode}`))));
      response.on('error', reject);
    }).on('error', reject).end();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reveals: { type: 'string', default: '20' } } });
  const reveals = Number(values.reveals);
  if (!Number.isInteger(reveals) || reveals < 1) throw new Error('--reveals must be a positive whole number');

  const [stack, browser] = await Promise.all([spawnLocalStack(), launchChromium()]);
  try {
    const page = await browser.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(await stack.registrationUrl('bench'));
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await page.locator('[data-state="registered"]').waitFor();

    // All SMS first, so the measured part is the reveal alone.
    const links: string[] = [];
    for (let i = 0; i < reveals; i++) links.push(await stack.sendSmsAndTakeRevealLink(`Your GitHub verification code is ${String(100000 + i)}.`));

    const timesMs: number[] = [];
    for (const [index, link] of links.entries()) {
      const started = performance.now();
      await page.goto(link);
      await page.getByTestId('code').waitFor({ state: 'visible' });
      const elapsedMs = performance.now() - started;
      timesMs.push(elapsedMs);
      console.log(`reveal ${String(index + 1).padStart(2)}  ${elapsedMs.toFixed(0).padStart(5)} ms`);
    }
    const sorted = [...timesMs].sort((a, b) => a - b);
    console.log(`\nlink opened → code visible, ${timesMs.length} reveals: median ${percentile(sorted, 0.5).toFixed(0)} ms   p90 ${percentile(sorted, 0.9).toFixed(0)} ms   min ${sorted[0].toFixed(0)} ms   max ${sorted[sorted.length - 1].toFixed(0)} ms`);

    console.log('\nreveal page transfer (Accept-Encoding: gzip, bytes on the wire):');
    let total = 0;
    for (const name of REVEAL_PAGE_FILES) {
      const { bytes, encoding } = await transferredBytes(`${stack.frontendUrl}/${name}`);
      total += bytes;
      console.log(`  ${name.padEnd(12)} ${String(bytes).padStart(6)} B  (${encoding})`);
    }
    console.log(`  ${'total'.padEnd(12)} ${String(total).padStart(6)} B  (${(total / 1024).toFixed(1)} KiB)`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
