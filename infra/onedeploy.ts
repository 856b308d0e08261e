// OneDeploy: publishes the functions zip to the app's Kudu (SCM) site, the only way code reaches an
// app on the Flex Consumption plan. It does what `az functionapp deploy` and Core Tools do there:
// POST the zip to /api/publish with an Azure Resource Manager token, then follow the deployment
// Kudu reports until it has finished. azure-native's generic resource is not safe for this: it GETs
// a resource before creating it and refuses to create "an already existing resource" whenever the
// GET returns a JSON body, and the `onedeploy` extension's GET answers with a deployment status.
//
// Like StaticFiles, this is a Pulumi dynamic resource whose provider Pulumi serialises into the
// stack state and runs later in a separate process. So the provider half of this file reaches only
// its own functions and string/number constants and requires its modules inside them; the token is
// fetched there, at run time, and never becomes part of the state.
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';

export interface OneDeployArgs {
  /** e.g. https://<app>.scm.azurewebsites.net (no trailing slash needed) */
  scmBaseUrl: pulumi.Input<string>;
  /** absolute path of the zip packageFunctions() wrote */
  packagePath: string;
  /** sha256 hex of that zip; a different hash redeploys, the same hash does nothing */
  packageSha256: string;
}

/** What the provider receives: the arguments resolved. */
export interface OneDeployInputs {
  readonly scmBaseUrl: string;
  readonly packagePath: string;
  readonly packageSha256: string;
}

/** What the state keeps: the inputs and the hash of the package that went live. No credentials. */
export interface OneDeployState extends OneDeployInputs {
  readonly deployedSha256: string;
}

/** The Kudu deployment record fields this file reads (Kudu's DeployResult, as /api/deployments/{id} serves it). */
export interface KuduDeployment {
  readonly id?: string;
  /** Kudu's DeployStatus: 0 pending, 1 building, 2 deploying, 3 failed, 4 success; newer Kudu adds 5 conflict, 6 partial success. */
  readonly status?: number;
  readonly complete?: boolean;
  readonly status_text?: string;
  readonly log_url?: string;
}

export type DeploymentOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'running' };

export interface PublishOptions {
  readonly scmBaseUrl: string;
  readonly zip: Buffer;
  /** A bearer token for Azure Resource Manager; asked for before every request, so it may refresh. */
  readonly getToken: () => Promise<string>;
  /** Waits between attempts and polls; tests pass one that only advances their clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; tests pass their clock. */
  readonly now?: () => number;
  /** How long to keep retrying and polling in all; default 10 minutes. */
  readonly timeoutMs?: number;
}

export interface PublishResult {
  /** Kudu's deployment id, when its answer named one (a synchronous 200 may not). */
  readonly deploymentId?: string;
}

/**
 * Kudu accepts Entra tokens for Azure Resource Manager. The audience is ARM's original one, the
 * one `az` asks for (and `az functionapp deploy` sends to Kudu); ARM itself accepts both it and
 * https://management.azure.com, Kudu is only known to accept this one.
 */
const ARM_SCOPE = 'https://management.core.windows.net/.default';
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const FIRST_RETRY_DELAY_MS = 2_000;
const MAX_RETRY_DELAY_MS = 30_000;
/** `az functionapp deploy` polls every 2 s; a deployment of our small zip takes seconds to a minute. */
const POLL_INTERVAL_MS = 2_000;
/** One request may not hang the whole budget away; a timed-out request is retried like a refused one. */
const REQUEST_TIMEOUT_MS = 3 * 60_000;
/** How much of an error body goes into a message: enough for Kudu's sentence, not a whole HTML page. */
const BODY_EXCERPT_CHARS = 500;

/**
 * https only: the request carries an ARM token, which must not cross the network in clear. Plain
 * http is allowed to a loopback host only, where the tests run their stand-in for Kudu.
 */
