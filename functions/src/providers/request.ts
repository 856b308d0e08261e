import type { HttpRequest } from '@azure/functions';
import type { FieldMap, WebhookRejection, WebhookRequest } from './types';

/**
 * Turns an HTTP request into a WebhookRequest, strictly: anything malformed is a 400 here, so
 * provider modules only ever see well-formed text. Written for adversarial input — nothing in
 * this module may throw.
 */

/** An SMS webhook is a handful of short fields; 16 KiB is generous and bounds memory per request. */
export const MAX_WEBHOOK_BODY_BYTES = 16 * 1024;

export type DecodeResult = { readonly ok: true; readonly request: WebhookRequest } | { readonly ok: false; readonly rejection: WebhookRejection };

type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: WebhookRejection };

const NO_FIELDS: FieldMap = new Map();

/** publicBaseUrl like "https://fn.example.com"; one trailing slash is tolerated. */
export async function decodeWebhookRequest(request: HttpRequest, publicBaseUrl: string): Promise<DecodeResult> {
  try {
    return await decode(request, publicBaseUrl);
  } catch {
    // Every foreseen problem is already a specific rejection; this backstop keeps an unforeseen
    // one (a URL that will not parse, a body stream that errors) a 400 rather than a 500.
    return reject('request could not be decoded');
  }
}

async function decode(request: HttpRequest, publicBaseUrl: string): Promise<DecodeResult> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    return reject(`method ${quoteForError(method)} is not allowed; use GET or POST`);
  }
  const { pathname, rawQuery } = splitRequestUrl(request.url);
  const query = decodeFormFields(rawQuery.replace(/^\?/, ''));
  if (query === undefined) {
    return reject('query string is not valid UTF-8 / percent-encoding');
  }
  const body = method === 'POST' ? await decodePostBody(request) : { ok: true as const, value: NO_FIELDS };
  if (!body.ok) {
    return body;
  }
  return {
    ok: true,
    request: {
      method,
      // Providers that sign (Twilio) sign the URL they called. The configured base is the only
      // trustworthy origin: Host and X-Forwarded-* are chosen by whoever sends the request.
      publicUrl: publicBaseUrl.replace(/\/$/, '') + pathname + rawQuery,
      headers: request.headers,
      query,
      body: body.value,
    },
  };
}

/** The path and the query string exactly as serialized in the request URL ("" or "?…"). */
function splitRequestUrl(requestUrl: string): { readonly pathname: string; readonly rawQuery: string } {
  const url = new URL(requestUrl);
  url.hash = '';
  // URL.search drops a bare trailing "?", which would change a signed URL; a serialized URL
  // percent-encodes "?" everywhere before the query, so the first one starts it.
  const queryStart = url.href.indexOf('?');
  return { pathname: url.pathname, rawQuery: queryStart === -1 ? '' : url.href.slice(queryStart) };
}

async function decodePostBody(request: HttpRequest): Promise<Decoded<FieldMap>> {
  const bytes = await readBodyWithinLimit(request);
  if (bytes === undefined) {
    return reject(`body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes`);
  }
  // Fields may arrive in the query alone, so an empty body needs no content type.
  if (bytes.byteLength === 0) {
    return { ok: true, value: NO_FIELDS };
  }
  const contentType = request.headers.get('content-type');
  if (contentType === null) {
    return reject('content-type header is missing; use application/x-www-form-urlencoded or application/json');
  }
  const mediaType = parseMediaType(contentType);
  if (mediaType.charsets.some((charset) => charset !== 'utf-8')) {
    return reject('only the utf-8 charset is accepted');
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return reject('body is not valid UTF-8');
  }
  switch (mediaType.essence) {
    case 'application/x-www-form-urlencoded':
      return decodeFormBody(text);
    case 'application/json':
      return decodeJsonBody(text);
    default:
      return reject(`content type ${quoteForError(mediaType.essence)} is not accepted; use application/x-www-form-urlencoded or application/json`);
  }
}

