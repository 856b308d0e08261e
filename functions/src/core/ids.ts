import { randomBytes } from 'node:crypto';

/**
 * An identifier that doubles as a capability: whoever knows a message id can ask to reveal it
 * (the passkey check still stands in the way), so it must not be guessable. 16 bytes = 128 bits.
 */
export function newUnguessableId(bytes = 16): string {
  if (bytes < 16) throw new RangeError('unguessable ids need at least 16 random bytes');
  return randomBytes(bytes).toString('base64url');
}

