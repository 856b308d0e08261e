import * as pulumi from '@pulumi/pulumi';
import * as cloudflare from '@pulumi/cloudflare';
import { PAGES_PROXY_MODULE } from './edge/build';

export interface AuthHostArgs {
  readonly zoneId: string;
  /** e.g. auth.example.com */
  readonly authHost: string;
  /** The storage static website's own host, e.g. <account>.z6.web.core.windows.net. */
  readonly webHost: pulumi.Input<string>;
  /** The bundled Worker (infra/edge/pages-proxy.ts). */
  readonly workerSource: string;
  /** Worker names are per Cloudflare account; the stack's name keeps two stacks apart. */
  readonly workerName: string;
}

/** Whether a host name belongs to a DNS zone: the apex itself or a name under it. */
export function isInZone(host: string, zoneName: string): boolean {
  const zone = zoneName.toLowerCase().replace(/\.$/, '');
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === zone || name.endsWith(`.${zone}`);
}

/**
 * HTTPS on the auth host for a storage static website, which has no certificate for custom
 * domains of its own. The host is a proxied Cloudflare record, so browsers get Cloudflare's edge
 * certificate for it, and a Worker on the host's route fetches every page from the website
 * endpoint under the endpoint's own name, over HTTPS with Azure's certificate verified. (An
 * origin rule rewriting the Host header would do the same without code, but only on Cloudflare's
 * Enterprise plan; the custom domain registered on the storage account would leave the hop to
 * Azure unverified, "Full" rather than "Full (strict)".)
 */
export class AuthHost extends pulumi.ComponentResource {
  public readonly record: cloudflare.DnsRecord;
  public readonly worker: cloudflare.WorkersScript;
  public readonly route: cloudflare.WorkersRoute;

  constructor(name: string, args: AuthHostArgs, opts?: pulumi.ComponentResourceOptions) {
    super('sms2fa:infra:AuthHost', name, {}, opts);
    const parent = { parent: this };

    const zone = cloudflare.getZoneOutput({ zoneId: args.zoneId }, parent);
    const accountId = zone.apply((found) => {
      // Caught here rather than by a DNS record that silently lands in another domain.
      if (!isInZone(args.authHost, found.name)) {
        throw new Error(`sms2fa:authHost ${args.authHost} is not in the Cloudflare zone ${found.name} (${args.zoneId}); set sms2fa:cloudflareZoneId to the zone that holds it`);
      }
      return found.account.id;
    });

    this.record = new cloudflare.DnsRecord('auth-host', {
      zoneId: args.zoneId,
      name: args.authHost,
      type: 'CNAME',
      // The Worker answers every request, so the target is only where Cloudflare would go
      // without it (and Azure answers that with an error, never with someone else's site).
      content: args.webHost,
      // Proxied is what puts Cloudflare's certificate and the Worker in front.
      proxied: true,
      // 1 = automatic, the only TTL Cloudflare accepts for proxied records.
      ttl: 1,
      comment: 'sms2fa: reveal and register pages (Worker in front of an Azure Storage static website)',
    }, parent);

    this.worker = new cloudflare.WorkersScript('pages-proxy', {
      accountId,
      scriptName: args.workerName,
      content: args.workerSource,
      mainModule: PAGES_PROXY_MODULE,
      compatibilityDate: '2025-09-01',
      bindings: [{ name: 'ORIGIN', type: 'plain_text', text: pulumi.interpolate`https://${args.webHost}` }],
    }, parent);

    this.route = new cloudflare.WorkersRoute('pages-route', {
      zoneId: args.zoneId,
      pattern: `${args.authHost}/*`,
      script: this.worker.scriptName,
    }, parent);
    this.registerOutputs({ record: this.record.name, worker: this.worker.scriptName });
  }
}