/**
 * Returns the body, or undefined once it exceeds the limit. The declared content-length lets an
 * honest oversized request be refused without reading it; the count while streaming is what
 * counts, because the header can lie and a streamed body is never buffered past the limit.
 */
async function readBodyWithinLimit(request: HttpRequest): Promise<Uint8Array | undefined> {
  const declaredLength = request.headers.get('content-length')?.trim();
  if (declaredLength !== undefined && /^[0-9]+$/.test(declaredLength) && Number(declaredLength) > MAX_WEBHOOK_BODY_BYTES) {
    return undefined;
  }
  if (request.body === null) {
    return new Uint8Array(0);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value }: { done: boolean; value?: unknown } = await reader.read();
    if (done) {
      return Buffer.concat(chunks, total);
    }
    if (!(value instanceof Uint8Array)) {
      throw new TypeError('request body stream yielded a non-byte chunk');
    }
    total += value.byteLength;
    if (total > MAX_WEBHOOK_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

interface MediaType {
  /** Lower-cased "type/subtype" without parameters. */
  readonly essence: string;
  /** Every charset parameter given, lower-cased and unquoted. */
  readonly charsets: readonly string[];
}

function parseMediaType(header: string): MediaType {
  const [essence = '', ...parameters] = header.split(';');
  const charsets = parameters
    .map((parameter) => parameter.split('='))
    .filter(([name]) => name?.trim().toLowerCase() === 'charset')
    .map(([, value = '']) => value.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  return { essence: essence.trim().toLowerCase(), charsets };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    // fatal: a replacement character would silently change what a signature was computed over.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeFormBody(text: string): Decoded<FieldMap> {
  const fields = decodeFormFields(text);
  return fields === undefined ? reject('form body is not valid UTF-8 / percent-encoding') : { ok: true, value: fields };
}

/**
 * application/x-www-form-urlencoded, strictly. URLSearchParams would turn a malformed escape into
 * U+FFFD, so a tampered or mis-encoded field would be read as something nobody sent.
 * Returns undefined if any name or value is malformed.
 */
function decodeFormFields(encoded: string): FieldMap | undefined {
  const fields = new Map<string, string[]>();
  for (const pair of encoded.split('&')) {
    if (pair === '') {
      continue;
    }
    const separator = pair.indexOf('=');
    const name = decodeFormComponent(separator === -1 ? pair : pair.slice(0, separator));
    const value = decodeFormComponent(separator === -1 ? '' : pair.slice(separator + 1));
    if (name === undefined || value === undefined) {
      return undefined;
    }
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

function decodeFormComponent(encoded: string): string | undefined {
  try {
    // decodeURIComponent throws on a malformed escape and on escapes that are not valid UTF-8
    // (overlong forms, surrogates, truncated sequences) — exactly the strictness wanted here.
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function decodeJsonBody(text: string): Decoded<FieldMap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return reject('body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return reject('JSON body must be an object of fields');
  }
  const fields = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const text = jsonFieldText(name, value);
    if (!text.ok) {
      return text;
    }
    fields.set(name, [text.value]);
  }
  return { ok: true, value: fields };
}

function jsonFieldText(name: string, value: unknown): Decoded<string> {
  if (typeof value === 'string') {
    return { ok: true, value };
  }
  if (typeof value === 'boolean') {
    return { ok: true, value: String(value) };
  }
  if (typeof value === 'number') {
    // JSON.parse has already rounded an integer beyond 2^53; a message id read that way would be
    // a different id, so retries would no longer be recognised as duplicates.
    return Number.isInteger(value) && !Number.isSafeInteger(value)
      ? reject(`JSON field ${quoteForError(name)} is a number too large to read exactly; send it as a string`)
      : { ok: true, value: String(value) };
  }
  return reject(`JSON field ${quoteForError(name)} must be a string, number or boolean`);
}

/** Quotes caller-chosen text (a method, content type or field name) for an error, bounded in length. */
function quoteForError(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

function reject(error: string): { readonly ok: false; readonly rejection: WebhookRejection } {
  return { ok: false, rejection: { status: 400, error } };
}
