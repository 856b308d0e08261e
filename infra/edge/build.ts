import path from 'node:path';
import { build } from 'esbuild';

/** The Worker's module name in the upload; WorkersScript.mainModule names it. */
export const PAGES_PROXY_MODULE = 'pages-proxy.js';

/**
 * Bundles pages-proxy.ts into the ES module the Workers runtime runs. Not minified: it is small,
 * and an operator reading it in the Cloudflare dashboard should recognise it.
 */
export async function buildPagesProxy(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'pages-proxy.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no Worker bundle');
  return output.text;
}
