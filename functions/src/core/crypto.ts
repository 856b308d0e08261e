import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing for message secrets (the code and the full text).
 *
 * The row id is bound in as associated data: a sealed value copied into another row fails to
 * open, so someone with write access to the table cannot make a revealable message show
 * another message's code. The format carries a version so the key or algorithm can change
 * without guessing what old rows hold.
 */
const FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // the GCM standard nonce size; random per seal, never reused with a key
const TAG_BYTES = 16;

export class SealError extends Error {}

export function parseEncryptionKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  // Buffer.from silently drops invalid base64 characters, so check the round trip too.
  if (key.length !== 32 || key.toString('base64') !== base64Key.trim()) {
    throw new SealError('the encryption key must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  return key;
}

export function seal(plaintext: string, key: Buffer, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT_VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function open(sealed: string, key: Buffer, associatedData: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) throw new SealError('unknown sealed format');
  const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealError('malformed sealed value');
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node's message ("Unsupported state or unable to authenticate data") says nothing useful.
    throw new SealError('sealed value failed authentication (tampered, wrong key or wrong row)');
  }
}
