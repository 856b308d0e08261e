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

/** Georgian glues the copula to the noun ("კოდია" = is the code) and marks case with endings ("კოდით"). */
const GEORGIAN: LanguageKeywords = {
  language: 'ka',
  codeNames: [
    'კოდი', 'კოდია', 'კოდს', 'კოდით', 'კოდის', 'ერთჯერადი კოდი', 'ერთჯერადი კოდია', 'დადასტურების კოდი',
    'დადასტურების კოდია', 'ვერიფიკაციის კოდი', 'ვერიფიკაციის კოდია', 'ავტორიზაციის კოდი', 'ავტორიზაციის კოდია',
    'უსაფრთხოების კოდი', 'შესვლის კოდი', 'აქტივაციის კოდი', 'საიდუმლო კოდი', 'პინ კოდი', 'პინ-კოდი', 'sms კოდი',
    'პაროლი', 'პაროლია', 'პაროლს', 'პაროლით', 'ერთჯერადი პაროლი', 'ერთჯერადი პაროლია',
  ],
  codeActions: ['შეიყვანეთ', 'დაადასტურეთ', 'ავტორიზაციისთვის', 'დასადასტურებლად'],
  labels: {
    order: ['შეკვეთა', 'შეკვეთის', 'შეკვეთის ნომერი'],
    tracking: ['ამანათი', 'ამანათის', 'გზავნილი'],
    amount: ['თანხა', 'თანხით', 'ნაშთი', 'ბალანსი'],
    'card-ending': ['ბარათი', 'ბარათით', 'ბარათზე'],
    account: ['ანგარიში', 'ანგარიშზე', 'ანგარიშიდან'],
  },
  copulas: ['არის'],
};

/**
 * Armenian suffixes its article: "-ը" after a consonant, "-ն" before a vowel, which is how the copula
 * follows it ("Ձեր գաղտնաբառն է 123456", "կոդն է"); "-ով" is the instrumental ("կոդով"), "-ի" the genitive.
 */
const ARMENIAN: LanguageKeywords = {
  language: 'hy',
  codeNames: [
    'կոդ', 'կոդը', 'կոդն', 'կոդով', 'կոդի', 'հաստատման կոդ', 'հաստատման կոդը', 'հաստատման կոդն', 'ստուգման կոդ',
    'ստուգման կոդը', 'ստուգման կոդն', 'նույնականացման կոդ', 'նույնականացման կոդը', 'նույնականացման կոդն',
    'անվտանգության կոդ', 'անվտանգության կոդը', 'անվտանգության կոդն', 'մուտքի կոդ', 'մուտքի կոդը', 'մուտքի կոդն',
    'ակտիվացման կոդ', 'ակտիվացման կոդը', 'գաղտնաբառ', 'գաղտնաբառը', 'գաղտնաբառն', 'գաղտնաբառով', 'միանգամյա կոդ',
    'միանգամյա կոդը', 'միանգամյա կոդն', 'միանգամյա գաղտնաբառ', 'միանգամյա գաղտնաբառը', 'միանգամյա գաղտնաբառն',
    'մեկանգամյա կոդ', 'մեկանգամյա գաղտնաբառ', 'պին կոդ', 'պին կոդը', 'պին կոդն',
  ],
  codeActions: ['մուտքագրեք', 'հաստատեք', 'հաստատելու'],
  labels: {
    order: ['պատվեր', 'պատվերը', 'պատվերի'],
    tracking: ['ծանրոց', 'ծանրոցը', 'առաքում'],
    amount: ['գումար', 'գումարը', 'մնացորդ', 'մնացորդը'],
    'card-ending': ['քարտ', 'քարտով', 'քարտը', 'քարտի'],
    account: ['հաշիվ', 'հաշվին', 'հաշվից'],
  },
  copulas: ['է'],  notServiceNames: ['ձեր', 'քո', 'հարգելի'],
};

/**
 * Marathi and Nepali write in Devanagari like Hindi; these are the words Hindi's table lacks ("कोड",
 * "ओटीपी", "पासवर्ड" are there). Folding strips vowel signs, so "पिन नम्बर" would fold like "पैन नम्बर"
 * (the PAN tax number) and is left out.
 */
const MARATHI_NEPALI: LanguageKeywords = {
  language: 'mr',
  codeNames: [
    'पडताळणी कोड', 'संकेतशब्द', 'प्रमाणीकरण कोड', 'पुष्टीकरण कोड', 'गोप्य कोड', 'पुष्टि कोड', 'गोप्य नम्बर',
    'गोपनीय कोड', 'एकवेळ पासवर्ड',
  ],
  codeActions: ['प्रविष्ट करा', 'प्रविष्ट गर्नुहोस्', 'पुष्टि गर्नुहोस्'],
  labels: {
    amount: ['रक्कम', 'शिल्लक', 'रकम', 'मौज्दात', 'ब्यालेन्स'],
  },
  copulas: ['आहे', 'हो', 'छ'],
};

/** "பின்" (PIN) means "after" in Tamil, so the PIN is named by "ரகசிய எண்" (secret number) instead. */
const TAMIL: LanguageKeywords = {
  language: 'ta',
  codeNames: [
    'ஓடிபி', 'ஓடிபி எண்', 'குறியீடு', 'குறியீட்டை', 'குறியீட்டு எண்', 'சரிபார்ப்பு குறியீடு',
    'சரிபார்ப்புக் குறியீடு', 'உறுதிப்படுத்தல் குறியீடு', 'பாதுகாப்பு குறியீடு', 'ரகசிய குறியீடு', 'ரகசிய எண்',
    'கடவுச்சொல்', 'கடவுச்சொல்லை', 'ஒருமுறை கடவுச்சொல்', 'ஒரு முறை கடவுச்சொல்',
  ],
  codeActions: ['உள்ளிடவும்', 'உள்ளிடுக', 'சரிபார்க்க'],
  labels: {
    order: ['ஆர்டர்'],
    tracking: ['பார்சல்'],
    amount: ['தொகை', 'இருப்பு'],
    'card-ending': ['கார்டு', 'அட்டை'],
    account: ['கணக்கு'],
  },
  // "உங்கள் OTP என்பது 123456" (topic before the number), "… 123456 ஆகும்" (after it).
  copulas: ['என்பது', 'ஆகும்'],
};

