// StaticFiles: uploads the built frontend into the storage account's static website container
// ($web) with a Content-Type and Cache-Control per blob, which azure-native's storage.Blob cannot
// set. It is a Pulumi dynamic resource: the program lists and hashes the folder (so `pulumi
// preview` shows which files change), and the provider below uploads, updates and deletes blobs.
//
// Pulumi serialises the provider object, with every function and value it reaches, into the
// stack state (the `__provider` input) and runs that text later in its dynamic-provider host, a
// separate process. So the provider half of this file reaches only its own functions and one
// string constant, and requires its modules inside them: anything else it touched would be
// copied into the state (the key in clear, had it been closed over) and must work there again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import type { ContainerClient } from '@azure/storage-blob';

export interface StaticFilesArgs {
  /** e.g. https://<account>.blob.core.windows.net/ (storage account primaryEndpoints.blob) */
  blobEndpoint: pulumi.Input<string>;
  accountName: pulumi.Input<string>;
  /** account key; the colleague passes a pulumi secret */
  accountKey: pulumi.Input<string>;
  /** default '$web' */
  containerName?: pulumi.Input<string>;
  /** absolute path of the built folder, read at program time */
  sourceDir: string;
}

/** How one file is stored: its hash at program time and the headers it is served with. */
export interface ManifestEntry {
  readonly sha256: string;
  readonly contentType: string;
  readonly cacheControl: string;
}

/** Blob name ('/'-separated path inside sourceDir) → entry. */
export type Manifest = Readonly<Record<string, ManifestEntry>>;

/** What the provider receives: the arguments resolved, plus the manifest taken at program time. */
export interface StaticFilesInputs {
  readonly blobEndpoint: string;
  readonly accountName: string;
  readonly accountKey: string;
  readonly containerName: string;
  readonly sourceDir: string;
  readonly manifest: Manifest;
}

/** What the state keeps: all inputs (delete has nothing else to go on, the key included) and `files`. */
export interface StaticFilesState extends StaticFilesInputs {
  readonly files: Readonly<Record<string, string>>;
}

export interface UploadPlan {
  readonly upload: readonly string[];
  readonly remove: readonly string[];
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Blob metadata naming the StaticFiles resource (its id) that last wrote a blob. Delete and update
 * remove a blob only while it still names this resource: a blob someone else uploaded, or one a
 * replacement of this resource has rewritten (Pulumi creates the replacement before it deletes the
 * old one, and both write the same names), is left alone.
 */
const OWNER_METADATA = 'staticfilesowner';

// Object.hasOwn needs lib es2022, which the infra tsconfig may not have; `in` would also find
// Object.prototype's members.
function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The Content-Type a file is served with; an extension we do not know fails the program. */
export function contentTypeFor(name: string): string {
  const extension = path.posix.extname(name).toLowerCase();
  const contentType = hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension] : undefined;
  // Served as application/octet-stream a page downloads instead of rendering, and with
  // X-Content-Type-Options a script would not run; better to stop and add the type here.
  if (!contentType) throw new Error(`StaticFiles: no content type known for "${name}"; add its extension to CONTENT_TYPES in infra/static-files.ts`);
  return contentType;
}

/**
 * Every file is `no-cache`: browsers and Cloudflare may keep a copy, but revalidate it on every
 * load (a cheap 304 when the ETag still matches). The names are not content-hashed, so any max-age
 * would let a phone pair a new index.html with an old reveal.js for a while after a deploy. Once
 * the build hashes names, those files can get `public, max-age=31536000, immutable` here.
 */
export function cacheControlFor(_name: string): string {
  return 'no-cache';
}

/** Lists sourceDir recursively and describes every file; fails on anything it cannot serve correctly. */
export function buildManifest(sourceDir: string): Manifest {
  if (!path.isAbsolute(sourceDir)) throw new Error(`StaticFiles: sourceDir must be an absolute path, got "${sourceDir}"`);
  const names = listFiles(sourceDir, '');
  // An empty folder is a build that did not run; "uploading" it would delete the live site.
  if (names.length === 0) throw new Error(`StaticFiles: ${sourceDir} holds no files; build the frontend first`);
  const unknown = names.filter((name) => !hasOwn(CONTENT_TYPES, path.posix.extname(name).toLowerCase()));
  if (unknown.length > 0) {
    throw new Error(`StaticFiles: no content type known for ${unknown.map((name) => `"${name}"`).join(', ')} in ${sourceDir}; add the extension to CONTENT_TYPES in infra/static-files.ts`);
  }
  const manifest: Record<string, ManifestEntry> = {};
  for (const name of names) {
    manifest[name] = {
      sha256: createHash('sha256').update(readFileSync(path.join(sourceDir, ...name.split('/')))).digest('hex'),
      contentType: contentTypeFor(name),
      cacheControl: cacheControlFor(name),
    };
  }
  return manifest;
}

