/**
 * Keyword tables for the Nordic, Central and Eastern European languages, Greek and Turkish.
 * Data only; see keywords.ts for what each field means. Inflected languages list the case forms that
 * SMS actually use ("kod", "kodu", "kodem"), not every form of the noun.
 */
import type { LanguageKeywords } from './keywords';

const SWEDISH: LanguageKeywords = {
  language: 'sv',
  codeNames: [
    'kod', 'koden', 'verifieringskod', 'verifieringskoden', 'säkerhetskod', 'säkerhetskoden', 'engångskod',
    'engångskoden', 'bekräftelsekod', 'bekräftelsekoden', 'inloggningskod', 'inloggningskoden', 'aktiveringskod',
    'engångslösenord', 'lösenord', 'pinkod', 'verifikationskod',
  ],
  codeActions: ['verifiera', 'bekräfta', 'logga in', 'inloggning', 'ange', 'använd'],
  labels: {
    order: ['beställning', 'ordernummer', 'beställningsnummer'],
    tracking: ['paket', 'paketet', 'försändelse', 'försändelsen', 'kolli', 'kollinummer', 'spårningsnummer'],
    reference: ['bokning', 'bokningsnummer', 'faktura', 'referens', 'ärende'],
    account: ['konto', 'kontot', 'kontonummer'],
    'card-ending': ['kort', 'kortet', 'slutar på'],
    amount: ['saldo', 'belopp', 'beloppet', 'summa'],
    phone: ['ring', 'telefon'],
  },
  promotions: ['rabatt', 'rabattkod', 'erbjudande', 'kampanj', 'kampanjkod'],
  units: ['poäng', 'minuter', 'timmar', 'dagar'],
  connectors: ['nummer', 'nr'],
  copulas: ['är'],
  prepositions: ['för', 'till', 'hos'],
  notServiceNames: ['din', 'ditt', 'dina', 'hej', 'er'],
};

const DANISH: LanguageKeywords = {
  language: 'da',
  codeNames: [
    'kode', 'koden', 'bekræftelseskode', 'bekræftelseskoden', 'sikkerhedskode', 'sikkerhedskoden', 'engangskode',
    'engangskoden', 'verifikationskode', 'verifikationskoden', 'adgangskode', 'pinkode', 'aktiveringskode',
    'login-kode', 'sms-kode',
  ],
  codeActions: ['bekræft', 'bekræfte', 'log ind', 'indtast', 'brug'],
  labels: {
    order: ['ordre', 'ordrenummer', 'bestilling', 'ordren'],
    tracking: ['pakke', 'pakken', 'pakkenummer', 'forsendelse', 'forsendelsen', 'sporingsnummer'],
    reference: ['booking', 'faktura', 'reference', 'sag'],
    account: ['konto', 'kontonummer'],
    'card-ending': ['kort', 'kortet', 'kort der ender på', 'ender på'],
    amount: ['saldo', 'beløb', 'beløbet'],
    phone: ['ring', 'telefon'],
  },
  promotions: ['rabat', 'rabatkode', 'tilbud', 'kampagne'],
  units: ['point', 'minutter', 'timer', 'dage'],
  connectors: ['nummer', 'nr'],
  copulas: ['er'],
  prepositions: ['til', 'hos'],
  notServiceNames: ['din', 'dit', 'dine', 'hej', 'kære'],
};

const NORWEGIAN: LanguageKeywords = {
  language: 'nb',
  codeNames: [
    'kode', 'koden', 'engangskode', 'engangskoden', 'bekreftelseskode', 'bekreftelseskoden', 'sikkerhetskode',
    'sikkerhetskoden', 'verifiseringskode', 'verifiseringskoden', 'engangspassord', 'passord', 'pinkode',
    'aktiveringskode', 'innloggingskode',
  ],
  codeActions: ['bekreft', 'bekrefte', 'logg inn', 'innlogging', 'skriv inn', 'bruk'],
  labels: {
    order: ['ordre', 'ordrenummer', 'bestilling', 'bestillingen'],
    tracking: ['pakke', 'pakken', 'sending', 'sendingen', 'sporingsnummer'],
    reference: ['booking', 'faktura', 'referanse'],
    account: ['konto', 'kontonummer'],
    'card-ending': ['kort', 'kortet', 'som slutter på', 'slutter på'],
    amount: ['saldo', 'beløp', 'beløpet'],
    phone: ['ring', 'telefon'],
  },
  promotions: ['rabatt', 'rabattkode', 'tilbud', 'kampanje'],
  units: ['poeng', 'minutter', 'timer', 'dager'],
  connectors: ['nummer', 'nr'],
  copulas: ['er'],
  prepositions: ['til', 'hos', 'for'],
  notServiceNames: ['din', 'ditt', 'dine', 'hei'],
};

