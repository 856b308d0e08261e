/**
 * `npm run bench:cold-start [-- --runs 20]`: what a cold Functions worker pays to load the app.
 * Packages the app exactly as a deployment does, unzips the package, then starts fresh Node
 * processes one after another (never in parallel, so they do not compete for the two cores), each
 * require()-ing the entry with the stand-in @azure/functions-core the bundle test uses. Prints, as
 * Markdown: the require() time inside the process, the wall time of the whole process from spawn to
 * exit, the same wall time for an empty `node -e ''` (Node's own start-up, to subtract), the package
 * and index.js sizes, and the ten inputs that put the most bytes into the bundle.
 *
 * The Functions host adds its own start-up and the package download on top; this measures the part
 * our bundle controls.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Metafile } from 'esbuild';
import { unzipSync } from 'fflate';
import { buildFunctions, installFunctionsCoreStandIn, zipFunctions, type RecordedRegistration } from './build-functions';

/** Seven functions register on a good load; fewer means the timing measured a broken app. */
const EXPECTED_REGISTRATIONS = 7;

interface Sample {
  readonly requireMs: number;
  readonly wallMs: number;
}

interface Summary {
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

/** Linear interpolation between closest ranks, so the median of an even count is the mean of the middle two. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = fraction * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * One fresh process that times its own require() of the entry and prints the milliseconds on the
 * first line; the stand-in then appends the registrations as the process exits. An empty
 * environment, as in the bundle test, so no local setting changes what the app does on load.
 */
function loadOnce(entry: string): Sample {
  const script = `const started = process.hrtime.bigint();
    require(${JSON.stringify(entry)});
    process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6) + '\\n');`;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: {} });
  const wallMs = elapsedMs(started);
  if (child.status !== 0 || child.stderr !== '') throw new Error(`loading ${entry} failed (exit ${child.status}): ${child.stderr}`);
  const newline = child.stdout.indexOf('\n');
  const registered = JSON.parse(child.stdout.slice(newline + 1)) as RecordedRegistration[];
  if (registered.length !== EXPECTED_REGISTRATIONS) throw new Error(`the app registered ${registered.length} functions, expected ${EXPECTED_REGISTRATIONS}`);
  return { requireMs: Number(child.stdout.slice(0, newline)), wallMs };
}

/** Node's own start-up and exit, which no change to the bundle can remove. */
function emptyNodeWallMs(): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', ''], { env: {} });
  const wallMs = elapsedMs(started);
  if (child.status !== 0) throw new Error(`an empty node exited ${child.status}`);
  return wallMs;
}

/** The inputs that put the most bytes into the minified output, biggest first. */
function biggestInputs(metafile: Metafile, count: number): { readonly input: string; readonly bytes: number }[] {
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  if (!output) throw new Error('the metafile names no entry-point output');
  return Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

function row(label: string, summary: Summary): string {
  const cells = [summary.median, summary.p90, summary.min, summary.max].map((ms) => ms.toFixed(1));
  return `| ${label} | ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${values.runs}`);

  const workDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-cold-start-'));
  try {
    // buildFunctions and zipFunctions are what packageFunctions does; called apart to keep the metafile.
    const builtDir = path.join(workDir, 'build');
    const metafile = await buildFunctions(builtDir);
    const packaged = zipFunctions(builtDir, path.join(workDir, 'functions.zip'));

    const appDir = path.join(workDir, 'app');
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(packaged.zipPath)))) {
      mkdirSync(path.dirname(path.join(appDir, name)), { recursive: true });
      writeFileSync(path.join(appDir, name), bytes);
    }
    installFunctionsCoreStandIn(appDir);
    const manifest = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main: string };
    const entry = path.join(appDir, manifest.main);

    const samples: Sample[] = [];
    for (let run = 0; run < runs; run++) samples.push(loadOnce(entry));
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) baseline.push(emptyNodeWallMs());

    console.log(`Node ${process.version} on ${process.platform}/${process.arch}, ${runs} sequential fresh processes each\n`);
    console.log(`| package | bytes |\n| --- | ---: |`);
    console.log(`| functions.zip | ${packaged.bytes} |`);
    console.log(`| ${manifest.main} (unzipped) | ${statSync(entry).size} |\n`);
    console.log('| ms | median | p90 | min | max |\n| --- | ---: | ---: | ---: | ---: |');
    console.log(row('require() of the entry, in process', summarise(samples.map((sample) => sample.requireMs))));
    console.log(row('process wall time, spawn to exit', summarise(samples.map((sample) => sample.wallMs))));
    console.log(row("empty `node -e ''`, spawn to exit", summarise(baseline)));
    console.log('\n| biggest inputs of the bundle | bytes in output |\n| --- | ---: |');
    for (const { input, bytes } of biggestInputs(metafile, 10)) console.log(`| ${input} | ${bytes} |`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