function listFiles(root: string, prefix: string): string[] {
  const folder = path.join(root, ...prefix.split('/').filter(Boolean));
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new Error(`StaticFiles: cannot list ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const names: string[] = [];
  for (const entry of entries) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) names.push(...listFiles(root, `${name}/`));
    else if (entry.isFile()) names.push(name);
    else throw new Error(`StaticFiles: ${path.join(folder, entry.name)} is neither a file nor a folder`);
  }
  return names.sort();
}

function sameEntry(a: ManifestEntry | undefined, b: ManifestEntry | undefined): boolean {
  return a !== undefined && b !== undefined && a.sha256 === b.sha256 && a.contentType === b.contentType && a.cacheControl === b.cacheControl;
}

function sameManifest(a: Manifest, b: Manifest): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => hasOwn(b, name) && sameEntry(a[name], b[name]));
}

/**
 * What `pulumi preview` reports. The account and container name where the blobs live, so a change
 * to either means new blobs elsewhere (replace). A new endpoint or key only changes how we reach
 * the same account; the key is compared so the state holds the one delete will need.
 */
export function diffStaticFiles(olds: StaticFilesState, news: StaticFilesInputs): pulumi.dynamic.DiffResult {
  const replaces = (['accountName', 'containerName'] as const).filter((key) => olds[key] !== news[key]);
  const changes =
    replaces.length > 0 || olds.blobEndpoint !== news.blobEndpoint || olds.accountKey !== news.accountKey || !sameManifest(olds.manifest, news.manifest);
  return { changes, replaces };
}

/** Which blobs to write and which to delete to go from `olds` (undefined on create) to `news`. */
export function planUpload(olds: StaticFilesInputs | undefined, news: StaticFilesInputs): UploadPlan {
  const names = Object.keys(news.manifest).sort();
  if (!olds) return { upload: names, remove: [] };
  // A new endpoint may be a different service that has none of the files yet.
  const everything = olds.blobEndpoint !== news.blobEndpoint;
  return {
    upload: names.filter((name) => everything || !sameEntry(olds.manifest[name], news.manifest[name])),
    remove: Object.keys(olds.manifest).filter((name) => !hasOwn(news.manifest, name)).sort(),
  };
}

function stateFrom(inputs: StaticFilesInputs): StaticFilesState {
  const { blobEndpoint, accountName, accountKey, containerName, sourceDir, manifest } = inputs;
  const files = Object.fromEntries(Object.entries(manifest).map(([name, entry]) => [name, entry.sha256]));
  return { blobEndpoint, accountName, accountKey, containerName, sourceDir, manifest, files };
}

function openContainer(target: StaticFilesInputs): ContainerClient {
  // Required here, not imported at the top: see the note at the top of this file.
  const { BlobServiceClient, StorageSharedKeyCredential } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
  const endpoint = new URL(target.blobEndpoint);
  const loopback = endpoint.hostname === '127.0.0.1' || endpoint.hostname === 'localhost' || endpoint.hostname === '[::1]';
  // The SDK sends plain http without complaint; we allow it only for an emulator on this machine.
  if (endpoint.protocol !== 'https:' && !(endpoint.protocol === 'http:' && loopback)) {
    throw new Error(`StaticFiles: blobEndpoint must use https (http only for an emulator on loopback), got ${target.blobEndpoint}`);
  }
  const credential = new StorageSharedKeyCredential(target.accountName, target.accountKey);
  return new BlobServiceClient(target.blobEndpoint, credential).getContainerClient(target.containerName);
}

function storageErrorStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/** Uploads `names` from sourceDir with their headers, after checking they are the bytes the manifest describes. */
async function uploadFiles(target: StaticFilesInputs, names: readonly string[], owner: string): Promise<void> {
  const { createHash: hash } = require('node:crypto') as typeof import('node:crypto');
  const { readFileSync: read } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  // Every file is read and checked before the first upload: a folder rebuilt since the program
  // read it uploads nothing, rather than a mix of what preview showed and what it did not.
  const contents = names.map((name) => {
    const file = join(target.sourceDir, ...name.split('/'));
    let bytes: Buffer;
    try {
      bytes = read(file);
    } catch (error) {
      throw new Error(`StaticFiles: cannot read ${file}, which the program listed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const expected = target.manifest[name].sha256;
    const actual = hash('sha256').update(bytes).digest('hex');
    if (actual !== expected) {
      throw new Error(`StaticFiles: ${file} changed after the program read it (sha256 ${expected} then, ${actual} now); run pulumi up again once the build has finished`);
    }
    return { name, bytes };
  });
  if (contents.length === 0) return;
  const container = openContainer(target);
  try {
    await Promise.all(
      contents.map(({ name, bytes }) =>
        container.getBlockBlobClient(name).uploadData(bytes, {
          blobHTTPHeaders: { blobContentType: target.manifest[name].contentType, blobCacheControl: target.manifest[name].cacheControl },
          metadata: { [OWNER_METADATA]: owner },
        }),
      ),
    );
  } catch (error) {
    if (storageErrorStatus(error) === 404) {
      throw new Error(`StaticFiles: container "${target.containerName}" not found at ${target.blobEndpoint}; enable the static website first and make StaticFiles depend on it`);
    }
    throw error;
  }
}

