/**
 * The words of a push notification. They name who sent the message but never contain the code
 * or the text: a push lands on a lock screen, in Pushover's servers and in Apple's or Google's
 * push relays, none of which the passkey protects.
 */
export interface Announcement {
  readonly title: string;
  readonly message: string;
  readonly urlTitle: string;
}

const MAX_LABEL_LENGTH = 40;

/**
 * The service name comes out of an SMS anyone can send, so it is cut short and stripped of
 * control and bidi-override characters that could make a title read as something else.
 */
export function displayLabel(raw: string): string {
  const cleaned = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > MAX_LABEL_LENGTH ? `${cleaned.slice(0, MAX_LABEL_LENGTH - 1)}…` : cleaned;
}

export function announce(input: { readonly service: string | null; readonly sender: string; readonly hasCode: boolean; readonly ttlMinutes: number }): Announcement {
  const label = displayLabel(input.service ?? input.sender) || 'an unknown sender';
  const lifetime = `It expires in ${formatMinutes(input.ttlMinutes)}.`;
  return input.hasCode
    ? { title: `Code from ${label}`, message: `Tap to reveal it with your passkey. ${lifetime}`, urlTitle: 'Reveal code' }
    : { title: `New message from ${label}`, message: `Tap to read it with your passkey. ${lifetime}`, urlTitle: 'Read message' };
}

function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  return rounded === 1 ? '1 minute' : `${rounded} minutes`;
}

/** The reveal page link. The id is a capability, not a secret to hide from the push. */
export function revealUrl(frontendOrigin: string, messageId: string): string {
  return `${frontendOrigin}/?m=${encodeURIComponent(messageId)}`;
}
