import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { DEV_ACCOUNT, startAzuriteService } from '../../scripts/lib/azurite';
import { freePort } from '../../scripts/lib/ports';


export interface RunningOAuthAzurite {
  /** Path-style, as Azurite serves the dev account: https://127.0.0.1:<port>/devstoreaccount1 */
  readonly endpoint: string;
  /** PEM of the throwaway self-signed certificate Azurite serves; trust it per client, via tlsOptions.ca. */
  readonly ca: string;
  /** The same certificate as a file, for a child process's NODE_EXTRA_CA_CERTS. */
  readonly caPath: string;
  stop(): Promise<void>;
}

/**
 * Azurite's table service with `--oauth basic`: it then accepts Azure AD bearer tokens, which it
 * only does over https, so it gets a self-signed certificate for 127.0.0.1 made for this run.
 * Separate from the shared (plain http, account key) Azurite of the Jest global setup.
 */
export async function startOAuthAzurite(): Promise<RunningOAuthAzurite> {
  const certDir = mkdtempSync(path.join(tmpdir(), 'sms2fa-azurite-tls-'));
  try {
    const { cert, key } = await selfSignedCertificate(certDir);
    const port = await freePort();
    const service = await startAzuriteService('table', port, ['--inMemoryPersistence', '--oauth', 'basic', '--cert', cert, '--key', key]);
    return {
      endpoint: `https://127.0.0.1:${port}/${DEV_ACCOUNT}`,
      ca: readFileSync(cert, 'utf8'),
      caPath: cert,
      stop: async () => {
        await service.stop();
        rmSync(certDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(certDir, { recursive: true, force: true });
    throw error;
  }
}

async function selfSignedCertificate(dir: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  // The IP subjectAltName is what Node's hostname check matches for https://127.0.0.1; a CN alone is ignored.
  await promisify(execFile)('/usr/bin/openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  return { cert, key };
}

export interface TokenClaims {
  readonly aud: string;
  readonly iss: string;
  /** Seconds since the epoch. */
  readonly nbf: number;
  readonly exp: number;
}

/** The claims of a valid Azure Storage token: what Azurite's basic OAuth checks (audience, issuer, lifetime). */
export function storageTokenClaims(now = Date.now()): TokenClaims {
  const seconds = Math.floor(now / 1000);
  return {
    aud: 'https://storage.azure.com',
    iss: 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/',
    nbf: seconds - 60,
    exp: seconds + 3600,
  };
}

/** A TokenCredential that hands out unsigned JWTs and remembers the scopes it was asked for. */
export class MintingCredential implements TokenCredential {
  readonly requestedScopes: string[][] = [];

  constructor(private readonly claims: () => TokenClaims = () => storageTokenClaims()) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.requestedScopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    const claims = this.claims();
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    // Azurite's basic level decodes the token without verifying a signature, so "alg: none" is enough.
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iat: claims.nbf, oid: 'sms2fa-test', ver: '1.0' })}.`;
    return { token, expiresOnTimestamp: claims.exp * 1000 };
  }
}
