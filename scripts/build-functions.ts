// `npm run build:functions`: bundles the function app into dist/functions — host.json, a
// package.json whose "main" the Functions host loads, and one minified index.js — which
// `func start --script-root dist/functions` runs and a deployment ships.
// `npm run build:functions -- --zip` also writes dist/functions.zip, the package the infra program
// deploys with OneDeploy, and prints its path, size and sha256.
//
// The infra program imports packageFunctions from here, so importing this module must do nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';

export const FUNCTIONS_DIST = path.resolve(__dirname, '../dist/functions');
export const FUNCTIONS_ZIP = path.resolve(__dirname, '../dist/functions.zip');

/** Builds the app into outDir and returns esbuild's metafile, which says what each input costs in the bundle. */
export async function buildFunctions(outDir = FUNCTIONS_DIST): Promise<Metafile> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.resolve(__dirname, '../functions/src/index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'external',
    // Provided by the Functions host at run time, never installed.
    external: ['@azure/functions-core'],
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(path.resolve(__dirname, '../functions/host.json'), path.join(outDir, 'host.json'));
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ name: 'sms2fa-functions', private: true, main: 'index.js' }, null, 2)}\n`);
  return result.metafile;
}

export interface PackagedFunctions {
  readonly zipPath: string;
  /** Hex digest of the zip's bytes: the infra program names the uploaded blob by it, so equal apps deploy once. */
  readonly sha256: string;
  readonly bytes: number;
  /** File names at the zip root, sorted. */
  readonly entries: readonly string[];
}

export interface PackageOptions {
  /** Where the app is built before zipping; it is emptied first. */
  readonly outDir?: string;
  readonly zipPath?: string;
}

/**
 * Every entry gets the same timestamp, so the zip depends on the files' bytes alone. ZIP stores
 * local calendar fields, which fflate reads with the local-time getters: a fixed instant would
 * encode differently in another time zone (and 1980-01-01T00:00Z is 1979, out of ZIP's range, west
 * of Greenwich), whereas a date built from local fields encodes as 1980-01-01 00:00 everywhere.
 */
const ZIP_ENTRY_MTIME = new Date(1980, 0, 1);

/** Fixed, not left to a default: a different level would change the bytes, and with them the hash. */
const ZIP_DEFLATE_LEVEL = 9;

/**
 * Zips what buildFunctions wrote into outDir, minus source maps, with every file at the zip root.
 * The map (several times the size of index.js, holding every bundled source) is left out: the host
 * only reads it when Node runs with --enable-source-maps, which we do not set because it slows every
 * cold start, while each byte of the package is uploaded on deploy and fetched by every new Flex
 * instance. index.js keeps its sourceMappingURL comment; Node ignores a comment whose file is absent.
 */
export function zipFunctions(outDir = FUNCTIONS_DIST, zipPath = FUNCTIONS_ZIP): PackagedFunctions {
  // Sorted, because directory order is up to the file system and entry order is part of the bytes.
  const names = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => !entry.name.endsWith('.map'))
    .map((entry) => {
      // The build writes only files; anything else means outDir is not what buildFunctions left.
      if (!entry.isFile()) throw new Error(`unexpected ${entry.name} in ${outDir}: expected only the files buildFunctions writes`);
      return entry.name;
    })
    .sort();
  const files: Zippable = {};
  for (const name of names) files[name] = readFileSync(path.join(outDir, name));
  const zip = zipSync(files, { level: ZIP_DEFLATE_LEVEL, mtime: ZIP_ENTRY_MTIME });
  mkdirSync(path.dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip);
  return { zipPath, sha256: createHash('sha256').update(zip).digest('hex'), bytes: zip.byteLength, entries: names };
}

/** Builds the app and writes the one zip a deployment ships. */
export async function packageFunctions(options: PackageOptions = {}): Promise<PackagedFunctions> {
  const outDir = options.outDir ?? FUNCTIONS_DIST;
  await buildFunctions(outDir);
  return zipFunctions(outDir, options.zipPath ?? FUNCTIONS_ZIP);
}

/**
 * Lets the bundle load outside the Functions host: installs, next to index.js, a stand-in for the
 * @azure/functions-core module the host injects. It records each registration and, as the process
 * exits, writes them to stdout as JSON. The bundle test and the cold-start bench both load the app
 * through it, so the bench times exactly the load the test proves works.
 */
export function installFunctionsCoreStandIn(appDir: string): void {
  const core = path.join(appDir, 'node_modules/@azure/functions-core');
  mkdirSync(core, { recursive: true });
  writeFileSync(path.join(core, 'index.js'), `
    const registered = [];
    module.exports = {
      setProgrammingModel() {},
      registerHook() { return { dispose() {} }; },
      log() {},
      registerFunction(metadata, handler) { registered.push({ name: metadata.name, bindings: metadata.bindings, handler: typeof handler }); return { dispose() {} }; },
    };
    process.on('exit', () => process.stdout.write(JSON.stringify(registered)));
  `);
}

/** What the stand-in reports for each registered function. */
export interface RecordedRegistration {
  readonly name: string;
  readonly bindings: Record<string, Record<string, unknown>>;
  readonly handler: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { zip: { type: 'boolean', default: false } } });
  if (!values.zip) {
    await buildFunctions();
    console.log(`built ${path.relative(process.cwd(), FUNCTIONS_DIST)}`);
    return;
  }
  const packaged = await packageFunctions();
  console.log(`packaged ${path.relative(process.cwd(), packaged.zipPath)} (${packaged.bytes} bytes: ${packaged.entries.join(', ')})`);
  console.log(`sha256 ${packaged.sha256}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
