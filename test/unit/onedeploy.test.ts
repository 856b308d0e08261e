import * as pulumi from '@pulumi/pulumi';
import type { MockResourceArgs } from '@pulumi/pulumi/runtime';
import {
  OneDeploy,
  deploymentOutcome,
  diffOneDeploy,
  publishUrlFor,
  statusUrlFor,
  type OneDeployInputs,
  type OneDeployState,
} from '../../infra/onedeploy';

// Importing the module above creates no resources, so setting the mocks in beforeAll is early
// enough; Jest gives this file its own module registry, so these mocks are this file's alone.
const registered: MockResourceArgs[] = [];
const SHA = 'a'.repeat(64);
const PACKAGE = '/work/dist/functions.zip';
const SCM = 'https://sms2fa-fn.scm.azurewebsites.net';
/** Stands in for a credential in the environment of `pulumi up`; it must not end up in the state. */
const SECRET_IN_ENV = `client-secret-${Date.now()}`;

beforeAll(async () => {
  process.env.AZURE_CLIENT_SECRET = SECRET_IN_ENV;
  await pulumi.runtime.setMocks({
    newResource: (args) => {
      registered.push(args);
      // As the provider's create would answer: the inputs back, plus the hash now live.
      const inputs = args.inputs as OneDeployInputs;
      return { id: `${args.name}-id`, state: { ...args.inputs, deployedSha256: inputs.packageSha256 } };
    },
    call: (args) => args.inputs,
  });
});

afterAll(() => {
  delete process.env.AZURE_CLIENT_SECRET;
});

beforeEach(() => {
  registered.length = 0;
});

function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

describe('OneDeploy under Pulumi mocks', () => {
  test('registers the package and site as inputs, no credential, and a provider that survives serialisation', async () => {
    const deployment = new OneDeploy('deploy', { scmBaseUrl: pulumi.output(SCM), packagePath: PACKAGE, packageSha256: SHA.toUpperCase() });
    // Resolving the URN waits for the registration, and the registration for the serialised provider.
    await outputValue(deployment.urn);

    expect(registered).toHaveLength(1);
    const [resource] = registered;
    expect(resource.type).toBe('pulumi-nodejs:dynamic:OneDeploy');
    const inputs = resource.inputs as Record<string, unknown>;
    // The hash is normalised to lower case, as sha256 hex digests are compared.
    expect(Object.keys(inputs).sort()).toEqual(['__provider', 'packagePath', 'packageSha256', 'scmBaseUrl']);
    expect(inputs).toMatchObject({ scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: SHA });

    // The token is fetched when the provider runs, never at program time: nothing of the login is
    // in the inputs, and the provider text loads the credential library instead of carrying one.
    const providerText = inputs.__provider;
    if (typeof providerText !== 'string') throw new Error('no serialised provider among the inputs');
    expect(JSON.stringify(inputs)).not.toContain(SECRET_IN_ENV);
    expect(JSON.stringify(inputs)).not.toMatch(/Bearer [A-Za-z0-9]/);
    expect(providerText).toContain('@azure/identity');
    expect(providerText).toContain('https://management.core.windows.net/.default');

    // Exactly what Pulumi's dynamic-provider host does with the __provider text from the state.
    const requireFromString = require(require.resolve('require-from-string', { paths: [require.resolve('@pulumi/pulumi')] })) as (code: string) => {
      handler: () => pulumi.dynamic.ResourceProvider<OneDeployInputs, OneDeployState>;
    };
    const provider = requireFromString(providerText).handler();
    expect(Object.keys(provider).sort()).toEqual(['create', 'delete', 'diff', 'update']);
    const state: OneDeployState = { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: SHA, deployedSha256: SHA };
    await expect(provider.diff?.('id', state, { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: SHA })).resolves.toEqual({ changes: false, replaces: [] });
    await expect(provider.diff?.('id', state, { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: 'b'.repeat(64) })).resolves.toEqual({ changes: true, replaces: [] });
    // Delete deliberately does nothing, so the deserialised one can be called here safely.
    await expect(provider.delete?.('id', state)).resolves.toBeUndefined();

    // `deployedSha256` is a real output (not reset by a class field), and not secret.
    expect(pulumi.Output.isInstance(deployment.deployedSha256)).toBe(true);
    expect(await outputValue(deployment.deployedSha256)).toBe(SHA);
    expect(await pulumi.isSecret(deployment.deployedSha256)).toBe(false);
  });

  test('fails the program on a relative package path or a malformed hash', () => {
    expect(() => new OneDeploy('relative', { scmBaseUrl: SCM, packagePath: 'dist/functions.zip', packageSha256: SHA })).toThrow(/packagePath must be an absolute path/);
    expect(() => new OneDeploy('short', { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: 'abc' })).toThrow(/packageSha256 must be 64 hex digits/);
    expect(registered).toHaveLength(0);
  });
});

