/**
 * Keyword tables for languages beyond the 33 the extractor was first built for: neighbours of those
 * languages whose SMS reach the same virtual numbers (Balkan and Baltic banks, Central Asian and
 * Caucasian services, East African mobile money, South and South-East Asian scripts). Data only; see
 * keywords.ts for what each field means. These tables are deliberately small: the code nouns with the
 * case forms SMS use, the copula, and the labels that most often stand before other numbers. A word that
 * means something else in another language is listed only inside a phrase (Swahili "kodi" is rent, so
 * only Uzbek "tasdiqlash kodi" is listed, not "kodi" alone).
 */
import type { LanguageKeywords } from './keywords';

const SLOVAK: LanguageKeywords = {
  language: 'sk',
  codeNames: [
    'kód', 'kódu', 'kódom', 'overovací kód', 'jednorazový kód', 'autorizačný kód', 'bezpečnostný kód',
    'prihlasovací kód', 'potvrdzovací kód', 'heslo', 'hesla', 'heslom', 'jednorazové heslo',
  ],
  codeActions: ['overenie', 'prihlásenie', 'zadajte', 'potvrďte'],
  labels: {
    order: ['objednávka', 'objednávky', 'objednávku'],
    tracking: ['zásielka', 'zásielky', 'zásielku'],
    amount: ['suma', 'sumu', 'zostatok', 'platba'],
    'card-ending': ['karta', 'karty', 'kartou'],
  },
  copulas: ['je'],
};

/** Croatian, Bosnian and Serbian in Latin script, which share these words. */
const SERBO_CROATIAN_LATIN: LanguageKeywords = {
  language: 'hr',
  codeNames: [
    'kod', 'kôd', 'koda', 'kodom', 'šifra', 'šifru', 'šifre', 'lozinka', 'lozinku', 'jednokratna lozinka',
    'jednokratnu lozinku', 'jednokratni kod', 'verifikacijski kod', 'verifikacioni kod', 'kod za potvrdu',
    'kod za prijavu', 'sigurnosni kod', 'aktivacijski kod', 'aktivacioni kod', 'autorizacijski kod',
  ],
  codeActions: ['potvrdu', 'prijavu', 'unesite', 'potvrdite'],
  labels: {
    order: ['narudžba', 'narudžbu', 'narudžbe', 'porudžbina', 'porudžbinu'],
    tracking: ['pošiljka', 'pošiljku', 'pošiljke', 'paket'],
    amount: ['iznos', 'iznosu', 'stanje', 'raspoloživo'],
    'card-ending': ['kartica', 'karticom', 'kartice', 'karticu'],
    phone: ['nazovite', 'pozovite'],
  },
  copulas: ['je'],
};

const SERBIAN_CYRILLIC: LanguageKeywords = {
  language: 'sr',
  codeNames: [
    'код', 'кодом', 'шифра', 'шифру', 'лозинка', 'лозинку', 'једнократна лозинка', 'једнократни код',
    'верификациони код', 'код за потврду', 'код за пријаву', 'сигурносни код',
  ],
  labels: {
    order: ['поруџбина', 'поруџбину'],
    tracking: ['пошиљка', 'пошиљку'],
    amount: ['износ', 'стање'],
    'card-ending': ['картица', 'картицом'],
  },
  copulas: ['је'],
};

const BULGARIAN: LanguageKeywords = {
  language: 'bg',
  codeNames: [
    'код', 'кода', 'кодът', 'парола', 'паролата', 'еднократна парола', 'еднократен код', 'код за потвърждение',
    'код за достъп', 'код за вход', 'код за верификация', 'код за сигурност',
  ],
  codeActions: ['потвърждение', 'вход', 'въведете'],
  labels: {
    order: ['поръчка', 'поръчката', 'поръчка номер'],
    tracking: ['пратка', 'пратката', 'товарителница'],
    amount: ['сума', 'наличност', 'салдо', 'плащане'],
    'card-ending': ['карта', 'картата'],
  },
  copulas: ['е'],
};

const SLOVENIAN: LanguageKeywords = {
  language: 'sl',
  codeNames: [
    'koda', 'kodo', 'kode', 'geslo', 'gesla', 'enkratno geslo', 'enkratna koda', 'potrditvena koda',
    'varnostna koda', 'koda za preverjanje', 'verifikacijska koda', 'koda za prijavo',
  ],
  labels: {
    order: ['naročilo', 'naročila'],
    tracking: ['pošiljka', 'paket'],
    amount: ['znesek', 'stanje'],
    'card-ending': ['kartica', 'kartico'],
  },
  copulas: ['je'],
};

