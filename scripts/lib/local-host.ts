import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit, type LogLevel } from '@azure/functions';
import type { OutboxNotifier } from '../../functions/src/notify/outbox';
import { registeredHttpFunctions, type RegisteredHttpFunction } from '../../functions/src/registry';

/** The Functions host's default route prefix (host.json "extensions.http.routePrefix"). */
const ROUTE_PREFIX = '/api';
/** The real host accepts far more; this only keeps a stray upload from eating memory. */
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface LocalHostOptions {
  readonly port: number;
  /** Serves GET /api/dev/outbox when given; this route exists only on the local stack. */
  readonly outbox?: OutboxNotifier;
  /** Where function logs go; silent when omitted. */
  readonly log?: (line: string) => void;
}

export interface RunningLocalHost {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * A small stand-in for the Azure Functions host (Core Tools cannot be installed here). It routes
 * HTTP requests to the handlers that functions/src registered through registry.ts — the same
 * functions production registers, under the same routes — and holds no handler logic itself.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<RunningLocalHost> {
  // Importing the entry point registers every function, exactly as the host's import does.
  await import('../../functions/src/index');
  const routes = registeredHttpFunctions().map((fn) => ({ fn, pattern: compileRoute(fn.route) }));

  const server = createServer((req, res) => {
    serve(req, res, routes, options).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'local host failure' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

interface CompiledRoute {
  readonly fn: RegisteredHttpFunction;
  readonly pattern: RegExp;
}

/** "sms/{provider}" → /^\/api\/sms\/(?<provider>[^/]+)$/; "{name?}" segments may be absent. */
function compileRoute(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)(\?)?\}$/.exec(segment);
      if (!parameter) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      return parameter[2] ? `(?:/(?<${parameter[1]}>[^/]+))?` : `/(?<${parameter[1]}>[^/]+)`;
    })
    .join('');
  return new RegExp(`^${ROUTE_PREFIX}${source}$`, 'i');
}

async function serve(req: IncomingMessage, res: ServerResponse, routes: readonly CompiledRoute[], options: LocalHostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = (req.method ?? 'GET').toUpperCase();

  if (options.outbox && url.pathname === `${ROUTE_PREFIX}/dev/outbox` && method === 'GET') {
    return send(res, { status: 200, jsonBody: options.outbox.list(), headers: { 'Cache-Control': 'no-store' } });
  }

  const match = findRoute(routes, url.pathname);
  if (!match) return send(res, { status: 404, jsonBody: { error: `no function serves ${url.pathname}` } });
  if (!match.route.fn.methods.includes(method as never)) {
    return send(res, { status: 405, jsonBody: { error: `${method} is not allowed here` } });
  }

  const body = await readBody(req);
  if (body === undefined) return send(res, { status: 413, jsonBody: { error: 'request too large for the local host' } });

  const request = new HttpRequest({
    method,
    url: url.toString(),
    headers: flattenHeaders(req),
    params: decodeParams(match.groups ?? {}),
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
  const context = new InvocationContext({
    invocationId: randomUUID(),
    functionName: match.route.fn.name,
    logHandler: (level: LogLevel, ...args: unknown[]) => options.log?.(`[${match.route.fn.name}] ${level}: ${args.map(String).join(' ')}`),
  });
  await send(res, await match.route.fn.handler(request, context));
}

function findRoute(routes: readonly CompiledRoute[], pathname: string): { route: CompiledRoute; groups: Record<string, string> | undefined } | undefined {
  for (const route of routes) {
    const result = route.pattern.exec(pathname);
    if (result) return { route, groups: result.groups };
  }
  return undefined;
}

function decodeParams(groups: Record<string, string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    if (value === undefined) continue;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value;
    }
  }
  return params;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Azure's front end tells the function who called, as "address:port" ("[v6 address]:port"); so does this host.
  const address = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] ??= `${address.includes(':') ? `[${address}]` : address}:${req.socket.remotePort ?? 0}`;
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Converts the handler's result the way the Functions host does, via the library's HttpResponse. */
async function send(res: ServerResponse, init: HttpResponseInit): Promise<void> {
  const response = new HttpResponse(init);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(body);
}
