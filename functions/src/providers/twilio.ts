import { createHmac, timingSafeEqual } from 'node:crypto';
import { FIELD_LENGTH_CAPS, PHONE_NUMBER, SENDER, optionalField, readFields, requiredField, type FieldShape } from './fields';
import type { ProviderDefinition } from './index';
import { requireSetting } from './settings';
import type { FieldMap, ParseResult, SmsProvider, WebhookRejection, WebhookRequest } from './types';

/**
 * Twilio Programmable Messaging. Twilio signs every webhook with the account's auth token
 * (X-Twilio-Signature), so authenticity does not depend on keeping the URL secret.
 */

const AUTH_TOKEN_SETTING = 'TWILIO_AUTH_TOKEN';

/** An empty TwiML response: acknowledges the message without Twilio sending a reply SMS. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const INVALID_SIGNATURE: WebhookRejection = { status: 403, error: 'invalid Twilio signature' };

function twilioSid(prefixes: readonly string[]): FieldShape {
  const pattern = new RegExp(`^(${prefixes.join('|')})[0-9a-fA-F]{32}$`);
  return { description: `a Twilio id (${prefixes.join(' or ')} and 32 hex digits)`, matches: (value) => pattern.test(value) };
}

/** Twilio's field names. SM… is an SMS, MM… an MMS (whose text still arrives in Body). */
const TWILIO_FIELDS = {
  MessageSid: requiredField(FIELD_LENGTH_CAPS.messageId, twilioSid(['SM', 'MM'])),
  AccountSid: optionalField(FIELD_LENGTH_CAPS.messageId, twilioSid(['AC'])),
  From: requiredField(FIELD_LENGTH_CAPS.phoneNumber, SENDER),
  To: requiredField(FIELD_LENGTH_CAPS.phoneNumber, PHONE_NUMBER),
  // An empty Body counts as missing: a text without text carries no code.
  Body: requiredField(FIELD_LENGTH_CAPS.messageText),
};

function createTwilioProvider(authToken: string): SmsProvider {
  return {
    name: 'twilio',
    authenticate(request: WebhookRequest): WebhookRejection | undefined {
      const signature = request.headers.get('x-twilio-signature');
      if (signature === null) {
        return INVALID_SIGNATURE;
      }
      // Twilio signs the POST fields; a GET has none (its body map is empty) because its fields
      // are in the URL, which is signed already.
      const isValid = urlVariantsTwilioMaySign(request.publicUrl).some((url) =>
        signaturesMatch(signature, computeTwilioSignature(authToken, url, request.body)),
      );
      return isValid ? undefined : INVALID_SIGNATURE;
    },
    parse(request: WebhookRequest): ParseResult {
      const fields = readFields(request, TWILIO_FIELDS);
      if (!fields.ok) {
        return fields;
      }
      const { MessageSid, From, To, Body } = fields.values;
      return { ok: true, sms: { provider: 'twilio', providerMessageId: MessageSid, from: From, to: To, text: Body } };
    },
    acknowledge() {
      return { status: 200, headers: { 'content-type': 'text/xml' }, body: EMPTY_TWIML };
    },
  };
}

/**
 * Twilio's algorithm: HMAC-SHA1 keyed with the auth token over the URL followed by every field
 * name and value, names sorted, a repeated name's distinct values sorted (as Twilio's own SDK
 * does), all as UTF-8; base64-encoded.
 */
function computeTwilioSignature(authToken: string, url: string, fields: FieldMap): string {
  let signedText = url;
  for (const name of [...fields.keys()].sort()) {
    for (const value of [...new Set(fields.get(name))].sort()) {
      signedText += name + value;
    }
  }
  return createHmac('sha1', authToken).update(signedText, 'utf8').digest('base64');
}

/**
 * Twilio may sign the URL with or without an explicit port depending on how the webhook was
 * configured, so its SDK accepts both spellings; so do we. Both derive from the configured
 * public URL, never from request headers.
 */
function urlVariantsTwilioMaySign(url: string): readonly string[] {
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (parts === null) {
    return [url];
  }
  const [, scheme = '', authority = '', rest = ''] = parts;
  const userInfoEnd = authority.lastIndexOf('@') + 1;
  const userInfo = authority.slice(0, userInfoEnd);
  const hostAndPort = authority.slice(userInfoEnd);
  // A colon inside an IPv6 literal's brackets is not a port separator.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  const host = portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart);
  const defaultPort = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  const port = portStart === -1 ? defaultPort : hostAndPort.slice(portStart);
  return [scheme + userInfo + host + rest, scheme + userInfo + host + port + rest];
}

/** Constant time, so response timing reveals nothing about how close a forged signature came. */
function signaturesMatch(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  // The expected length is fixed by SHA-1 and public, so checking it first leaks nothing.
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

export const twilioProvider: ProviderDefinition = {
  name: 'twilio',
  requiredSettings: [AUTH_TOKEN_SETTING],
  create(settings) {
    return createTwilioProvider(requireSetting(settings, AUTH_TOKEN_SETTING));
  },
};
