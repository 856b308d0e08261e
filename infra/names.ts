import { createHash } from 'node:crypto';

/** Azure names of the stack's resources. */
export interface ResourceNames {
  readonly resourceGroup: string;
  /** Globally unique, 3–24 lower-case letters and digits. */
  readonly storageAccount: string;
  /** Globally unique; also the API's host name, <functionApp>.azurewebsites.net. */
  readonly functionApp: string;
  readonly plan: string;
  readonly insights: string;
  readonly logs: string;
}

/**
 * Names are derived, not random: the API's URL has to be known while the program runs, because
 * the pages are built with it (config.json and the Content-Security-Policy) and the function app's
 * own PUBLIC_API_BASE_URL names it, before Azure has created anything. A hash of subscription,
 * project and stack makes them globally unique yet the same on every `pulumi up`.
 */
export function resourceNames(subscriptionId: string, project: string, stack: string): ResourceNames {
  const digest = createHash('sha256').update(`${subscriptionId}/${project}/${stack}`).digest('hex');
  const slug = stack.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'stack';
  return {
    resourceGroup: `sms2fa-${slug}`,
    storageAccount: `sms2fa${digest.slice(0, 12)}`,
    functionApp: `sms2fa-${slug}-${digest.slice(0, 8)}`,
    plan: `sms2fa-${slug}-plan`,
    insights: `sms2fa-${slug}-insights`,
    logs: `sms2fa-${slug}-logs`,
  };
}