export function publishUrlFor(scmBaseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(scmBaseUrl);
  } catch {
    throw new Error(`OneDeploy: scmBaseUrl is not a URL: "${scmBaseUrl}"`);
  }
  const loopback = base.hostname === '127.0.0.1' || base.hostname === 'localhost' || base.hostname === '[::1]';
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback)) {
    throw new Error(`OneDeploy: scmBaseUrl must use https (http only to a loopback host), got ${scmBaseUrl}`);
  }
  if (base.username || base.password || base.search || base.hash) {
    throw new Error(`OneDeploy: scmBaseUrl must be a plain site address such as https://<app>.scm.azurewebsites.net, got ${scmBaseUrl}`);
  }
  // RemoteBuild=false: the zip is already the bundled app (one index.js, no dependencies to install); Kudu only unpacks it.
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}/api/publish?RemoteBuild=false`);
}

/**
 * Where to follow a 202. Kudu names the deployment in the Location header; failing that its body is
 * the deployment id; failing that `az functionapp deploy` reads /api/deployments/latest, and so do we.
 * The token goes to that address too, so it must be on the SCM site's origin.
 */
export function statusUrlFor(publishUrl: URL, location: string | null, body: string): URL {
  let statusUrl: URL;
  if (location) {
    statusUrl = new URL(location, publishUrl);
  } else {
    const id = deploymentIdIn(body);
    statusUrl = new URL(`api/deployments/${id ? encodeURIComponent(id) : 'latest'}`, new URL('..', publishUrl));
  }
  if (statusUrl.origin !== publishUrl.origin) {
    throw new Error(`OneDeploy: Kudu accepted the package but points to ${statusUrl.origin} for its status; the Azure token is sent only to ${publishUrl.origin}, so check the deployment there`);
  }
  return statusUrl;
}

/** A 202's body: the id as a JSON string, as plain text, or in an object's `id`. */
function deploymentIdIn(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the text itself may be the id.
  }
  const id = typeof parsed === 'string' ? parsed : typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string' ? parsed.id : undefined;
  return id && /^[A-Za-z0-9-]+$/.test(id) ? id : undefined;
}

/**
 * What a deployment record means. 3 fails at once. 4 succeeds unless Kudu still says it is not
 * complete (tools differ on whether `complete` is always there, so only an explicit false waits).
 * Any other status that Kudu calls complete (5, cancelled for a newer deployment; 6, partial
 * success) is a deployment that did not fully go live, so it fails with Kudu's words. Anything
 * else is still under way.
 */
export function deploymentOutcome(deployment: KuduDeployment): DeploymentOutcome {
  const { status, complete } = deployment;
  const details = [deployment.status_text ? `"${deployment.status_text}"` : 'no status text', deployment.log_url ? `log: ${deployment.log_url}` : undefined].filter(Boolean).join('; ');
  if (status === 3) return { kind: 'failed', reason: `Kudu reports deployment ${deployment.id ?? '(no id)'} failed (status 3): ${details}` };
  if (status === 4 && complete !== false) return { kind: 'succeeded' };
  if (complete === true) {
    const meaning = status === 5 ? 'cancelled, another deployment took its place' : status === 6 ? 'only partly successful' : 'finished without success';
    return { kind: 'failed', reason: `Kudu reports deployment ${deployment.id ?? '(no id)'} ${meaning} (status ${String(status)}): ${details}` };
  }
  return { kind: 'running' };
}

/** Answers that mean "not now": the SCM site is starting, busy with another deployment, or overloaded. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 429;
}

/** Why a refused or failed status code cannot be fixed by waiting, and what to check. */
function permanentFailure(action: string, url: URL, status: number, body: string): string {
  const answer = `${action}: ${url.origin}${url.pathname} answered HTTP ${status}${body ? ` "${body}"` : ''}`;
  if (status === 401 || status === 403) {
    return `${answer}. Azure refused the login: run \`az login\` (or set the AZURE_* service-principal variables) for the tenant of the app, and give that account Contributor or Website Contributor on the function app.`;
  }
  if (status === 404) return `${answer}. Check scmBaseUrl: it must be the app's SCM site (https://<app>.scm.azurewebsites.net), and the app must exist.`;
  if (status === 400) return `${answer}. Kudu rejected the request; check that the package is the zip packageFunctions() built.`;
  return `${answer}.`;
}

async function excerpt(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text.length > BODY_EXCERPT_CHARS ? `${text.slice(0, BODY_EXCERPT_CHARS)}…` : text;
  } catch {
    return '';
  }
}

/** A fetch that failed before any answer, said without the request (whose headers hold the token). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const causeMessage = cause instanceof Error ? cause.message : undefined;
  return [code, causeMessage ?? error.message].filter(Boolean).join(': ');
}

/**
 * Publishes a zip to Kudu and waits until it is live. Refused connections, 5xx, 408, 409 and 429
 * are retried with backoff until `timeoutMs` has passed, then the last answer is reported; any
 * other refusal (400, 401, 403, 404, …) fails at once with what to check.
 */