/** The zero-width non-joiner in "పాస్‌వర్డ్" reads as a space; the spelling without it is listed too. */
const TELUGU: LanguageKeywords = {
  language: 'te',
  codeNames: [
    'ఓటీపీ', 'ఒటిపి', 'ఓటీపీని', 'కోడ్', 'ధృవీకరణ కోడ్', 'నిర్ధారణ కోడ్', 'భద్రతా కోడ్', 'రహస్య కోడ్',
    'వెరిఫికేషన్ కోడ్', 'పాస్‌వర్డ్', 'పాస్వర్డ్', 'వన్ టైమ్ పాస్‌వర్డ్', 'వన్ టైమ్ పాస్వర్డ్',
  ],
  codeActions: ['నమోదు చేయండి', 'ధృవీకరించండి'],
  labels: {
    order: ['ఆర్డర్'],
    tracking: ['పార్శిల్'],
    amount: ['మొత్తం', 'బ్యాలెన్స్'],
    'card-ending': ['కార్డ్'],
    account: ['ఖాతా'],
  },
};

/** "-යි" is Sinhala's predicate ending ("කේතයයි" = is the code); "වන්නේ" introduces the predicate. */
const SINHALA: LanguageKeywords = {
  language: 'si',
  codeNames: [
    'කේතය', 'කේතයයි', 'ඕටීපී', 'සත්‍යාපන කේතය', 'සත්යාපන කේතය', 'සත්‍යාපන කේතයයි', 'තහවුරු කිරීමේ කේතය',
    'ආරක්ෂක කේතය', 'කේත අංකය', 'රහස් අංකය', 'පින් අංකය', 'මුරපදය', 'මුරපදයයි', 'එක් වරක් මුරපදය',
    'එක්වරක් මුරපදය',
  ],
  codeActions: ['ඇතුළත් කරන්න', 'තහවුරු කරන්න'],
  labels: {
    order: ['ඇණවුම'],
    tracking: ['පාර්සලය'],
    amount: ['මුදල', 'ශේෂය'],
    'card-ending': ['කාඩ්පත'],
    account: ['ගිණුම', 'ගිණුමේ'],
  },
  copulas: ['වන්නේ', 'වේ'],
};

/**
 * Khmer and Burmese do not space words; tokens.ts reads them character by character like Thai, so a
 * phrase matches inside running text and a copula of more than one character ("គឺ", Burmese "မှာ")
 * never stands alone as a token: the code nouns sit close enough to the code without one.
 */
const KHMER: LanguageKeywords = {
  language: 'km',
  codeNames: [
    'លេខកូដ', 'កូដ', 'លេខសម្ងាត់', 'លេខកូដផ្ទៀងផ្ទាត់', 'កូដផ្ទៀងផ្ទាត់', 'លេខកូដបញ្ជាក់', 'លេខកូដសុវត្ថិភាព',
    'ពាក្យសម្ងាត់',
  ],
  codeActions: ['បញ្ចូល', 'ផ្ទៀងផ្ទាត់'],
  labels: {
    order: ['ការបញ្ជាទិញ'],
    tracking: ['កញ្ចប់ឥវ៉ាន់'],
    amount: ['ចំនួនទឹកប្រាក់', 'សមតុល្យ'],
    account: ['គណនី'],
  },
  copulas: ['គឺ'],
};

/**
 * Burmese in Unicode and in Zawgyi, the legacy font encoding many senders still use: Zawgyi writes the
 * asat with U+1039 and shifts the medials, so "ကုဒ်" arrives as "ကုဒ္" and "စကားဝှက်" as "စကားဝွက္".
 */
const BURMESE: LanguageKeywords = {
  language: 'my',
  codeNames: [
    'ကုဒ်', 'အတည်ပြုကုဒ်', 'လျှို့ဝှက်နံပါတ်', 'အိုတီပီ', 'စကားဝှက်', 'ပင်နံပါတ်', 'အတည်ပြုနံပါတ်',
    '\u1000\u102f\u1012\u1039', '\u1005\u1000\u102c\u1038\u101d\u103d\u1000\u1039',
  ],
  codeActions: ['ထည့်ပါ', 'အတည်ပြုပါ'],
  labels: {
    order: ['အော်ဒါ'],
    tracking: ['ပါဆယ်'],
    amount: ['ငွေပမာဏ', 'လက်ကျန်ငွေ'],
    account: ['အကောင့်'],
  },
};

export const EXTRA_LANGUAGES: readonly LanguageKeywords[] = [
  SLOVAK, SERBO_CROATIAN_LATIN, SERBIAN_CYRILLIC, BULGARIAN, SLOVENIAN, CATALAN, LITHUANIAN, LATVIAN, ESTONIAN,
  SWAHILI, ALBANIAN, TAGALOG, AZERBAIJANI, UZBEK, KAZAKH, GEORGIAN, ARMENIAN, MARATHI_NEPALI, TAMIL, TELUGU,
  SINHALA, KHMER, BURMESE,
];
