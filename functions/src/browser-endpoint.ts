import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { dependencies, type Dependencies } from './composition';
import { jsonResponse } from './http';
import type { Outcome, RequestOrigin } from './services/outcome';
import { describeStorageError } from './store/tables';

/** Options and responses are a few KiB; anything bigger is not from our pages. */
const MAX_BODY_BYTES = 64 * 1024;
const PREFLIGHT_CACHE_SECONDS = '600';

export interface BrowserRequest {
  /** The parsed JSON object the page posted. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly origin: RequestOrigin;
  readonly deps: Dependencies;
  readonly log: (line: string) => void;
}

export type BrowserHandler = (request: BrowserRequest) => Promise<Outcome<unknown>>;

/**
 * Wraps a handler of the frontend's JSON API (docs/api.md): CORS for the frontend origin only,
 * a JSON object body, refusals as `{error, reason}` with their status, and every unexpected
 * failure as a 503 that says to try again (never a 500, never a stack trace).
 */
export function browserEndpoint(handler: BrowserHandler, successStatus = 200): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    let deps: Dependencies;
    try {
      deps = await dependencies();
    } catch (error) {
      context.error(`${context.functionName}: unavailable: ${error instanceof Error ? error.message : 'unknown error'}`);
      // Without configuration the allowed origin is still the app setting: let the page read the 503.
      const origin = request.headers.get('origin');
      const readable = origin !== null && origin === process.env.FRONTEND_ORIGIN?.trim().replace(/\/+$/, '');
      return refusal(503, 'unavailable', 'the service is not ready; try again shortly', readable ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : undefined);
    }
    const allowedOrigin = deps.config.frontendOrigin;
    const requestOrigin = request.headers.get('origin');
    // A browser always names the page's origin on a cross-origin request; tools send none.
    if (requestOrigin !== null && requestOrigin !== allowedOrigin) {
      return refusal(403, 'forbidden-origin', 'this API serves only its own frontend', undefined);
    }
    const cors: Record<string, string> = requestOrigin === null ? {} : { 'Access-Control-Allow-Origin': allowedOrigin, Vary: 'Origin' };
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': PREFLIGHT_CACHE_SECONDS },
      };
    }

    const body = await readJsonObject(request);
    if (typeof body === 'string') return refusal(400, 'bad-request', body, cors);
    try {
      const outcome = await handler({ body, origin: clientOf(request), deps, log: (line) => context.log(line) });
      if (!outcome.ok) return refusal(outcome.refusal.status, outcome.refusal.reason, outcome.refusal.error, cors);
      return jsonResponse(successStatus, outcome.value, cors);
    } catch (error) {
      context.error(`${context.functionName}: failure: ${describeStorageError(error)}`);
      return refusal(503, 'unavailable', 'temporarily unable to complete this; try again', cors);
    }
  };
}

function refusal(status: number, reason: string, error: string, cors: Record<string, string> | undefined): HttpResponseInit {
  return jsonResponse(status, { error, reason }, cors ?? {});
}

/** The parsed object, or a sentence saying what is wrong with the body. */
async function readJsonObject(request: HttpRequest): Promise<Record<string, unknown> | string> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return 'send the body as application/json';
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return `the body is larger than ${MAX_BODY_BYTES} bytes`;
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) return `the body is larger than ${MAX_BODY_BYTES} bytes`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return 'the body is not valid UTF-8 JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'the body must be a JSON object';
  return parsed as Record<string, unknown>;
}

/** Client address as the platform's front end reports it ("203.0.113.7:52311" → "203.0.113.7"). */
function clientOf(request: HttpRequest): RequestOrigin {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',')[0]?.trim() ?? '';
  const clientIp = /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(forwarded) ? forwarded.replace(/:\d+$/, '') : forwarded.replace(/^\[(.*)\](:\d+)?$/, '$1');
  return { clientIp: clientIp.slice(0, 64), userAgent: (request.headers.get('user-agent') ?? '').slice(0, 256) };
}

/** A required string field of the body, bounded in length; undefined when absent or wrong. */
export function stringField(body: Readonly<Record<string, unknown>>, name: string, maxLength = 256): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' && value.length <= maxLength ? value : undefined;
}
