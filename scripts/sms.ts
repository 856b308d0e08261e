// `npm run sms -- [--provider aql|twilio] [--from +447700900123] [--to <our number>] "<text>"`
// Posts a correctly formed (for Twilio: correctly signed) webhook to the local stack.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { LOCAL_VIRTUAL_NUMBER, loadOrCreateLocalSecrets, localStackSettings } from './lib/local-settings';

const USAGE = 'usage: npm run sms -- [--provider aql|twilio] [--from +447700900123] [--to +447700900000] [--id <provider message id>] "<text>"';

interface Delivery {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function aqlDelivery(apiUrl: string, key: string, from: string, to: string, text: string, id: string): Delivery {
  const fields = { gwNumber: to, originator: from, message: text, id, smsTime: new Date().toISOString().slice(0, 19).replace('T', ' '), timeZone: 'UTC' };
  return {
    url: `${apiUrl}/api/sms/aql?key=${encodeURIComponent(key)}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

function twilioDelivery(apiUrl: string, authToken: string, from: string, to: string, text: string, id: string): Delivery {
  const url = `${apiUrl}/api/sms/twilio`;
  const fields = { MessageSid: id, AccountSid: `AC${randomBytes(16).toString('hex')}`, From: from, To: to, Body: text, NumMedia: '0', NumSegments: '1' };
  return {
    url,
    // Signed by Twilio's own SDK, exactly as Twilio would sign it.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': getExpectedTwilioSignature(authToken, url, fields) },
    body: new URLSearchParams(fields).toString(),
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      provider: { type: 'string', default: 'aql' },
      from: { type: 'string', default: '+447700900123' },
      to: { type: 'string', default: LOCAL_VIRTUAL_NUMBER },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const settings = localStackSettings();
  const secrets = loadOrCreateLocalSecrets(settings.dataDir);
  const text = positionals[0];
  let delivery: Delivery;
  if (values.provider === 'aql') {
    delivery = aqlDelivery(settings.apiUrl, secrets.aqlWebhookKey, values.from, values.to, text, values.id ?? `local-${randomBytes(8).toString('hex')}`);
  } else if (values.provider === 'twilio') {
    delivery = twilioDelivery(settings.apiUrl, secrets.twilioAuthToken, values.from, values.to, text, values.id ?? `SM${randomBytes(16).toString('hex')}`);
  } else {
    console.error(`unknown provider "${values.provider}"\n${USAGE}`);
    return 2;
  }

  let response: Response;
  try {
    response = await fetch(delivery.url, { method: 'POST', headers: delivery.headers, body: delivery.body });
  } catch {
    console.error(`could not reach the local stack at ${settings.apiUrl}: is \`npm start\` running?`);
    return 1;
  }
  const body = await response.text();
  console.log(`${response.status} ${response.statusText}${body ? `\n${body}` : ''}`);
  return response.ok ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
