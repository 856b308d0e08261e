// `npm run build:functions`: bundles the function app into dist/functions — host.json, a
// package.json whose "main" the Functions host loads, and one minified index.js — which
// `func start --script-root dist/functions` runs and a deployment ships.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const FUNCTIONS_DIST = path.resolve(__dirname, '../dist/functions');

export async function buildFunctions(outDir = FUNCTIONS_DIST): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
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
    logLevel: 'warning',
  });
  copyFileSync(path.resolve(__dirname, '../functions/host.json'), path.join(outDir, 'host.json'));
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ name: 'sms2fa-functions', private: true, main: 'index.js' }, null, 2)}\n`);
}

if (require.main === module) {
  buildFunctions().then(
    () => console.log(`built ${path.relative(process.cwd(), FUNCTIONS_DIST)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