export async function publishPackage(options: PublishOptions): Promise<PublishResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const publishUrl = publishUrlFor(options.scmBaseUrl);
  const deadline = now() + timeoutMs;
  const budget = `${Math.round(timeoutMs / 1000)} s`;

  let lastAnswer = 'none';
  let retryDelay = FIRST_RETRY_DELAY_MS;
  /** Waits before the next attempt, or fails if that would pass the deadline. */
  const waitOrGiveUp = async (delay: number, action: string): Promise<void> => {
    if (now() + delay > deadline) throw new Error(`OneDeploy: gave up ${action} after ${budget}; the last answer was ${lastAnswer}`);
    await sleep(delay);
  };

  for (;;) {
    // Outside the try below: no login is not something waiting fixes.
    const token = await options.getToken();
    let response: Response;
    try {
      response = await fetch(publishUrl, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip', 'Cache-Control': 'no-cache' },
        body: options.zip,
        // A redirect would carry the token wherever it points; Kudu has no reason to send one.
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // A site created moments ago may not take connections yet.
      lastAnswer = `no response from ${publishUrl.origin} (${describeNetworkError(error)})`;
      await waitOrGiveUp(retryDelay, `publishing to ${publishUrl.origin}`);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
      continue;
    }
    const body = await excerpt(response);
    if (response.status === 200) {
      const deploymentId = deploymentIdIn(body);
      return deploymentId ? { deploymentId } : {};
    }
    if (response.status === 202) {
      const statusUrl = statusUrlFor(publishUrl, response.headers.get('location'), body);
      return await followDeployment(statusUrl, options.getToken, sleep, waitOrGiveUp, (answer) => (lastAnswer = answer));
    }
    if (!isTransient(response.status)) throw new Error(permanentFailure('OneDeploy: publishing the package', publishUrl, response.status, body));
    lastAnswer = `HTTP ${response.status}${body ? ` "${body}"` : ''}`;
    await waitOrGiveUp(retryDelay, `publishing to ${publishUrl.origin}`);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
  }
}

/** Polls Kudu's record of the accepted deployment until it says success or failure. */
async function followDeployment(
  statusUrl: URL,
  getToken: () => Promise<string>,
  sleep: (ms: number) => Promise<void>,
  waitOrGiveUp: (delay: number, action: string) => Promise<void>,
  remember: (answer: string) => void,
): Promise<PublishResult> {
  const action = `waiting for the deployment at ${statusUrl.href}`;
  remember('HTTP 202 (accepted)');
  await sleep(POLL_INTERVAL_MS);
  for (;;) {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(statusUrl, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // The SCM site restarts the app while deploying and can miss a poll.
      remember(`no response from ${statusUrl.origin} (${describeNetworkError(error)})`);
      await waitOrGiveUp(POLL_INTERVAL_MS, action);
      continue;
    }
    if (response.ok) {
      let deployment: KuduDeployment | undefined;
      const text = await response.text();
      try {
        deployment = JSON.parse(text) as KuduDeployment;
      } catch {
        deployment = undefined;
      }
      if (deployment && typeof deployment === 'object') {
        const outcome = deploymentOutcome(deployment);
        if (outcome.kind === 'succeeded') return deployment.id ? { deploymentId: deployment.id } : {};
        if (outcome.kind === 'failed') throw new Error(`OneDeploy: ${outcome.reason}`);
        remember(`deployment status ${String(deployment.status)}${deployment.status_text ? ` "${deployment.status_text}"` : ''}, not complete`);
      } else {
        remember(`HTTP ${response.status} with a body that is not a deployment record`);
      }
    } else {
      const body = await excerpt(response);
      if (!isTransient(response.status)) throw new Error(permanentFailure(`OneDeploy: ${action}`, statusUrl, response.status, body));
      remember(`HTTP ${response.status}${body ? ` "${body}"` : ''}`);
    }
    await waitOrGiveUp(POLL_INTERVAL_MS, action);
  }
}