const FINNISH: LanguageKeywords = {
  language: 'fi',
  codeNames: [
    'koodi', 'koodisi', 'koodin', 'koodia', 'vahvistuskoodi', 'vahvistuskoodisi', 'vahvistuskoodin',
    'tunnistuskoodi', 'tunnistautumiskoodi', 'varmistuskoodi', 'varmennuskoodi', 'kertakäyttökoodi',
    'kertakäyttökoodisi', 'turvakoodi', 'turvakoodisi', 'kirjautumiskoodi', 'kirjautumiskoodisi', 'salasana',
    'kertakäyttöinen salasana', 'kertakäyttösalasana', 'tunnusluku', 'pin-koodi', 'aktivointikoodi',
    // Possessive and case endings glue to the noun ("tunnuslukusi" = your code, "salasanan" = the password's).
    'tunnuslukusi', 'tunnusluvun', 'tunnusluvulla', 'salasanasi', 'salasanan', 'kertakäyttöinen tunnusluku',
    'kertakäyttöinen koodi', 'kertakäyttökoodin', 'vahvistuskoodia', 'tunnistuskoodisi', 'varmistuskoodisi',
    'turvakoodin', 'kirjautumiskoodin', 'aktivointikoodisi',
  ],
  codeActions: ['vahvista', 'kirjaudu', 'kirjautuminen', 'syötä', 'käytä'],
  labels: {
    order: ['tilaus', 'tilauksesi', 'tilausnumero', 'tilauksen'],
    tracking: ['paketti', 'pakettisi', 'lähetys', 'lähetyksesi', 'lähetystunnus', 'seurantakoodi', 'noutokoodi'],
    reference: ['varaus', 'varausnumero', 'lasku', 'viite', 'viitenumero'],
    account: ['tili', 'tilin', 'tilinumero'],
    'card-ending': ['kortti', 'korttisi', 'kortin'],
    amount: ['saldo', 'summa', 'summan', 'maksu', 'veloitus'],
    phone: ['soita', 'puhelin'],
  },
  promotions: ['alennus', 'alennuskoodi', 'tarjous', 'kampanja', 'kampanjakoodi'],
  units: ['pistettä', 'minuuttia', 'tuntia', 'päivää', 'euroa'],
  connectors: ['numero', 'nro'],
  copulas: ['on'],
  notServiceNames: ['hei', 'sinun'],
};

const POLISH: LanguageKeywords = {
  language: 'pl',
  codeNames: [
    'kod', 'kodu', 'kodem', 'kod weryfikacyjny', 'kod sms', 'kod autoryzacyjny', 'kod jednorazowy',
    'kod potwierdzający', 'kod dostępu', 'kod blik', 'hasło', 'hasła', 'hasło jednorazowe', 'hasło sms',
    'kod aktywacyjny',
    // Instrumental and locative forms ("Twoim kodem jest", "hasłem").
    'hasłem', 'haslem', 'kodzie', 'kodów',
  ],
  codeActions: ['potwierdź', 'potwierdzenia', 'zaloguj', 'logowania', 'logowanie', 'wpisz', 'podaj', 'weryfikacji'],
  labels: {
    order: ['zamówienie', 'zamówienia', 'nr zamówienia', 'zamówieniu'],
    tracking: ['przesyłka', 'przesyłki', 'przesyłkę', 'paczka', 'paczki', 'paczkę', 'kod odbioru', 'numer przesyłki'],
    reference: ['rezerwacja', 'rezerwacji', 'faktura', 'faktury', 'bilet'],
    account: ['konto', 'konta', 'rachunek', 'rachunku'],
    'card-ending': ['karta', 'karty', 'kartą', 'kartę'],
    amount: ['saldo', 'kwota', 'kwotę', 'kwoty', 'płatność', 'płatności'],
    phone: ['zadzwoń', 'telefon'],
  },
  promotions: ['rabat', 'kod rabatowy', 'promocja', 'promocji', 'zniżka', 'zniżki', 'kupon'],
  units: ['punktów', 'minut', 'godzin', 'dni'],
  connectors: ['numer', 'nr'],
  copulas: ['jest'],
  prepositions: ['do', 'dla', 'w'],
  notServiceNames: ['twój', 'twoj', 'twoje', 'twoja', 'dzień', 'witaj'],
};