const CATALAN: LanguageKeywords = {
  language: 'ca',
  codeNames: [
    'codi', 'codi de verificació', 'codi de seguretat', "codi d'accés", 'codi de confirmació', 'contrasenya',
    "contrasenya d'un sol ús",
  ],
  labels: {
    order: ['comanda'],
    tracking: ['enviament', 'paquet'],
    amount: ['import', 'saldo'],
    'card-ending': ['targeta'],
  },
  copulas: ['és'],
};

const LITHUANIAN: LanguageKeywords = {
  language: 'lt',
  codeNames: [
    'kodas', 'kodą', 'kodo', 'patvirtinimo kodas', 'patvirtinimo kodą', 'vienkartinis kodas', 'slaptažodis',
    'vienkartinis slaptažodis', 'prisijungimo kodas', 'saugos kodas', 'autorizacijos kodas',
  ],
  labels: {
    order: ['užsakymas', 'užsakymo'],
    tracking: ['siunta', 'siuntos', 'siuntinys'],
    amount: ['suma', 'likutis'],
    'card-ending': ['kortelė', 'kortelės', 'kortele'],
  },
  copulas: ['yra'],
};

const LATVIAN: LanguageKeywords = {
  language: 'lv',
  codeNames: [
    'kods', 'kodu', 'koda', 'verifikācijas kods', 'apstiprinājuma kods', 'parole', 'paroli', 'vienreizējā parole',
    'vienreizējais kods', 'drošības kods', 'pieslēgšanās kods',
  ],
  labels: {
    order: ['pasūtījums', 'pasūtījuma'],
    tracking: ['sūtījums', 'sūtījuma', 'paka'],
    amount: ['summa', 'atlikums'],
    'card-ending': ['karte', 'kartes'],
  },
  copulas: ['ir'],
};

const ESTONIAN: LanguageKeywords = {
  language: 'et',
  codeNames: [
    'kood', 'koodi', 'koodiga', 'kinnituskood', 'kinnituskoodi', 'turvakood', 'parool', 'ühekordne kood',
    'ühekordne parool', 'sisselogimiskood', 'kontrollkood',
  ],
  labels: {
    order: ['tellimus', 'tellimuse'],
    tracking: ['pakk', 'paki', 'saadetis', 'saadetise'],
    amount: ['summa', 'jääk'],
    'card-ending': ['kaart', 'kaardiga', 'kaardi'],
  },
  copulas: ['on'],
};

const SWAHILI: LanguageKeywords = {
  language: 'sw',
  codeNames: [
    'msimbo', 'msimbo wako', 'msimbo wa uthibitisho', 'nambari ya uthibitisho', 'namba ya uthibitisho',
    'nambari ya siri', 'namba ya siri', 'nenosiri', 'neno la siri', 'kodi ya uthibitisho', 'nywila',
    // The possessive sits between the noun and its genitive: "namba yako ya uthibitisho".
    'msimbo wako wa uthibitisho', 'nambari yako ya uthibitisho', 'namba yako ya uthibitisho',
    'kodi yako ya uthibitisho',
  ],
  labels: {
    amount: ['salio', 'kiasi'],
    reference: ['kumbukumbu'],
  },
  copulas: ['ni'],
};

const ALBANIAN: LanguageKeywords = {
  language: 'sq',
  codeNames: ['kodi juaj', 'kodi i verifikimit', 'kodin', 'kodi yt', 'fjalëkalimi', 'fjalëkalimi juaj'],
  copulas: ['është'],
};

/** Tagalog messages use the English nouns; "ay" is the copula that joins them to the code. */
const TAGALOG: LanguageKeywords = {
  language: 'tl',
  codeNames: ['code', 'verification code', 'otp'],
  copulas: ['ay'],
};

const AZERBAIJANI: LanguageKeywords = {
  language: 'az',
  codeNames: [
    'kod', 'kodu', 'kodunuz', 'təsdiq kodu', 'təsdiq kodunuz', 'şifrə', 'şifrəniz', 'birdəfəlik şifrə',
    'birdəfəlik kod',
  ],
  labels: {
    amount: ['məbləğ', 'balans'],
    'card-ending': ['kart', 'kartınız'],
  },
};