/** Reads the zip and checks it is the build the program hashed; a zip rebuilt since is not deployed. */
export function readVerifiedPackage(packagePath: string, packageSha256: string): Buffer {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let zip: Buffer;
  try {
    zip = readFileSync(packagePath);
  } catch (error) {
    throw new Error(`OneDeploy: cannot read the package ${packagePath}: ${error instanceof Error ? error.message : String(error)}; build it again and run pulumi up`);
  }
  const actual = createHash('sha256').update(zip).digest('hex');
  if (actual !== packageSha256.toLowerCase()) {
    throw new Error(`OneDeploy: ${packagePath} changed after the program hashed it (sha256 ${packageSha256} then, ${actual} now); run pulumi up again so the preview shows what is deployed`);
  }
  return zip;
}

/**
 * Tokens from DefaultAzureCredential: `az login`, the AZURE_* service-principal variables, a managed
 * identity, … the same chain the azure-native provider follows. One is reused until 5 minutes
 * before it expires, because the Azure CLI credential starts a process for every token.
 */
function azureTokenSource(): () => Promise<string> {
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  const credential = new DefaultAzureCredential();
  let cached: { readonly token: string; readonly expiresOnTimestamp: number } | undefined;
  return async () => {
    if (!cached || cached.expiresOnTimestamp - Date.now() < 5 * 60_000) {
      try {
        cached = await credential.getToken(ARM_SCOPE);
      } catch (error) {
        throw new Error(`OneDeploy: no Azure login to deploy with (${error instanceof Error ? error.message : String(error)}); run \`az login\` or set the AZURE_* service-principal variables`);
      }
    }
    return cached.token;
  };
}

/** Verifies the package, then publishes it with the operator's Azure login. */
async function deploy(inputs: OneDeployInputs): Promise<OneDeployState> {
  const zip = readVerifiedPackage(inputs.packagePath, inputs.packageSha256);
  await publishPackage({ scmBaseUrl: inputs.scmBaseUrl, zip, getToken: azureTokenSource() });
  const { scmBaseUrl, packagePath, packageSha256 } = inputs;
  return { scmBaseUrl, packagePath, packageSha256, deployedSha256: packageSha256 };
}

function sameSite(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/**
 * A new package or another site means deploying again, in place: a deployment replaces the code
 * the app runs, there is nothing to tear down first. A zip moved to another path with the same
 * hash is the same code, so it changes nothing.
 */
export function diffOneDeploy(olds: OneDeployState, news: OneDeployInputs): pulumi.dynamic.DiffResult {
  const changes = olds.packageSha256 !== news.packageSha256 || !sameSite(olds.scmBaseUrl, news.scmBaseUrl);
  return { changes, replaces: [] };
}

/** The object Pulumi serialises into the state; exported so tests can drive it directly. */
export const oneDeployProvider: pulumi.dynamic.ResourceProvider<OneDeployInputs, OneDeployState> = {
  async create(inputs) {
    const outs = await deploy(inputs);
    return { id: new URL(inputs.scmBaseUrl).host, outs };
  },
  async diff(_id, olds, news) {
    return diffOneDeploy(olds, news);
  },
  async update(_id, _olds, news) {
    return { outs: await deploy(news) };
  },
  async delete() {
    // Nothing to do: a deployment cannot be undone, only replaced by another one, and deleting the
    // app (which Pulumi does when the stack goes) takes its code with it.
  },
};

/** The resource's properties as registered; the mapped type keeps them in step with OneDeployState. */
type OneDeployProps = { [K in keyof OneDeployState]: pulumi.Input<OneDeployState[K]> | undefined };

export class OneDeploy extends pulumi.dynamic.Resource {
  // `declare`, not `!`: with ES2022 class fields a plain field declaration would reset to undefined
  // the Output that the base constructor has just assigned.
  /** sha256 of the package now live */
  declare public readonly deployedSha256: pulumi.Output<string>;

  constructor(name: string, args: OneDeployArgs, opts?: pulumi.CustomResourceOptions) {
    if (!path.isAbsolute(args.packagePath)) throw new Error(`OneDeploy: packagePath must be an absolute path, got "${args.packagePath}"`);
    if (!/^[0-9a-f]{64}$/i.test(args.packageSha256)) throw new Error(`OneDeploy: packageSha256 must be 64 hex digits, got "${args.packageSha256}"`);
    const props: OneDeployProps = {
      scmBaseUrl: args.scmBaseUrl,
      packagePath: args.packagePath,
      packageSha256: args.packageSha256.toLowerCase(),
      deployedSha256: undefined,
    };
    super(oneDeployProvider, name, props, opts, undefined, 'OneDeploy');
  }
}