const CZECH: LanguageKeywords = {
  language: 'cs',
  codeNames: [
    'kód', 'kódu', 'kódem', 'ověřovací kód', 'autorizační kód', 'potvrzovací kód', 'jednorázový kód',
    'bezpečnostní kód', 'přihlašovací kód', 'sms kód', 'heslo', 'jednorázové heslo', 'aktivační kód',
    'hesla', 'heslem', 'ověřovacím kódem', 'kódy',
  ],
  codeActions: ['ověření', 'potvrzení', 'přihlášení', 'zadejte', 'potvrďte'],
  labels: {
    order: ['objednávka', 'objednávky', 'objednávku', 'číslo objednávky'],
    tracking: ['zásilka', 'zásilky', 'zásilku', 'balík', 'balíku'],
    reference: ['rezervace', 'faktura', 'faktury'],
    account: ['účet', 'účtu', 'účtem'],
    'card-ending': ['karta', 'karty', 'kartou', 'kartu'],
    amount: ['zůstatek', 'částka', 'částku', 'platba', 'platbu'],
    phone: ['volejte', 'telefon'],
  },
  promotions: ['sleva', 'slevu', 'slevový kód', 'akce'],
  units: ['bodů', 'minut', 'hodin', 'dní'],
  connectors: ['číslo', 'č'],
  copulas: ['je'],
  prepositions: ['pro', 'do'],
  notServiceNames: ['váš', 'vaš', 'vase', 'vaše', 'dobrý'],
};

const ROMANIAN: LanguageKeywords = {
  language: 'ro',
  codeNames: [
    'cod', 'codul', 'codului', 'cod de verificare', 'codul de verificare', 'cod de confirmare',
    'codul de confirmare', 'cod de activare', 'codul de activare', 'cod de securitate', 'codul de securitate',
    'cod unic', 'parola', 'parolă', 'parola unică', 'parolă unică', 'cod de acces', 'codul de acces',
  ],
  codeActions: ['confirma', 'confirmă', 'autentificare', 'introdu', 'introduceți', 'folosește'],
  labels: {
    order: ['comanda', 'comandă', 'comenzii', 'comanda ta', 'numărul comenzii'],
    tracking: ['colet', 'coletul', 'coletului', 'expediere', 'expedierea'],
    reference: ['rezervare', 'rezervarea', 'factura', 'factură', 'cod client', 'cod de client', 'cod abonat', 'număr client'],
    account: ['cont', 'contul', 'contului'],
    'card-ending': ['cardul', 'cardului', 'terminat în'],
    amount: ['sold', 'soldul', 'suma', 'sumă', 'plata', 'plată'],
    phone: ['sunați', 'suna', 'telefon'],
    address: ['cod poștal'],
  },
  promotions: ['reducere', 'reduceri', 'cod de reducere', 'promoție', 'promoția', 'ofertă', 'oferta'],
  units: ['puncte', 'minute', 'ore', 'zile'],
  connectors: ['numărul', 'număr', 'nr'],
  copulas: ['este'],
  prepositions: ['pentru', 'la'],
  notServiceNames: ['tau', 'tău', 'dvs', 'buna', 'bună'],
};

const HUNGARIAN: LanguageKeywords = {
  language: 'hu',
  codeNames: [
    'kód', 'kódod', 'kódja', 'kódot', 'ellenőrző kód', 'ellenőrző kódja', 'ellenőrző kódod',
    'ellenőrzőkód', 'megerősítő kód', 'megerősítő kódja', 'azonosító kód', 'egyszer használatos kód',
    'biztonsági kód', 'biztonsági kódja', 'jelszó', 'egyszer használatos jelszó', 'aktiváló kód', 'sms kód',
    'belépési kód',
    // Possessive endings (-a/-ja = your (formal), -d/-od = your (informal)) are how SMS address the reader.
    'jelszava', 'jelszavad', 'jelszót', 'egyszer használatos jelszava', 'egyszer használatos jelszavad',
    'egyszer használatos kódja', 'egyszer használatos kódod', 'azonosító kódja', 'azonosító kódod',
    'belépési kódja', 'belépési kódod', 'megerősítő kódod', 'biztonsági kódod', 'hitelesítő kód',
    'hitelesítő kódja', 'hitelesítő kódod', 'aktiváló kódja', 'aktiváló kódod', 'sms-kód', 'sms-kódja',
    'kódszám', 'kódszáma', 'ellenőrző kódot', 'megerősítő kódot',
  ],
  codeActions: ['megerősítés', 'bejelentkezés', 'bejelentkezéshez', 'add meg', 'adja meg'],
  labels: {
    order: ['rendelés', 'rendelésed', 'rendelését', 'rendelésszám', 'megrendelés'],
    tracking: ['csomag', 'csomagod', 'csomagját', 'csomagszám', 'küldemény'],
    reference: ['foglalás', 'számla', 'hivatkozás'],
    account: ['számlaszám', 'fiók'],
    'card-ending': ['kártya', 'kártyáján', 'kártyával'],
    amount: ['egyenleg', 'egyenlege', 'összeg', 'összegű'],
    phone: ['hívja', 'telefon'],
  },
  promotions: ['kedvezmény', 'kuponkód', 'kupon', 'akció', 'akciós'],
  units: ['pont', 'perc', 'percig', 'óra', 'nap'],
  connectors: ['szám', 'sz'],
  notServiceNames: ['kedves', 'az ön'],
};

