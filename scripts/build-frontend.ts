// `npm run build:frontend [-- --out-dir dist/frontend --api-base-url https://api.example.com/api --rp-id example.com]`:
// bundles the two pages into a folder any static host can serve — index.html (reveal),
// register.html, reveal.js, register.js (with @simplewebauthn/browser inside, never from a CDN),
// styles.css, icon.svg, and the generated config.json. The local stack and the Pulumi program
// call buildFrontend() with their own settings.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { localStackSettings } from './lib/local-settings';

export const FRONTEND_SOURCE = path.resolve(__dirname, '../frontend');
export const FRONTEND_DIST = path.resolve(__dirname, '../dist/frontend');

const PAGES = ['index.html', 'register.html'] as const;
const STATIC_FILES = ['styles.css', 'icon.svg'] as const;
const ENTRY_POINTS = { reveal: 'src/reveal.ts', register: 'src/register.ts' } as const;
const POLICY_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

export interface FrontendBuildOptions {
  readonly outDir: string;
  /** Where the pages send their API calls, e.g. https://sms2fa-api.azurewebsites.net/api. */
  readonly apiBaseUrl: string;
  /** The WebAuthn RP ID: the pages' host name or a parent domain of it. */
  readonly rpId: string;
}

/** What the pages read at run time: config.json. */
export interface FrontendConfig {
  readonly apiBaseUrl: string;
  readonly rpId: string;
}

export interface BuiltFile {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BuiltFrontend {
  readonly outDir: string;
  readonly config: FrontendConfig;
  /** The policy in each page's meta tag; a host that can send headers sends it too (plus frame-ancestors). */
  readonly contentSecurityPolicy: string;
  readonly files: readonly BuiltFile[];
}

/**
 * The pages' Content-Security-Policy. Nothing inline, nothing from elsewhere; the only other
 * origin a page may talk to is the API's.
 *
 * Why the API origin is written in at build time rather than read from config.json: the policy
 * is fixed before any script runs, so a page cannot widen it from what it fetches (nor should
 * it be able to). Azure Storage static websites cannot send response headers, so in production
 * the meta tag is the policy (the Worker in front, infra/edge/pages-proxy.ts, adds only what a
 * meta tag cannot carry, frame-ancestors). Writing config.json and the policy from the same options keeps the
 * two from drifting apart; a page built for one API cannot be pointed at another by editing JSON.
 */
export function pageContentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function checkedOptions(options: FrontendBuildOptions): FrontendConfig & { apiOrigin: string } {
  let url: URL;
  try {
    url = new URL(options.apiBaseUrl);
  } catch {
    throw new Error(`apiBaseUrl must be an absolute URL, got "${options.apiBaseUrl}"`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  // Codes travel over this connection: plain http is for this machine only.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`apiBaseUrl must use https (http only for localhost), got "${options.apiBaseUrl}"`);
  }
  if (url.search || url.hash) throw new Error(`apiBaseUrl must not have a query or fragment, got "${options.apiBaseUrl}"`);
  const rpId = options.rpId.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(rpId)) {
    throw new Error(`rpId must be a host name such as example.com (no scheme or port), got "${options.rpId}"`);
  }
  return { apiBaseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, rpId, apiOrigin: url.origin };
}

export async function buildFrontend(options: FrontendBuildOptions): Promise<BuiltFrontend> {
  const { apiOrigin, ...config } = checkedOptions(options);
  const outDir = path.resolve(options.outDir);
  // The folder is emptied first; never let a slip of --out-dir empty the sources.
  if (!path.relative(outDir, FRONTEND_SOURCE).startsWith('..')) throw new Error(`outDir ${outDir} would hold the frontend sources; choose a folder such as dist/frontend`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, entry]) => [name, path.join(FRONTEND_SOURCE, entry)])),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Every browser with passkeys (Safari 16, Chrome 108, Firefox 119) runs ES2020 and more.
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });

  const contentSecurityPolicy = pageContentSecurityPolicy(apiOrigin);
  for (const page of PAGES) {
    const source = readFileSync(path.join(FRONTEND_SOURCE, page), 'utf8');
    if (source.split(POLICY_PLACEHOLDER).length !== 2) throw new Error(`frontend/${page} must contain ${POLICY_PLACEHOLDER} exactly once, in its CSP meta tag`);
    writeFileSync(path.join(outDir, page), source.replace(POLICY_PLACEHOLDER, contentSecurityPolicy));
  }
  for (const file of STATIC_FILES) copyFileSync(path.join(FRONTEND_SOURCE, file), path.join(outDir, file));
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  const files = readdirSync(outDir).sort().map((name) => {
    const content = readFileSync(path.join(outDir, name));
    // As the static server does: compressed only when that makes it smaller.
    return { name, bytes: content.length, gzipBytes: Math.min(content.length, gzipSync(content).length) };
  });
  return { outDir, config, contentSecurityPolicy, files };
}

/** What a phone downloads to open a reveal link: the page, its script, style and icon, and config.json. */
export const REVEAL_PAGE_FILES = ['index.html', 'reveal.js', 'styles.css', 'config.json', 'icon.svg'] as const;

export function describeRevealPageTransfer(built: BuiltFrontend): string {
  const files = REVEAL_PAGE_FILES.map((name) => {
    const file = built.files.find((candidate) => candidate.name === name);
    if (!file) throw new Error(`the build has no ${name}`);
    return file;
  });
  const total = files.reduce((sum, file) => ({ bytes: sum.bytes + file.bytes, gzipBytes: sum.gzipBytes + file.gzipBytes }), { bytes: 0, gzipBytes: 0 });
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    'reveal page transfer (gzip where it helps, as the local static server sends it):',
    ...files.map((file) => `  ${file.name.padEnd(12)} ${kb(file.gzipBytes).padStart(9)} gzip  (${kb(file.bytes)} raw)`),
    `  ${'total'.padEnd(12)} ${kb(total.gzipBytes).padStart(9)} gzip  (${kb(total.bytes)} raw)`,
  ].join('\n');
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      'out-dir': { type: 'string', default: FRONTEND_DIST },
      'api-base-url': { type: 'string' },
      'rp-id': { type: 'string' },
    },
  });
  // Without flags or environment the build is for the local stack (`npm start`).
  const apiBaseUrl = values['api-base-url'] ?? process.env.API_BASE_URL ?? `${localStackSettings().apiUrl}/api`;
  const rpId = values['rp-id'] ?? process.env.RP_ID ?? 'localhost';
  buildFrontend({ outDir: values['out-dir'], apiBaseUrl, rpId }).then(
    (built) => {
      console.log(`built ${built.outDir} for ${built.config.apiBaseUrl} (RP ID ${built.config.rpId})`);
      console.log(describeRevealPageTransfer(built));
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
