import { announce, displayLabel, revealUrl } from '../../functions/src/core/announcement';
import { normalizePhoneNumber, routeRecipients } from '../../functions/src/core/routing';

describe('push wording', () => {
  test('names the service for a code and the sender for a plain message', () => {
    expect(announce({ service: 'GitHub', sender: '+447700900123', hasCode: true, ttlMinutes: 10 }).title).toBe('Code from GitHub');
    expect(announce({ service: null, sender: '+447700900123', hasCode: false, ttlMinutes: 10 }).title).toBe('New message from +447700900123');
    expect(announce({ service: null, sender: 'HSBC', hasCode: true, ttlMinutes: 1 }).message).toContain('1 minute.');
  });

  test('labels from SMS text lose control and bidi characters and are cut short', () => {
    expect(displayLabel('Bank\u202Eevil\u0007\nname')).toBe('Bank evil name');
    const long = displayLabel('A'.repeat(100));
    expect(long.length).toBe(40);
    expect(long.endsWith('…')).toBe(true);
  });

  test('the reveal link carries only the message id', () => {
    expect(revealUrl('https://auth.example.com', 'abc_DEF-123')).toBe('https://auth.example.com/?m=abc_DEF-123');
  });
});

describe('recipient routing', () => {
  const users = ['alice', 'bob', 'carol'];
  const routing = new Map<string, readonly string[]>([
    ['447700900001', ['alice']],
    ['*', ['bob']],
  ]);

  test('no routing: every user', () => {
    expect(routeRecipients('+447700900001', users, undefined)).toEqual(users);
  });

  test('the number entry wins, in any spelling of the number', () => {
    expect(routeRecipients('+44 7700 900001', users, routing)).toEqual(['alice']);
    expect(routeRecipients('00447700900001', users, routing)).toEqual(['alice']);
  });

  test('unknown numbers fall back to "*", then to everyone', () => {
    expect(routeRecipients('+447700900999', users, routing)).toEqual(['bob']);
    expect(routeRecipients('+447700900999', users, new Map([['447700900001', ['alice']]]))).toEqual(users);
  });

  test('phone numbers normalise to digits', () => {
    expect(normalizePhoneNumber('+44 (7700) 900-001')).toBe('447700900001');
  });
});
