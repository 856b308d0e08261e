import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves a folder read-only on loopback, as the storage static website does in production. */
export async function startStaticServer(root: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const absoluteRoot = path.resolve(root);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(absoluteRoot, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    // resolve() collapses "..", so anything outside the root is a traversal attempt.
    if (!file.startsWith(absoluteRoot + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file)
      .then((info) => (info.isFile() ? readFile(file) : Promise.reject(new Error('not a file'))))
      .then((content) => {
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(content);
      })
      .catch(() => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
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
