import { randomBytes } from 'node:crypto';
import { open, parseEncryptionKey, seal, SealError } from '../../functions/src/core/crypto';

const key = randomBytes(32);
const rowId = 'row-A';

function flipByteInPart(sealed: string, partIndex: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[partIndex], 'base64url');
  bytes[0] ^= 0x01;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

describe('AES-256-GCM sealing', () => {
  test('round trip, including non-ASCII text', () => {
    const plaintext = JSON.stringify({ code: '493817', text: 'Votre code est 493817 — ne le partagez pas 🙂' });
    expect(open(seal(plaintext, key, rowId), key, rowId)).toBe(plaintext);
  });

  test('the sealed value does not contain the plaintext and differs each time (random IV)', () => {
    const first = seal('493817', key, rowId);
    const second = seal('493817', key, rowId);
    expect(first).not.toContain('493817');
    expect(Buffer.from(first.split('.')[2], 'base64url').toString('utf8')).not.toContain('493817');
    expect(first).not.toBe(second);
  });

  test.each([
    ['iv', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ])('a tampered %s fails to open', (_name, partIndex) => {
    const sealed = seal('secret text', key, rowId);
    expect(() => open(flipByteInPart(sealed, partIndex), key, rowId)).toThrow(SealError);
  });

  test('a value moved to another row (different associated data) fails to open', () => {
    expect(() => open(seal('secret', key, rowId), key, 'row-B')).toThrow(SealError);
  });

  test('the wrong key fails to open', () => {
    expect(() => open(seal('secret', key, rowId), randomBytes(32), rowId)).toThrow(SealError);
  });

  test('malformed or unknown formats are refused, not crashed on', () => {
    expect(() => open('v2.a.b.c', key, rowId)).toThrow(SealError);
    expect(() => open('v1.only-two', key, rowId)).toThrow(SealError);
    expect(() => open('v1.AAAA.AAAA.AAAA', key, rowId)).toThrow(SealError);
  });

  test('keys must be exactly 32 bytes of valid base64', () => {
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(() => parseEncryptionKey(randomBytes(16).toString('base64'))).toThrow(SealError);
    expect(() => parseEncryptionKey('not base64 at all!!')).toThrow(SealError);
  });
});