const GREEK: LanguageKeywords = {
  language: 'el',
  codeNames: [
    'κωδικός', 'κωδικό', 'κωδικού', 'κωδικός επαλήθευσης', 'κωδικό επαλήθευσης', 'κωδικός επιβεβαίωσης',
    'κωδικός μίας χρήσης', 'κωδικός μιας χρήσης', 'κωδικός ασφαλείας', 'κωδικός πρόσβασης', 'κωδ',
    'συνθηματικό', 'κωδικός otp',
    // Greeklish: Greek banks and shops often send in Latin letters, since GSM-7 lacks most Greek capitals.
    'kodikos', 'kodiko', 'kodikou', 'kwdikos', 'kwdiko', 'kwdikou', 'kodikos otp', 'sinthimatiko',
  ],
  codeActions: ['επαλήθευση', 'επιβεβαίωση', 'σύνδεση', 'εισάγετε', 'χρησιμοποιήστε'],
  labels: {
    order: ['παραγγελία', 'παραγγελίας', 'παραγγελία σας'],
    tracking: ['αποστολή', 'αποστολής', 'δέμα', 'δέματος', 'voucher αποστολής'],
    reference: ['κράτηση', 'κράτησης', 'τιμολόγιο', 'αριθμός αναφοράς'],
    account: ['λογαριασμός', 'λογαριασμού', 'λογαριασμό'],
    'card-ending': ['κάρτα', 'κάρτας', 'κάρτα σας'],
    amount: ['υπόλοιπο', 'ποσό', 'ποσού', 'πληρωμή', 'poso', 'ypoloipo', 'ypol'],
    phone: ['καλέστε', 'τηλέφωνο', 'τηλ', 'tilefono'],
  },
  promotions: ['έκπτωση', 'εκπτωτικό κουπόνι', 'κουπόνι', 'προσφορά'],
  units: ['πόντους', 'λεπτά', 'ώρες', 'ημέρες'],
  connectors: ['αριθμός', 'αρ'],
  copulas: ['είναι', 'einai'],
  notServiceNames: ['ο', 'η', 'το', 'σας', 'σου'],
};

const TURKISH: LanguageKeywords = {
  language: 'tr',
  codeNames: [
    'kod', 'kodu', 'kodun', 'kodunuz', 'kodunuzu', 'doğrulama kodu', 'doğrulama kodunuz', 'doğrulama kodun',
    'onay kodu', 'onay kodunuz', 'onay kodun', 'güvenlik kodu', 'güvenlik kodunuz', 'giriş kodu', 'giriş kodunuz',
    'aktivasyon kodu',
    'şifre', 'şifreniz', 'şifresi', 'şifrenizi', 'tek kullanımlık şifre', 'tek kullanımlık şifreniz',
    'tek kullanimlik sifreniz', 'sms şifresi', 'sms şifreniz', 'doğrulama şifresi', 'otp şifresi', 'otp şifreniz',
    // Accusative and predicative endings: "doğrulama kodunu girin", "… Google doğrulama kodunuzdur".
    'kodunu', 'doğrulama kodunu', 'onay kodunu', 'kodunuzdur', 'kodudur', 'şifreyi', 'şifrenizdir', 'şifredir',
    'kodunuzla', 'koduyla',
  ],
  codeActions: ['doğrulama', 'doğrulamak', 'giriş', 'onaylamak', 'girin', 'giriniz', 'kullanın'],
  labels: {
    order: ['sipariş', 'siparişiniz', 'siparişin', 'sipariş numarası', 'sipariş no', 'siparişinizin'],
    tracking: ['kargo', 'kargonuz', 'kargo takip', 'takip numarası', 'takip no', 'gönderi', 'gönderiniz'],
    reference: ['rezervasyon', 'fatura', 'faturanız', 'referans', 'bilet'],
    account: ['hesap', 'hesabınız', 'hesabınıza', 'hesap no'],
    'card-ending': ['kart', 'kartınız', 'kartınızla', 'kartınızdan', 'ile biten'],
    amount: ['bakiye', 'bakiyeniz', 'tutar', 'tutarında', 'tutarlı', 'ödeme', 'borç'],
    phone: ['arayın', 'arayınız', 'telefon', 'tel'],
  },
  promotions: ['indirim', 'indirim kodu', 'kampanya', 'kupon', 'fırsat', 'kampanya kodu'],
  units: ['puan', 'dakika', 'dk', 'saat', 'gün'],
  connectors: ['numarası', 'numaralı', 'no'],
  notServiceNames: ['sayın', 'değerli', 'merhaba'],
};

