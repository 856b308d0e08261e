/** Numbers arrive as "+447700900000", "447700900000" or "0044 7700 900000"; compare digits only. */
export function normalizePhoneNumber(number: string): string {
  return number.replace(/[\s().-]/g, '').replace(/^\+/, '').replace(/^00/, '');
}

/**
 * Who a message is for. Without routing every user gets every message (the single-user and
 * the "shared number" team). With routing, the destination number's entry wins, then "*", and
 * a number nobody configured still reaches every user: a code nobody is told about is worse
 * than one told to the whole team.
 */
export function routeRecipients(
  destination: string,
  allUserIds: readonly string[],
  routing: ReadonlyMap<string, readonly string[]> | undefined,
): readonly string[] {
  if (!routing) return allUserIds;
  return routing.get(normalizePhoneNumber(destination)) ?? routing.get('*') ?? allUserIds;
}