/** Deletes those of `names` that this resource (`owner`) wrote last; gone or foreign blobs are skipped. */
async function deleteOwnedBlobs(target: StaticFilesInputs, names: readonly string[], owner: string): Promise<void> {
  if (names.length === 0) return;
  const container = openContainer(target);
  await Promise.all(
    names.map(async (name) => {
      const blob = container.getBlobClient(name);
      try {
        const properties = await blob.getProperties();
        if (properties.metadata?.[OWNER_METADATA] !== owner) return;
        await blob.delete({ conditions: { ifMatch: properties.etag } });
      } catch (error) {
        // 404: already gone (or the container is). 412: rewritten since we looked, so not ours now.
        const status = storageErrorStatus(error);
        if (status === 404 || status === 412) return;
        throw error;
      }
    }),
  );
}

/** The object Pulumi serialises into the state; exported so tests can drive it directly. */
export const staticFilesProvider: pulumi.dynamic.ResourceProvider<StaticFilesInputs, StaticFilesState> = {
  async create(inputs) {
    const { randomUUID } = require('node:crypto') as typeof import('node:crypto');
    const id = `${inputs.accountName}/${inputs.containerName}/${randomUUID()}`;
    await uploadFiles(inputs, planUpload(undefined, inputs).upload, id);
    return { id, outs: stateFrom(inputs) };
  },
  async diff(_id, olds, news) {
    return diffStaticFiles(olds, news);
  },
  async update(id, olds, news) {
    const plan = planUpload(olds, news);
    // Upload first: for a moment the site may have a file too many, never one too few.
    await uploadFiles(news, plan.upload, id);
    await deleteOwnedBlobs(news, plan.remove, id);
    return { outs: stateFrom(news) };
  },
  async delete(id, props) {
    await deleteOwnedBlobs(props, Object.keys(props.manifest), id);
  },
};

/** The resource's properties as registered; the mapped type keeps them in step with StaticFilesState. */
type StaticFilesProps = { [K in keyof StaticFilesState]: pulumi.Input<StaticFilesState[K]> | undefined };

export class StaticFiles extends pulumi.dynamic.Resource {
  // `declare`, not `!`: with ES2022 class fields a plain field declaration would reset to undefined
  // the Output that the base constructor has just assigned.
  /** file name → sha256 hex of what was uploaded */
  declare public readonly files: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: StaticFilesArgs, opts?: pulumi.CustomResourceOptions) {
    const props: StaticFilesProps = {
      blobEndpoint: args.blobEndpoint,
      accountName: args.accountName,
      accountKey: pulumi.secret(args.accountKey),
      containerName: args.containerName ?? '$web',
      sourceDir: args.sourceDir,
      manifest: buildManifest(args.sourceDir),
      files: undefined,
    };
    super(staticFilesProvider, name, props, {
      ...opts,
      // The state keeps the key because delete needs it; it is never stored or shown in clear.
      additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), 'accountKey'],
    }, undefined, 'StaticFiles');
  }
}