const RUSSIAN: LanguageKeywords = {
  language: 'ru',
  codeNames: [
    'код', 'кода', 'кодом', 'коде', 'код подтверждения', 'кода подтверждения', 'код проверки', 'код для входа',
    'код доступа', 'код активации', 'код авторизации', 'проверочный код', 'смс-код', 'смс код', 'sms-код',
    'пароль', 'пароля', 'одноразовый пароль', 'одноразовый код', 'пин-код', 'код безопасности',
    'паролем', 'паролю', 'коду', 'одноразового пароля', 'кодом подтверждения',
  ],
  codeActions: ['подтверждения', 'подтвердите', 'вход', 'входа', 'для входа', 'введите', 'авторизации', 'регистрации'],
  labels: {
    order: ['заказ', 'заказа', 'номер заказа', 'заказу', 'заказе'],
    tracking: [
      'посылка', 'посылки', 'посылку', 'отправление', 'отправления', 'трек-номер', 'трек', 'трек номер',
      'код получения', 'код для получения', 'код выдачи', 'ячейка',
    ],
    reference: ['бронь', 'бронирование', 'счет-фактура', 'билет', 'квитанция', 'рейс'],
    account: ['счет', 'счета', 'счёт', 'лицевой счет'],
    'card-ending': ['карта', 'карты', 'картой', 'карту', 'карте', 'по карте'],
    amount: ['баланс', 'сумма', 'сумму', 'остаток', 'оплата', 'покупка', 'списание', 'зачисление', 'перевод'],
    phone: ['звоните', 'позвоните', 'телефон', 'тел'],
    address: ['индекс'],
  },
  promotions: ['скидка', 'скидку', 'скидки', 'промокод', 'промокоду', 'акция', 'акции', 'распродажа'],
  units: ['баллов', 'балла', 'бонусов', 'минут', 'мин', 'часов', 'дней', 'шт'],
  connectors: ['номер', '№'],
  copulas: ['это'],
  prepositions: ['для', 'в'],
  notServiceNames: ['ваш', 'ваша', 'ваше', 'твой', 'никому', 'здравствуйте'],
};

const UKRAINIAN: LanguageKeywords = {
  language: 'uk',
  codeNames: [
    'код', 'коду', 'кодом', 'код підтвердження', 'код для входу', 'код доступу', 'код активації',
    'одноразовий пароль', 'одноразовий код', 'пароль', 'пароля', 'смс-код', 'пін-код', 'код безпеки',
    'паролем', 'паролю', 'кодом підтвердження',
  ],
  codeActions: ['підтвердження', 'підтвердіть', 'вхід', 'входу', 'введіть', 'реєстрації'],
  labels: {
    order: ['замовлення', 'номер замовлення'],
    tracking: ['посилка', 'посилку', 'відправлення', 'ттн', 'накладна', 'накладної'],
    reference: ['бронювання', 'рахунок-фактура', 'квиток'],
    account: ['рахунок', 'рахунку'],
    'card-ending': ['картка', 'картки', 'карткою', 'картку', 'картці'],
    amount: ['сума', 'суму', 'залишок', 'оплата', 'покупка', 'списання', 'зарахування'],
    phone: ['телефонуйте', 'зателефонуйте'],
  },
  promotions: ['знижка', 'знижку', 'знижки', 'акція', 'розпродаж'],
  units: ['балів', 'хвилин', 'хв', 'годин', 'днів'],
  copulas: ['це'],
  notServiceNames: ['ваш', 'ваша', 'нікому', 'вітаємо'],
};

export const EUROPEAN_LANGUAGES: readonly LanguageKeywords[] = [
  SWEDISH, DANISH, NORWEGIAN, FINNISH, POLISH, CZECH, ROMANIAN, HUNGARIAN, GREEK, TURKISH, RUSSIAN, UKRAINIAN,
];
