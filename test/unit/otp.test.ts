import { extractOtp, OTP_CONFIDENCE_THRESHOLD } from '../../functions/src/core/otp';
import { OTP_CORPUS, type OtpCorpusEntry } from '../fixtures/otp-corpus';
import { HOLDOUT3_NEGATIVES, HOLDOUT3_POSITIVES } from '../fixtures/otp-corpus/holdout3';

const POSITIVES = OTP_CORPUS.filter((entry) => entry.code !== null);
const NEGATIVES = OTP_CORPUS.filter((entry) => entry.code === null);

function extract(entry: Pick<OtpCorpusEntry, 'text' | 'sender'>) {
  return extractOtp(entry.text, entry.sender === undefined ? undefined : { sender: entry.sender });
}

/** The languages issue 5 names; "zh-Hant" is Traditional Chinese. */
const REQUIRED_LANGUAGES = [
  'en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ro', 'hu', 'el', 'tr', 'ru', 'uk',
  'ar', 'fa', 'he', 'hi', 'bn', 'ur', 'id', 'ms', 'vi', 'th', 'zh', 'zh-Hant', 'ja', 'ko',
];

describe('OTP corpus', () => {
  it('is large enough to mean something', () => {
    expect(OTP_CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(POSITIVES.length).toBeGreaterThanOrEqual(250);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(100);
  });

  test.each(REQUIRED_LANGUAGES)('has messages with a code in %s', (language) => {
    expect(POSITIVES.filter((entry) => (entry.language ?? 'en') === language).length).toBeGreaterThanOrEqual(4);
  });

  it('has no duplicate messages', () => {
    const keys = OTP_CORPUS.map((entry) => `${entry.sender ?? ''}\u0000${entry.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(OTP_CORPUS.map((entry) => [entry.text, entry] as const))('%j', (_, entry) => {
    const result = extract(entry);
    expect(result.code).toBe(entry.code);
    expect(result.origin).toBe(entry.origin ?? null);
    if (entry.service !== undefined) expect(result.service).toBe(entry.service);
  });
});

describe('blind set in languages beyond the 33 (holdout3.ts)', () => {
  // Three known misses (see holdout3.ts); this floor catches any change that loses more.
  it('gets at least 176 of its 179 codes exactly', () => {
    const exact = HOLDOUT3_POSITIVES.filter((entry) => extract(entry).code === entry.code).length;
    expect(HOLDOUT3_POSITIVES).toHaveLength(179);
    expect(exact).toBeGreaterThanOrEqual(176);
  });

  test.each(HOLDOUT3_NEGATIVES.map((entry) => [entry.text, entry] as const))('no code in %j', (_, entry) => {
    expect(extract(entry).code).toBeNull();
  });
});

describe('result contract', () => {
  test.each(OTP_CORPUS.map((entry) => [entry.text, entry] as const))('%j', (_, entry) => {
    const result = extract(entry);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    if (result.code === null) expect(result.confidence).toBeLessThan(OTP_CONFIDENCE_THRESHOLD);
    else expect(result.confidence).toBeGreaterThanOrEqual(OTP_CONFIDENCE_THRESHOLD);
    // A fixed vocabulary of lower-case words: it cannot carry the code or any of the message.
    expect(result.reason).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    if (entry.code !== null) expect(result.reason).not.toContain(entry.code.toLowerCase());
  });

  it('answers an empty message with no code and no confidence', () => {
    expect(extractOtp('')).toEqual({ code: null, service: null, origin: null, confidence: 0, reason: 'no-candidate' });
  });

  it('has a threshold strictly between 0 and 1', () => {
    expect(OTP_CONFIDENCE_THRESHOLD).toBeGreaterThan(0);
    expect(OTP_CONFIDENCE_THRESHOLD).toBeLessThan(1);
  });

  it('stays linear on long adversarial input', () => {
    const started = Date.now();
    for (const filler of ['a.', '1 ', '1234-', 'code ', 'a@']) extractOtp(filler.repeat(10_000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('code shapes', () => {
  test.each([
    ['Your code is 4821', '4821'],
    ['Your code is 48213', '48213'],
    ['Your code is 482913', '482913'],
    ['Your code is 4829137', '4829137'],
    ['Your code is 48291370', '48291370'],
  ])('takes 4 to 8 digits: %j', (text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  test.each(['Your code is 482', 'Your code is 482913701'])('rejects shorter or longer numbers: %j', (text) => {
    expect(extractOtp(text).code).toBeNull();
  });

  test.each([
    ['Your code is 482 913', '482913'],
    ['Your code is 482-913', '482913'],
    ['Your code is 4829 1370', '48291370'],
    ['Your code is 4829-1370', '48291370'],
  ])('joins a code split into equal halves: %j', (text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  it('does not join unequal groups, which is how phone numbers are written', () => {
    expect(extractOtp('Your code is 482-9137')).toMatchObject({ code: null, reason: 'phone' });
    expect(extractOtp('Your code is 12-345')).toMatchObject({ code: null, reason: 'number-sequence' });
  });

  it('takes a year-like number only right after a keyword', () => {
    expect(extractOtp('Your code is 2024').code).toBe('2024');
    expect(extractOtp('Your code is valid until 2025').code).toBeNull();
  });

  it('strips Google\'s "G-" and names Google', () => {
    expect(extractOtp('G-482913 is your verification code.')).toEqual({
      code: '482913',
      service: 'Google',
      origin: null,
      confidence: expect.any(Number),
      reason: 'google-g-prefix',
    });
  });

  it('takes "G-" codes even without a keyword', () => {
    expect(extractOtp('G-482913').code).toBe('482913');
  });

  it('treats other letter-dash prefixes as identifiers', () => {
    expect(extractOtp('Your code for ORD-482913 is below')).toMatchObject({ code: null, reason: 'prefixed-id' });
  });

  it('accepts a keyword glued to its code by a dash', () => {
    expect(extractOtp('OTP-482913').code).toBe('482913');
  });

  test.each([
    ['Your code is A7B9KX', 'A7B9KX'],
    ['Your verification code: K3P9Q2', 'K3P9Q2'],
    ['Votre code est 7X3K9P', '7X3K9P'],
  ])('takes an alphanumeric code right after a keyword: %j', (text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  test.each([
    'Model A7B9KX is back in stock.',
    'Your code is ready. Reference A7B9KX.',
    'Your verification code was sent to device A7B9KX yesterday',
  ])('ignores alphanumeric tokens not introduced by a keyword: %j', (text) => {
    expect(extractOtp(text).code).toBeNull();
  });

  it('reads two dashed halves of an alphanumeric code as one code', () => {
    expect(extractOtp('Your code is 7X3K-9P2Q')).toMatchObject({ code: '7X3K9P2Q', reason: 'keyword-before' });
  });

  it('rejects an alphanumeric identifier of three dashed pieces rather than return a partial code', () => {
    expect(extractOtp('Your code is 7X3K-9P2Q-ZZ11')).toMatchObject({ code: null, reason: 'prefixed-id' });
    expect(extractOtp('Your code is AB-7X3K-9P2Q')).toMatchObject({ code: null, reason: 'prefixed-id' });
  });

  it('reads a lower-case code only with letters and digits both, right after a code noun', () => {
    expect(extractOtp('Your login code: x7k9qp')).toMatchObject({ code: 'x7k9qp' });
    expect(extractOtp('Your login code: abcdef')).toMatchObject({ code: null });
    expect(extractOtp('Your code expires in 10min')).toMatchObject({ code: null });
    expect(extractOtp('x7k9qp is what we call it, not a code')).toMatchObject({ code: null });
  });

  it('leaves quantities written in capitals alone', () => {
    expect(extractOtp('Your code is 10AM').code).toBeNull();
  });
});

describe('keyword direction', () => {
  it('scores a keyword before the code', () => {
    expect(extractOtp('Your verification code is 482913')).toMatchObject({ code: '482913', reason: 'keyword-before' });
  });

  it('scores a keyword after the code', () => {
    expect(extractOtp('482913 is your verification code')).toMatchObject({ code: '482913', reason: 'keyword-after' });
  });

  it('rejects a number with no keyword at all', () => {
    expect(extractOtp('482913')).toMatchObject({ code: null, reason: 'no-keyword' });
  });

  it('weakens a keyword across a sentence end', () => {
    expect(extractOtp('We will never ask for your code. Visit us at 1200 Main Street.')).toMatchObject({
      code: null,
      reason: 'keyword-too-far',
    });
  });

  it('prefers the number the keyword introduces over a later one', () => {
    expect(extractOtp('Your code is 482913, sent at 1430 hours from terminal 5501').code).toBe('482913');
  });

  it('matches keywords without accents, as GSM-7 messages often arrive', () => {
    expect(extractOtp('Tu codigo de verificacion es 482913').code).toBe('482913');
  });

  test.each([
    ['Polish without "ł"', 'Operacja nr 1 kwota 250,00 PLN haslo: 53081764', '53081764'],
    ['Vietnamese without "đ"', 'Ma dang nhap cua ban: 482913', '482913'],
    ['Turkish without "ı"', 'Tek kullanimlik sifreniz 482913', '482913'],
  ])('matches letters GSM-7 lacks when they arrive as plain look-alikes (%s)', (_, text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  test.each([
    ['fi', 'Kertakäyttöinen tunnuslukusi on 915273.', '915273'],
    ['hu', 'Az Ön egyszer használatos jelszava: 40928173.', '40928173'],
    ['tr', '482913 numaralı doğrulama kodunu kimseyle paylaşmayın.', '482913'],
    ['el (Greeklish)', 'O kwdikos epivevaiwsis einai 482913', '482913'],
  ])('knows the inflected and transliterated code nouns SMS use (%s)', (_, text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  test.each([
    ['hr', 'Vaša jednokratna lozinka je 482913', '482913'],
    ['bg', 'Вашата еднократна парола е 482913', '482913'],
    ['lt', 'Jūsų patvirtinimo kodas: 482913', '482913'],
    ['sw', 'Namba yako ya uthibitisho ni 482913', '482913'],
    ['ka', 'თქვენი კოდია: 482913', '482913'],
  ])('reads languages beyond the first 33 (%s)', (_, text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  it('takes a letter-and-digit code after a code noun and the brand it names', () => {
    expect(extractOtp('Ваш код Steam Guard: 9QX4R').code).toBe('9QX4R');
    expect(extractOtp('Your code for Steam: F7K2M').code).toBe('F7K2M');
    // A keyword between them (here a label) is not a brand: the code noun stays out of reach.
    expect(extractOtp('Your code for booking: K7XQ2M').code).toBeNull();
  });

  it('reaches a distant code noun through a copula', () => {
    expect(extractOtp('Ihre mTAN für die Überweisung von 250,00 EUR an Max Mustermann lautet 738201.').code).toBe(
      '738201',
    );
  });

  it('reaches a distant code noun through a copula of a script written without spaces', () => {
    const thai = 'รหัส OTP สำหรับชำระเงิน 1,250.00 บาท ที่ร้าน LAZADA ด้วยบัตร ***4821 คือ 582913';
    expect(extractOtp(thai)).toMatchObject({ code: '582913', reason: 'keyword-before' });
    const khmer = 'OTP សម្រាប់ទូទាត់ 25.00 USD ទៅ GRAB ដោយកាត ***3174 គឺ 7286។';
    expect(extractOtp(khmer)).toMatchObject({ code: '7286', reason: 'keyword-before' });
  });

  it('reaches a distant code noun through a colon, which does a copula\'s work', () => {
    const text = 'Your one-time password to approve a payment of 1,250.00 UAH at Northwind Traders: 8304.';
    expect(extractOtp(text)).toMatchObject({ code: '8304', reason: 'keyword-before' });
    expect(extractOtp(text.replace(': ', ' ')).code).toBeNull();
  });
});

describe('false-positive traps', () => {
  it('reads a customer number as a reference in several languages, though its label holds a code noun', () => {
    for (const [text, label, codeNounAlone] of [
      ['Factura Enel pentru luna martie: 214,37 lei. Cod client 10021394.', 'Cod client', 'Cod'],
      ['Votre facture EDF de 82,10 € est disponible. Code client 48213907.', 'Code client', 'Code'],
      ['Fattura Enel Energia di 64,20 €, codice cliente 73019284.', 'codice cliente', 'codice'],
      ['Your Contoso Energy bill of £48.20 is ready. Customer code 55012345.', 'Customer code', 'Code'],
    ] as const) {
      expect(extractOtp(text).code).toBeNull();
      // The same message with the bare code noun is a code: the customer label is what rules it out.
      expect(extractOtp(text.replace(label, codeNounAlone)).code).not.toBeNull();
    }
  });

  test.each([
    ['a phone number with a country code', 'Your verification code questions? +44 7700 900123', 'phone'],
    ['a local phone number', 'Verification code problems? Call 555-0134', 'phone'],
    ['a long phone number', 'About your verification code, call 0800 555 0199', 'phone'],
    ['a short international number', 'Your verification code was requested from +6834002', 'phone'],
    ['an amount in pounds', 'Your verification code is for a payment of £12.50', 'amount'],
    ['an amount with a thousands separator', 'Your verification code is for a payment of $1,234', 'amount'],
    ['a European amount', 'Your verification code is for a payment of 1.234,56 EUR', 'amount'],
    ['a currency code after the number', 'Your verification code is for 1500 EUR', 'amount'],
    ['a currency symbol before the number', 'Your verification code is for £1500', 'amount'],
    ['an ISO date', 'Your verification code was sent on 2024-03-12', 'date'],
    ['a day/month/year date', 'Your verification code was sent on 12/03/2024', 'date'],
    ['a dotted date', 'Your verification code was sent on 12.03.2024', 'date'],
    ['a year after a month name', 'Your verification code was sent on 12 March 2024', 'date'],
    ['a year range', 'Your verification code history 2022-2024', 'date'],
    ['a time', 'Your verification code expires at 14:30', 'time'],
    ['a card ending', 'Your verification code is for your card ending 1234', 'card-ending'],
    ['a masked card', 'Your verification code is for card ****1234', 'card-ending'],
    ['an X-masked card', 'Your verification code is for XXXX1234', 'card-ending'],
    ['an order number', 'Your verification code for order 48213 was sent', 'order'],
    ['an order number with filler', 'Your verification code: see Order No. 48213', 'order'],
    ['a tracking number', 'Your verification code and tracking number: 48213', 'tracking'],
    ['a reference', 'Your verification code, ref 48213', 'reference'],
    ['a label with filler words', 'Your verification code, invoice number: 48213', 'reference'],
    ['a German order number', 'Ihr Bestätigungscode zur Bestellung Nr. 48213', 'order'],
    ['an account number', 'Your verification code for account 55012345', 'account'],
    ['a quantity', 'Your verification code is valid for 1440 minutes', 'quantity'],
    ['points', 'Your code earns 2500 points', 'quantity'],
    ['a percentage', 'Your code gives 2500% more', 'quantity'],
  ])('ignores %s', (_, text, reason) => {
    expect(extractOtp(text)).toMatchObject({ code: null, reason });
  });

  test.each([
    'Use code SAVE20 for 20% off your next order',
    'Flash sale! Use code 4821 at checkout',
    'Save 30% this weekend: use code SPRING30 at checkout.',
  ])('treats promotions as having no code: %j', (text) => {
    expect(extractOtp(text)).toMatchObject({ code: null, reason: 'promotion' });
  });

  test.each([
    ['Your code is 482913. Call 555-0134 with questions.', '482913'],
    ['Your code is 482913 for the payment of £25.00 on 12/03/2024 at 14:30', '482913'],
    ['Your code for card ending 1234 is 482913', '482913'],
    ['The security code for your account is 482913', '482913'],
    ['Your code is 482913. Order 48213 will ship once you confirm.', '482913'],
    ['Ticket 12, 4821 is your entry code', '4821'],
  ])('still finds the code beside a trap: %j', (text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  test.each([
    'Tap to use your code: https://example.com/c/482913',
    'Tap to use your code: example.com/c/482913',
    'Your code was sent to 482913@example.com',
  ])('ignores numbers inside links and addresses: %j', (text) => {
    expect(extractOtp(text)).toMatchObject({ code: null, reason: 'no-candidate' });
  });
});

describe('service name', () => {
  test.each([
    ['a bracketed brand', '[Alibaba] Your code is 482913', 'Alibaba'],
    ['a full-width bracketed brand', '【华为】验证码：482913', '华为'],
    ['"Your X code"', 'Your Uber code is 4821', 'Uber'],
    ['"X:" prefix', 'Amazon: 482913 is your code', 'Amazon'],
    ['"X verification code"', 'Stripe verification code: 482913', 'Stripe'],
    ['"code for X"', 'Your login code for Slack is 482913', 'Slack'],
    ['"código de X"', 'Tu código de WhatsApp es 482913', 'WhatsApp'],
    ['a hyphenated compound', 'Dein Zalando-Bestätigungscode lautet 604218', 'Zalando'],
    ['a qualifier between brand and keyword', 'Your Microsoft account security code is 482913', 'Microsoft'],
    ['the G- prefix', 'G-482913 is your verification code', 'Google'],
    ['"X:" after an SMS Retriever marker', '<#> Amazon: 482913 is your code\nFA+9qCX9VSu', 'Amazon'],
  ])('comes from %s', (_, text, service) => {
    expect(extractOtp(text).service).toBe(service);
  });

  it('falls back to an alphanumeric sender id', () => {
    expect(extractOtp('Your code is 482913', { sender: 'HSBC' }).service).toBe('HSBC');
  });

  it('prefers the name in the text over the sender id', () => {
    expect(extractOtp('Your PayPal code is 482913', { sender: 'ACMEBANK' }).service).toBe('PayPal');
  });

  test.each(['+447700900123', '447700900123', '81025'])('is null for a numeric sender %j', (sender) => {
    expect(extractOtp('Your code is 482913', { sender }).service).toBeNull();
  });

  test.each(['Your code is 482913', 'Dear Customer, your code is 482913', 'Verification code: 482913'])(
    'is null when nothing names a service: %j',
    (text) => {
      expect(extractOtp(text).service).toBeNull();
    },
  );

  it('does not take a capitalised German noun for a brand', () => {
    expect(extractOtp('Ihr Code für die Überweisung lautet 482913').service).toBeNull();
  });
});

describe('folding', () => {
  it('keeps the vowel signs of Indic scripts, which are letters there, not accents', () => {
    expect(extractOtp('आपका कोड 482913').code).toBe('482913');
    // "कड़ी" and Telugu "కోడి" (hen) differ from the code nouns only in their vowel signs.
    expect(extractOtp('कड़ी निगरानी में 482913 लोग').code).toBeNull();
    expect(extractOtp('తెలుగు కోడి ధర 4821 రూపాయలు').code).toBeNull();
  });

  it('still strips Latin, Greek and Cyrillic accents and Arabic vowel points', () => {
    expect(extractOtp('Tu codigo de verificacion es 482913').code).toBe('482913');
    expect(extractOtp('Ο κωδικος σας ειναι 482913').code).toBe('482913');
    expect(extractOtp('رَمْز التَّحَقُّق: 482913').code).toBe('482913');
  });
});

describe('native digits', () => {
  test.each([
    ['Arabic-Indic', 'رمز التحقق: ٤٨٢٩١٣'],
    ['Persian', 'کد تایید شما: ۴۸۲۹۱۳'],
    ['Devanagari', 'आपका ओटीपी ४८२९१३ है।'],
    ['Bengali', 'আপনার ওটিপি হল ৪৮২৯১৩।'],
    ['full-width', '認証コード：４８２９１３'],
    ['Thai', 'รหัส OTP คือ ๔๘๒๙๑๓'],
  ])('reads %s digits as ASCII', (_, text) => {
    expect(extractOtp(text).code).toBe('482913');
  });

  it('reads the Arabic decimal separator, so an amount stays an amount', () => {
    expect(extractOtp('رمز التحقق للمبلغ ١٢٣٤٫٥٠ ريال')).toMatchObject({ code: null, reason: 'amount' });
  });

  it('ignores bidirectional marks around the code', () => {
    expect(extractOtp('رمز التحقق: \u200e482913\u200f').code).toBe('482913');
  });

  it('splits digits glued to a non-Latin word but keeps Latin alphanumerics whole', () => {
    expect(extractOtp('인증번호는 482913입니다').code).toBe('482913');
    expect(extractOtp('كود التفعيل482913').code).toBe('482913');
    expect(extractOtp('Your code is A7B9KX').code).toBe('A7B9KX');
  });
});

describe('origin-bound codes (WICG sms-one-time-codes)', () => {
  it('takes code and origin from the last line', () => {
    expect(extractOtp('747723 is your ExampleCo authentication code.\n\n@example.com #747723')).toMatchObject({
      code: '747723',
      origin: 'example.com',
      confidence: 1,
      reason: 'origin-bound',
    });
  });

  test.each([
    ['@', 'Your code: 747723\n\n@shop.example #747723 @bank.example'],
    ['%', 'Your code: 747723\n\n@shop.example #747723 %bank.example'],
  ])('reports the embedded origin written with %s, the site that asks for the code', (_, text) => {
    expect(extractOtp(text)).toMatchObject({ code: '747723', origin: 'bank.example' });
  });

  it('trusts the origin line over a different number in the text', () => {
    expect(extractOtp('Your code is 111111.\n@example.com #222222')).toMatchObject({
      code: '222222',
      origin: 'example.com',
    });
  });

  it('falls back to the top-level origin when the embedded host is malformed', () => {
    expect(extractOtp('Code 747723\n@example.com #747723 @not_a_host').origin).toBe('example.com');
  });

  it('lower-cases the host and tolerates trailing blank lines', () => {
    expect(extractOtp('Code 747723\n@Example.COM #747723\n\n').origin).toBe('example.com');
  });

  test.each([
    ['text before the host on the last line', 'Your code is 747723. Visit @example.com #747723'],
    ['a line that is not the last one', '@example.com #747723\nYour code is 747723'],
    ['two spaces between the fields', 'Your code is 747723\n@example.com  #747723'],
    ['a host that is not a host', 'Your code is 747723\n@example #747723'],
    ['a code with punctuation', 'Your code is 747723\n@example.com #747-723'],
  ])('ignores %s and reads the message as usual', (_, text) => {
    const result = extractOtp(text);
    expect(result.origin).toBeNull();
    expect(result.reason).not.toBe('origin-bound');
  });
});

describe('app hashes and markers', () => {
  test.each([
    ['on its own line', '<#> Your code is 482913\nFA+9qCX9VSu'],
    ['after a space', '[#] Your code is 482913 FA+9qCX9VSu'],
    ['holding digits', '<#> Your code is 482913\n12345abcDE+'],
  ])('ignores an SMS Retriever hash %s', (_, text) => {
    expect(extractOtp(text).code).toBe('482913');
  });

  it('never takes digits inside a hash for the code', () => {
    expect(extractOtp('Your verification code:\nAb/12345+xY')).toMatchObject({ code: null, reason: 'no-candidate' });
  });

  it('leaves an ordinary closing word alone', () => {
    expect(extractOtp('482913 is your code for registration').code).toBe('482913');
  });

  it('names the brand after a "[#]" marker', () => {
    expect(extractOtp('[#] [Acme] Your code is 482913').service).toBe('Acme');
  });
});

describe('spelled-out codes', () => {
  test.each([
    ['letters and digits one space apart', 'Your verification code is: a u 8 k u f', 'au8kuf'],
    ['digits one space apart', 'Your code is 4 8 2 9 1 3', '482913'],
    ['pairs split by spaces', 'Your code is 48 29 13', '482913'],
    ['pairs split by dashes', 'Your code is 48-29-13', '482913'],
  ])('joins %s', (_, text, code) => {
    expect(extractOtp(text).code).toBe(code);
  });

  it('does not read a date written with dashes as a split code', () => {
    expect(extractOtp('Your code was sent on 12-03-24')).toMatchObject({ code: null, reason: 'date' });
  });

  it('needs a code noun right before spelled-out letters', () => {
    expect(extractOtp('Rows a b c d are reserved').code).toBeNull();
  });

  it('treats pairs after a phone label as a phone number', () => {
    expect(extractOtp('Your code? Call 12 34 56 78')).toMatchObject({ code: null, reason: 'phone' });
  });
});

describe('numbers inside a sentence of code words', () => {
  it('reads "，5分钟" after a Chinese code as punctuation, not a decimal', () => {
    expect(extractOtp('验证码:592018,5分钟内有效').code).toBe('592018');
  });

  it('reads money in currencies mobile-money and Gulf banks use as amounts', () => {
    expect(extractOtp('Your code: 4829. Payment of 5000 NGN, fee 1500 KES').code).toBe('4829');
    expect(extractOtp('Confirmed. Your code was not needed: received 2000 Ksh')).toMatchObject({ code: null });
  });

  it('still reads two decimals after a comma as an amount', () => {
    expect(extractOtp('Your code for the payment of 1234,56')).toMatchObject({ code: null, reason: 'amount' });
  });
});
