// The Cloudflare Worker in front of the auth host. A storage static website has no certificate for
// a custom domain, so browsers reach auth.example.com at Cloudflare's edge (Cloudflare's
// certificate) and this Worker fetches each page from the website endpoint by its own name over
// HTTPS, where the Workers runtime verifies Azure's certificate. No zone-wide SSL mode, Enterprise
// origin rule or custom-domain registration is involved.
//
// It runs in the Workers runtime, not Node: only web-standard APIs (fetch, Request, Response,
// Headers, URL) and no imports. infra/edge/build.ts bundles it; the tests run it in Node, which has
// the same APIs.

/** The Worker's bindings (set by infra/dns.ts). */
export interface PagesProxyEnv {
  /** The static website endpoint, e.g. https://<account>.z6.web.core.windows.net */
  readonly ORIGIN: string;
}

/** Request headers worth passing on: revalidation and content negotiation. Cookies and the like stay behind. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'if-none-match', 'if-modified-since'] as const;

/**
 * What every answer carries. The pages' Content-Security-Policy is in their meta tags (built with
 * the API origin); a header adds what a meta tag cannot: frame-ancestors, so no other site can
 * frame the reveal page. HSTS covers this host only, never the operator's other subdomains.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra } });
}

/** Answers one browser request from the origin; exported for the tests, which pass their own fetch. */
export async function serveFromOrigin(request: Request, origin: string, fetchOrigin: typeof fetch = fetch): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'only GET and HEAD are served here\n', { allow: 'GET, HEAD' });
  const url = new URL(request.url);
  // Concatenated, never resolved: a path such as //other.example must stay a path on the origin.
  const upstreamUrl = `${origin.replace(/\/+$/, '')}${url.pathname}${url.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetchOrigin(upstreamUrl, { method: request.method, headers, redirect: 'manual' });
  } catch {
    return plain(502, 'the pages are unreachable right now; try again in a moment\n');
  }
  const responseHeaders = new Headers(upstream.headers);
  // Azure's request ids and versions say nothing the browser needs.
  for (const name of [...responseHeaders.keys()]) if (name.startsWith('x-ms-')) responseHeaders.delete(name);
  responseHeaders.delete('server');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) responseHeaders.set(name, value);
  const bodyless = request.method === 'HEAD' || upstream.status === 204 || upstream.status === 304;
  return new Response(bodyless ? null : upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
}

export default {
  fetch(request: Request, env: PagesProxyEnv): Promise<Response> {
    return serveFromOrigin(request, env.ORIGIN);
  },
};