const UZBEK: LanguageKeywords = {
  language: 'uz',
  codeNames: [
    'tasdiqlash kodi', 'tasdiqlash kodingiz', 'kodingiz', 'parol', 'bir martalik kod', 'bir martalik parol',
    'тасдиқлаш коди', 'кодингиз', 'бир марталик код', 'kirish kodi',
  ],
  labels: {
    amount: ['summa', 'balans', 'tushum'],
    'card-ending': ['karta', 'kartasi'],
  },
};

const KAZAKH: LanguageKeywords = {
  language: 'kk',
  codeNames: ['растау коды', 'растау кодыңыз', 'коды', 'кодыңыз', 'құпия сөз', 'бір реттік код', 'бір реттік құпия сөз'],
  labels: {
    amount: ['сома', 'баланс', 'теңгерім'],
  },
};

const GEORGIAN: LanguageKeywords = {
  language: 'ka',
  codeNames: [
    'კოდი', 'კოდია', 'კოდს', 'ერთჯერადი კოდი', 'დადასტურების კოდი', 'ვერიფიკაციის კოდი', 'პაროლი', 'პაროლია',
  ],
  labels: {
    amount: ['თანხა', 'ნაშთი', 'ბალანსი'],
    'card-ending': ['ბარათი', 'ბარათით'],
  },
  copulas: ['არის'],
};

const ARMENIAN: LanguageKeywords = {
  language: 'hy',
  codeNames: [
    'կոդ', 'կոդը', 'կոդն', 'հաստատման կոդ', 'հաստատման կոդը', 'գաղտնաբառ', 'գաղտնաբառը', 'միանգամյա կոդ',
    'միանգամյա գաղտնաբառ',
  ],
  labels: {
    amount: ['գումար', 'գումարը', 'մնացորդ'],
    'card-ending': ['քարտ', 'քարտով'],
  },
  copulas: ['է'],
};

/** Marathi and Nepali write in Devanagari like Hindi; these are the nouns Hindi's table lacks. */
const MARATHI_NEPALI: LanguageKeywords = {
  language: 'mr',
  codeNames: ['पडताळणी कोड', 'संकेतशब्द', 'प्रमाणीकरण कोड', 'पुष्टीकरण कोड', 'गोप्य कोड'],
  copulas: ['आहे', 'हो'],
};

const TAMIL: LanguageKeywords = {
  language: 'ta',
  codeNames: ['ஓடிபி', 'குறியீடு', 'சரிபார்ப்பு குறியீடு', 'கடவுச்சொல்', 'ஒருமுறை கடவுச்சொல்'],
  labels: { amount: ['தொகை', 'இருப்பு'] },
};

const TELUGU: LanguageKeywords = {
  language: 'te',
  codeNames: ['ఓటీపీ', 'కోడ్', 'ధృవీకరణ కోడ్', 'పాస్‌వర్డ్', 'వన్ టైమ్ పాస్‌వర్డ్'],
  labels: { amount: ['మొత్తం', 'బ్యాలెన్స్'] },
};

const SINHALA: LanguageKeywords = {
  language: 'si',
  codeNames: ['කේතය', 'කේතයයි', 'සත්‍යාපන කේතය', 'මුරපදය', 'එක් වරක් මුරපදය'],
};

/** Khmer and Burmese do not space words; tokens.ts reads them character by character like Thai. */
const KHMER: LanguageKeywords = {
  language: 'km',
  codeNames: ['លេខកូដ', 'កូដ', 'លេខសម្ងាត់', 'លេខកូដផ្ទៀងផ្ទាត់'],
  copulas: ['គឺ'],
};

const BURMESE: LanguageKeywords = {
  language: 'my',
  codeNames: ['ကုဒ်', 'အတည်ပြုကုဒ်', 'လျှို့ဝှက်နံပါတ်'],
};

export const EXTRA_LANGUAGES: readonly LanguageKeywords[] = [
  SLOVAK, SERBO_CROATIAN_LATIN, SERBIAN_CYRILLIC, BULGARIAN, SLOVENIAN, CATALAN, LITHUANIAN, LATVIAN, ESTONIAN,
  SWAHILI, ALBANIAN, TAGALOG, AZERBAIJANI, UZBEK, KAZAKH, GEORGIAN, ARMENIAN, MARATHI_NEPALI, TAMIL, TELUGU,
  SINHALA, KHMER, BURMESE,
];
