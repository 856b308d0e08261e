import type { FieldMap, WebhookRejection, WebhookRequest } from './types';

/**
 * Field reading shared by every provider module, so that "missing", "given twice", "too long"
 * and "malformed" mean the same thing (and produce the same 400 wording) for all providers.
 */

/** Caps on field lengths, in Unicode code points (what a person would call characters). */
export const FIELD_LENGTH_CAPS = {
  /** Provider message ids: Twilio's are 34 characters; 128 leaves room for any other provider. */
  messageId: 128,
  /** E.164 allows at most 15 digits; 32 tolerates a prefix or separators before the shape check. */
  phoneNumber: 32,
  /**
   * A concatenated SMS that people actually receive stays well below this (Twilio caps bodies
   * at 1,600 characters); anything longer is not an SMS.
   */
  messageText: 2000,
  /** Auxiliary metadata such as timestamps, time zones and coding names. */
  metadata: 64,
} as const;

/** A check on a field's shape, described in words for the 400 message. */
export interface FieldShape {
  /** Completes "field "x" is not …", e.g. "a phone number". */
  readonly description: string;
  readonly matches: (value: string) => boolean;
}

export interface FieldRule {
  readonly required: boolean;
  readonly maxLength: number;
  readonly shape?: FieldShape;
}

export function requiredField(maxLength: number, shape?: FieldShape): FieldRule & { readonly required: true } {
  return { required: true, maxLength, shape };
}

export function optionalField(maxLength: number, shape?: FieldShape): FieldRule & { readonly required: false } {
  return { required: false, maxLength, shape };
}

/** A phone number in E.164 form, with or without the leading '+' (AQL omits it, Twilio sends it). */
export const PHONE_NUMBER: FieldShape = {
  description: 'a phone number',
  matches: (value) => /^\+?[0-9]{3,15}$/.test(value),
};

/**
 * Senders are either phone numbers (including short codes) or alphanumeric sender ids such as
 * "GitHub" or "HMRC". GSM limits the latter to 11 characters; a little slack and a few
 * punctuation marks tolerate operators that bend the rule.
 */
export const SENDER: FieldShape = {
  description: 'a phone number or an alphanumeric sender id',
  matches: (value) => PHONE_NUMBER.matches(value) || /^[A-Za-z0-9][A-Za-z0-9 .&_-]{0,15}$/.test(value),
};

/**
 * Ids and metadata end up in storage keys and logs; control characters (newlines, NUL, escape
 * sequences) have no business there and could forge log lines.
 */
export const PRINTABLE_TEXT: FieldShape = {
  description: 'printable text',
  matches: (value) => !/\p{Cc}/u.test(value),
};

export type FieldValues<Rules extends Record<string, FieldRule>> = {
  readonly [Name in keyof Rules]: Rules[Name] extends { readonly required: true } ? string : string | undefined;
};

export type FieldsResult<Values> = { readonly ok: true; readonly values: Values } | { readonly ok: false; readonly rejection: WebhookRejection };

/**
 * Reads the named fields from the body first, then the query (providers deliver either way, and
 * some put fixed parameters in the configured URL). Fields not named in the rules are ignored.
 * The first field that breaks its rule, in declaration order, is reported.
 */
export function readFields<Rules extends Record<string, FieldRule>>(request: WebhookRequest, rules: Rules): FieldsResult<FieldValues<Rules>> {
  const values: Record<string, string | undefined> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const read = readField(request, name, rule);
    if (!read.ok) {
      return read;
    }
    values[name] = read.value;
  }
  // Every key of Rules was assigned above and required ones are non-empty strings.
  return { ok: true, values: values as FieldValues<Rules> };
}

type FieldResult = { readonly ok: true; readonly value: string | undefined } | { readonly ok: false; readonly rejection: WebhookRejection };

function readField(request: WebhookRequest, name: string, rule: FieldRule): FieldResult {
  const given = [...valuesOf(request.body, name), ...valuesOf(request.query, name)];
  // The same value repeated (say in body and query) is harmless; two different values leave
  // it ambiguous which one the provider meant, and guessing could mis-file a code.
  if (new Set(given).size > 1) {
    return fieldRejection(`field "${name}" is given more than once with different values`);
  }
  const value = given[0];
  if (value === undefined || value === '') {
    return rule.required ? fieldRejection(`missing field "${name}"`) : { ok: true, value: undefined };
  }
  if (codePointLength(value) > rule.maxLength) {
    return fieldRejection(`field "${name}" is longer than ${rule.maxLength} characters`);
  }
  if (rule.shape !== undefined && !rule.shape.matches(value)) {
    return fieldRejection(`field "${name}" is not ${rule.shape.description}`);
  }
  return { ok: true, value };
}

function valuesOf(fields: FieldMap, name: string): readonly string[] {
  return fields.get(name) ?? [];
}

function codePointLength(text: string): number {
  // String iteration yields code points, so an emoji counts once rather than as two UTF-16 units.
  return Array.from(text).length;
}

function fieldRejection(error: string): { readonly ok: false; readonly rejection: WebhookRejection } {
  return { ok: false, rejection: { status: 400, error } };
}
