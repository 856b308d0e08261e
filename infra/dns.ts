import * as pulumi from '@pulumi/pulumi';
import * as cloudflare from '@pulumi/cloudflare';

export interface AuthHostDnsArgs {
  readonly zoneId: string;
  /** e.g. auth.example.com */
  readonly authHost: string;
  /** The storage static website's own host, e.g. <account>.z6.web.core.windows.net. */
  readonly webHost: pulumi.Input<string>;
  readonly manageRules: boolean;
}

/**
 * HTTPS on the auth host for a storage static website, which has no certificate for custom
 * domains of its own. Cloudflare proxies the host: browsers get Cloudflare's edge certificate for
 * auth.example.com, and Cloudflare fetches from the website endpoint over HTTPS. An origin rule
 * rewrites the Host header (and with it the SNI) to the endpoint's own name, so Azure recognises
 * the request and presents a certificate that matches; a configuration rule demands a valid
 * certificate for this host ("Full (strict)") whatever the zone's default SSL mode is.
 */
export class AuthHostDns extends pulumi.ComponentResource {
  public readonly record: cloudflare.DnsRecord;

  constructor(name: string, args: AuthHostDnsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('sms2fa:infra:AuthHostDns', name, {}, opts);
    const parent = { parent: this };
    const matchesHost = `(http.host eq "${args.authHost}")`;

    this.record = new cloudflare.DnsRecord('auth-host', {
      zoneId: args.zoneId,
      name: args.authHost,
      type: 'CNAME',
      content: args.webHost,
      // Proxied is what gives the host HTTPS; DNS-only would send browsers to Azure's endpoint,
      // which has no certificate for this name.
      proxied: true,
      // 1 = automatic, the only TTL Cloudflare accepts for proxied records.
      ttl: 1,
      comment: 'sms2fa: reveal and register pages (Azure Storage static website)',
    }, parent);

    if (args.manageRules) {
      new cloudflare.Ruleset('origin-host', {
        zoneId: args.zoneId,
        kind: 'zone',
        phase: 'http_request_origin',
        name: 'sms2fa origin rules',
        description: 'Send the auth host to the Azure Storage static website under its own name',
        rules: [{
          action: 'route',
          expression: matchesHost,
          description: `sms2fa: ${args.authHost} → Azure static website`,
          enabled: true,
          actionParameters: { hostHeader: args.webHost },
        }],
      }, parent);
      new cloudflare.Ruleset('strict-tls', {
        zoneId: args.zoneId,
        kind: 'zone',
        phase: 'http_config_settings',
        name: 'sms2fa configuration rules',
        description: 'Verify the origin certificate for the auth host',
        rules: [{
          action: 'set_config',
          expression: matchesHost,
          description: `sms2fa: ${args.authHost} origin TLS is Full (strict)`,
          enabled: true,
          actionParameters: { ssl: 'strict' },
        }],
      }, parent);
    }
    this.registerOutputs({ record: this.record.name });
  }
}
