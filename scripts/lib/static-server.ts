import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Text compresses well; images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

export interface StaticServerOptions {
  /**
   * The pages' own policy (the one in their meta tag), sent as a header too, where it can also
   * forbid framing: frame-ancestors is ignored in a meta tag.
   */
  readonly contentSecurityPolicy?: string;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accepted = req.headers['accept-encoding'] ?? '';
  return accepted.split(',').some((entry) => {
    const [coding, ...parameters] = entry.split(';').map((part) => part.trim());
    return coding === 'gzip' && !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
  });
}

/** Serves a folder read-only on loopback, as the storage static website does in production. */
export async function startStaticServer(root: string, port: number, options: StaticServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const absoluteRoot = path.resolve(root);
  const securityHeaders: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    // The reveal page's address carries a message id; no request it makes should pass it on.
    'Referrer-Policy': 'no-referrer',
    ...(options.contentSecurityPolicy ? { 'Content-Security-Policy': `${options.contentSecurityPolicy}; frame-ancestors 'none'` } : {}),
  };
  const server: Server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, securityHeaders).end();
      return;
    }
    const file = path.resolve(absoluteRoot, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    // resolve() collapses "..", so anything outside the root is a traversal attempt.
    if (!file.startsWith(absoluteRoot + path.sep)) {
      res.writeHead(403, securityHeaders).end();
      return;
    }
    stat(file)
      .then((info) => (info.isFile() ? readFile(file) : Promise.reject(new Error('not a file'))))
      .then((content) => {
        const extension = path.extname(file);
        const compressed = COMPRESSIBLE.has(extension) && acceptsGzip(req) ? gzipSync(content) : undefined;
        // A tiny file (config.json) grows under gzip: send whichever is smaller.
        const compress = compressed !== undefined && compressed.length < content.length;
        const body = compress ? compressed : content;
        res.writeHead(200, {
          ...securityHeaders,
          'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
          'Content-Length': String(body.length),
          'Cache-Control': 'no-cache',
          ...(COMPRESSIBLE.has(extension) ? { Vary: 'Accept-Encoding' } : {}),
          ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch(() => {
        res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    url: `http://localhost:${typeof address === 'object' && address ? address.port : port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