describe('diffOneDeploy', () => {
  const olds: OneDeployState = { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: SHA, deployedSha256: SHA };
  const news: OneDeployInputs = { scmBaseUrl: SCM, packagePath: PACKAGE, packageSha256: SHA };

  test('changes nothing for the same hash and site, wherever the zip now lies', () => {
    expect(diffOneDeploy(olds, news)).toEqual({ changes: false, replaces: [] });
    expect(diffOneDeploy(olds, { ...news, packagePath: '/elsewhere/functions.zip' })).toEqual({ changes: false, replaces: [] });
    expect(diffOneDeploy(olds, { ...news, scmBaseUrl: `${SCM}/` })).toEqual({ changes: false, replaces: [] });
  });

  test('deploys again in place, never replaces, for a new hash or site', () => {
    expect(diffOneDeploy(olds, { ...news, packageSha256: 'c'.repeat(64) })).toEqual({ changes: true, replaces: [] });
    expect(diffOneDeploy(olds, { ...news, scmBaseUrl: 'https://other.scm.azurewebsites.net' })).toEqual({ changes: true, replaces: [] });
  });
});

describe('deploymentOutcome', () => {
  test.each([
    [{ status: 0, complete: false }, 'running'],
    [{ status: 1, complete: false }, 'running'],
    [{ status: 2, complete: false }, 'running'],
    [{ status: 4, complete: false }, 'running'],
    [{ status: 4, complete: true }, 'succeeded'],
    [{ status: 4 }, 'succeeded'],
    [{ status: 3, complete: true }, 'failed'],
    [{ status: 3, complete: false }, 'failed'],
    [{ status: 5, complete: true }, 'failed'],
    [{ status: 6, complete: true }, 'failed'],
    [{ status: 6, complete: false }, 'running'],
    [{ status: -1 }, 'running'],
    [{}, 'running'],
  ])('%j is %s', (deployment, kind) => {
    expect(deploymentOutcome(deployment).kind).toBe(kind);
  });

  test('a failure carries Kudu\'s text and log address', () => {
    expect(deploymentOutcome({ id: 'd1', status: 3, status_text: 'Extract failed', log_url: 'https://x.scm.azurewebsites.net/api/deployments/d1/log' })).toEqual({
      kind: 'failed',
      reason: 'Kudu reports deployment d1 failed (status 3): "Extract failed"; log: https://x.scm.azurewebsites.net/api/deployments/d1/log',
    });
  });
});

describe('publishUrlFor and statusUrlFor', () => {
  test('publish goes to /api/publish without a remote build, however the base is written', () => {
    expect(publishUrlFor(SCM).href).toBe(`${SCM}/api/publish?RemoteBuild=false`);
    expect(publishUrlFor(`${SCM}//`).href).toBe(`${SCM}/api/publish?RemoteBuild=false`);
    expect(publishUrlFor('http://127.0.0.1:8080').href).toBe('http://127.0.0.1:8080/api/publish?RemoteBuild=false');
  });

  test.each([
    ['http://sms2fa-fn.scm.azurewebsites.net', /must use https/],
    ['ftp://sms2fa-fn.scm.azurewebsites.net', /must use https/],
    ['sms2fa-fn.scm.azurewebsites.net', /is not a URL/],
    ['https://user:pass@sms2fa-fn.scm.azurewebsites.net', /plain site address/],
    [`${SCM}?x=1`, /plain site address/],
  ])('refuses %s', (url, message) => {
    expect(() => publishUrlFor(url)).toThrow(message);
  });

  const publish = publishUrlFor(SCM);
  test('follows Location, else the id in the body, else the latest deployment', () => {
    expect(statusUrlFor(publish, `${SCM}/api/deployments/abc`, '').href).toBe(`${SCM}/api/deployments/abc`);
    expect(statusUrlFor(publish, '/api/deployments/abc', '').href).toBe(`${SCM}/api/deployments/abc`);
    expect(statusUrlFor(publish, null, '"0f1e-2d"').href).toBe(`${SCM}/api/deployments/0f1e-2d`);
    expect(statusUrlFor(publish, null, '{"id":"0f1e-2d"}').href).toBe(`${SCM}/api/deployments/0f1e-2d`);
    expect(statusUrlFor(publish, null, '').href).toBe(`${SCM}/api/deployments/latest`);
    // Something that is not an id is not put into a path.
    expect(statusUrlFor(publish, null, '"../../x"').href).toBe(`${SCM}/api/deployments/latest`);
  });

  test('refuses a status address on another origin, where the token would go', () => {
    expect(() => statusUrlFor(publish, 'https://elsewhere.example.com/api/deployments/abc', '')).toThrow(/token is sent only to https:\/\/sms2fa-fn\.scm\.azurewebsites\.net/);
    expect(() => statusUrlFor(publish, 'http://sms2fa-fn.scm.azurewebsites.net/api/deployments/abc', '')).toThrow(/token is sent only to/);
  });
});
