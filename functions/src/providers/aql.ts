import { createHash, timingSafeEqual } from 'node:crypto';
import { FIELD_LENGTH_CAPS, PHONE_NUMBER, PRINTABLE_TEXT, SENDER, optionalField, readFields, requiredField } from './fields';
import type { ProviderDefinition } from './index';
import { requireSetting } from './settings';
import type { ParseResult, SmsProvider, WebhookRejection, WebhookRequest } from './types';

/**
 * AQL virtual numbers. AQL signs nothing: the only proof that a request comes from AQL is a
 * secret "verification variable" the operator puts in the webhook URL (`?key=…`).
 */

const WEBHOOK_KEY_SETTING = 'AQL_WEBHOOK_KEY';
/** The key is the webhook's only protection, so it must not be guessable: at least ~96 bits. */
const MIN_WEBHOOK_KEY_LENGTH = 16;

/**
 * AQL's field names. gwNumber is our virtual number, originator the sender. The time and coding
 * fields are not needed downstream but are still bounded so junk cannot ride along.
 */
const AQL_FIELDS = {
  id: requiredField(FIELD_LENGTH_CAPS.messageId, PRINTABLE_TEXT),
  gwNumber: requiredField(FIELD_LENGTH_CAPS.phoneNumber, PHONE_NUMBER),
  originator: requiredField(FIELD_LENGTH_CAPS.phoneNumber, SENDER),
  message: requiredField(FIELD_LENGTH_CAPS.messageText),
  smsTime: optionalField(FIELD_LENGTH_CAPS.metadata, PRINTABLE_TEXT),
  timeZone: optionalField(FIELD_LENGTH_CAPS.metadata, PRINTABLE_TEXT),
  time: optionalField(FIELD_LENGTH_CAPS.metadata, PRINTABLE_TEXT),
  coding: optionalField(FIELD_LENGTH_CAPS.metadata, PRINTABLE_TEXT),
};

const INVALID_KEY: WebhookRejection = { status: 403, error: 'invalid or missing webhook key' };

function createAqlProvider(webhookKey: string): SmsProvider {
  const expectedKeyDigest = sha256(webhookKey);
  return {
    name: 'aql',
    authenticate(request: WebhookRequest): WebhookRejection | undefined {
      // Only the query carries the key: it is part of the URL configured at AQL.
      const givenKeys = request.query.get('key') ?? [];
      const [givenKey] = givenKeys;
      if (givenKeys.length !== 1 || givenKey === undefined) {
        return INVALID_KEY;
      }
      // A plain === returns at the first differing character, letting an attacker recover the
      // key byte by byte from response times. Comparing fixed-length digests in constant time
      // also hides the key's length, which timingSafeEqual on the raw keys would not.
      return timingSafeEqual(sha256(givenKey), expectedKeyDigest) ? undefined : INVALID_KEY;
    },
    parse(request: WebhookRequest): ParseResult {
      const fields = readFields(request, AQL_FIELDS);
      if (!fields.ok) {
        return fields;
      }
      const { id, gwNumber, originator, message } = fields.values;
      return { ok: true, sms: { provider: 'aql', providerMessageId: id, from: originator, to: gwNumber, text: message } };
    },
    acknowledge() {
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'ok' }) };
    },
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export const aqlProvider: ProviderDefinition = {
  name: 'aql',
  requiredSettings: [WEBHOOK_KEY_SETTING],
  create(settings) {
    const key = requireSetting(settings, WEBHOOK_KEY_SETTING);
    if (key.length < MIN_WEBHOOK_KEY_LENGTH) {
      throw new Error(`${WEBHOOK_KEY_SETTING} must be at least ${MIN_WEBHOOK_KEY_LENGTH} characters; generate one with: openssl rand -base64 24`);
    }
    return createAqlProvider(key);
  },
};
