/**
 * Keyword tables for a further ring of languages: the smaller languages of Europe (Icelandic, Maltese,
 * Irish, Welsh, Basque, Galician, Macedonian, Belarusian), Southern and West Africa (Afrikaans, Zulu,
 * Xhosa, Hausa, Yoruba, Igbo), Ethiopia (Amharic), India's other scripts (Gujarati, Gurmukhi, Kannada,
 * Malayalam), and Lao, Mongolian, Pashto and Kurdish. Data only; see keywords.ts for what each field means
 * and keywords-extra.ts for the conventions these small tables follow (the case forms SMS use, the
 * copula, the labels that most often stand before other numbers; a word that means something else in
 * another language only inside a phrase).
 *
 * How folding (tokens.ts) shapes these lists:
 * - Accents, tone marks and dots below are stripped, so one entry covers Yoruba and Igbo with or without
 *   diacritics ("kóòdù ìjẹ́rìsí" and "koodu ijerisi" are the same key), and Maltese, Welsh, Kurmanji and
 *   Irish with or without accents. Letters that do not decompose stay: Icelandic "ð" and "þ", Maltese
 *   "ħ", Hausa "ɗ". Senders that fall back to ASCII write "d", "th", "h" for them, so those spellings are
 *   listed as well (Icelandic "kodi" only inside a phrase: it is Swahili for rent).
 * - Indic vowel signs and viramas are kept: they are the vowels of those scripts, so fold() leaves them
 *   (only Latin, Greek and Cyrillic accents and Hebrew and Arabic points are stripped). Kannada "ಕೋಡ್"
 *   (code) and Gujarati "કોડ" are still listed only inside phrases, and "PIN" is left out of the Indic
 *   tables, both written when marks were stripped; they are the cautious choice either way.
 * - Zero-width joiners and non-joiners become spaces, so "ಪಾಸ್‌ವರ್ಡ್" is two tokens; the spelling without
 *   the non-joiner is listed too.
 * - Lao is read character by character like Thai, so its phrases match inside running text. A copula
 *   of several characters matches too (lexicon.ts isCopulaEndingAt); Lao has none listed yet.
 *
 * Copulas matter only where they stand before the number ("Eich cod yw 123456", "Таны код нь 123456",
 * Zulu "ngu-123456"); verb-final languages (Amharic, Gujarati, Gurmukhi, Kannada, Malayalam) put theirs
 * after it, where they are listed for completeness and do no work. Pashto's is left out (see its table).
 */
import type { LanguageKeywords } from './keywords';

const ICELANDIC: LanguageKeywords = {
  language: 'is',
  codeNames: [
    'kóði', 'kóðinn', 'kóðann', 'kóðanum', 'kodinn', 'kodann', 'þinn kóði', 'einnota kóði', 'thinn kodi',
    'einnota kodi', 'staðfestingarkóði', 'staðfestingarkóðinn', 'staðfestingarkóða', 'stadfestingarkodi',
    'stadfestingarkodinn', 'öryggiskóði', 'öryggiskóðinn', 'oryggiskodi', 'oryggiskodinn', 'auðkenningarkóði',
    'auðkenningarkóðinn', 'audkenningarkodi', 'innskráningarkóði', 'innskráningarkóðinn', 'innskraningarkodi',
    'aðgangskóði', 'adgangskodi', 'virkjunarkóði', 'lykilorð', 'lykilorðið', 'lykilord', 'einnota lykilorð',
    'einnota lykilord',
  ],
  codeActions: ['staðfesta', 'staðfestu', 'stadfesta', 'stadfestu', 'sláðu inn', 'sladu inn', 'innskráning'],
  labels: {
    order: ['pöntun', 'pöntunin', 'pöntunarnúmer', 'pontunarnumer'],
    tracking: ['sending', 'sendingin', 'sendingarnúmer', 'pakki', 'pakkinn'],
    amount: ['upphæð', 'upphæðin', 'upphaed', 'staða'],
    'card-ending': ['kort', 'kortið', 'kortinu'],
    account: ['reikningur', 'reikning'],
  },
  copulas: ['er'],
  prepositions: ['fyrir'],
  notServiceNames: ['þinn', 'thinn', 'hæ', 'kæri'],
};

const MALTESE: LanguageKeywords = {
  language: 'mt',
  codeNames: [
    'kodiċi', "kodiċi ta' verifika", "kodiċi ta' konferma", 'kodiċi tas-sigurtà', "kodiċi ta' aċċess",
    "kodiċi ta' darba", "password ta' darba", "kodiċi ta' użu wieħed",
  ],
  codeActions: ['daħħal', 'dahhal', 'ikkonferma', 'ivverifika', 'idħol', 'idhol'],
  labels: {
    order: ['ordni'],
    tracking: ['pakkett', 'kunsinna'],
    amount: ['ammont', 'bilanċ'],
    'card-ending': ['karta'],
    account: ['kont'],
  },
  // "Il-kodiċi tiegħek huwa 123456"; "hi" is left out, as it is the English greeting.
  copulas: ['huwa', 'hija', 'hu'],
  prepositions: ['għal', 'ghal'],
  notServiceNames: ['tiegħek', 'tieghek', 'għażiż', 'ghaziz'],
};

/** Irish lenites "cód" after "do" (your): "do chód"; Czech "chod" (course) keeps that form in a phrase. */
const IRISH: LanguageKeywords = {
  language: 'ga',
  codeNames: [
    'cód', 'do chód', 'cód fíoraithe', 'do chód fíoraithe', 'cód deimhnithe', 'do chód deimhnithe',
    'cód slándála', 'cód aon-uaire', 'cód aonuaire', 'cód logála isteach', 'pasfhocal aon-uaire', 'pasfhocal',
    'uimhir pin',
  ],
  codeActions: ['fíoraigh', 'deimhnigh', 'cuir isteach', 'logáil isteach'],
  labels: {
    order: ['ordú'],
    tracking: ['beart', 'pacáiste', 'lastas'],
    amount: ['méid', 'iarmhéid'],
    'card-ending': ['cárta'],
    account: ['cuntas'],
  },
  // "Is é 123456 do chód": the copula stands before the number, the code noun after it.
  copulas: ['is'],
};

/** Welsh soft-mutates "cod" to "god" after "dy" (your); "god" alone is English, so only the phrase. */
const WELSH: LanguageKeywords = {
  language: 'cy',
  codeNames: [
    'cod', 'côd', 'eich cod', 'dy god', 'cod dilysu', 'côd dilysu', 'cod cadarnhau', 'cod diogelwch',
    'cod mewngofnodi', 'cod untro', 'cod un-tro', 'cyfrinair', 'cyfrinair untro', 'rhif pin',
  ],
  codeActions: ['dilysu', 'cadarnhau', 'mewngofnodi', 'rhowch'],
  labels: {
    order: ['archeb', 'rhif archeb'],
    tracking: ['parsel', 'pecyn'],
    amount: ['swm', 'balans', 'gweddill'],
    'card-ending': ['cerdyn', 'cerdyn yn gorffen gyda'],
    account: ['cyfrif'],
  },
  copulas: ['yw', 'ydy'],
  notServiceNames: ['eich', 'dy', 'helo', 'annwyl'],
};

const BASQUE: LanguageKeywords = {
  language: 'eu',
  codeNames: [
    'kodea', 'egiaztapen-kodea', 'egiaztapen kodea', 'egiaztatze-kodea', 'baieztapen-kodea',
    'segurtasun-kodea', 'sarbide-kodea', 'aldi bakarreko kodea', 'pasahitza', 'aldi bakarreko pasahitza',
    'pin kodea',
  ],
  codeActions: ['egiaztatu', 'baieztatu', 'sartu', 'saioa hasi'],
  labels: {
    order: ['eskaera', 'eskaera-zenbakia'],
    tracking: ['bidalketa', 'paketea'],
    amount: ['zenbatekoa', 'saldoa'],
    'card-ending': ['txartela', 'txartelaren'],
    account: ['kontua'],
    reference: ['qr kodea'],
  },
  notServiceNames: ['zure', 'kaixo'],
};

/** Galician shares most nouns with Spanish and Portuguese; these are the ones those tables lack. */
const GALICIAN: LanguageKeywords = {
  language: 'gl',
  codeNames: [
    'código', 'código de verificación', 'código de seguranza', 'código de acceso', 'código dun só uso',
    'contrasinal', 'contrasinal dun só uso',
  ],
  codeActions: ['verificar', 'confirmar', 'introduce', 'iniciar sesión'],
  labels: {
    order: ['pedido', 'número de pedido'],
    tracking: ['envío', 'paquete', 'seguimento'],
    amount: ['importe', 'saldo'],
    'card-ending': ['tarxeta', 'tarxeta rematada en', 'rematada en'],
    account: ['conta'],
  },
  copulas: ['é'],
  prepositions: ['de', 'do', 'da', 'para'],
  notServiceNames: ['teu', 'túa', 'ola'],
};

/** Afrikaans follows Dutch: the bare "wagwoord" (password) is left out, like Dutch "wachtwoord". */
const AFRIKAANS: LanguageKeywords = {
  language: 'af',
  codeNames: [
    'kode', 'verifikasiekode', 'bevestigingskode', 'sekuriteitskode', 'veiligheidskode', 'toegangskode',
    'aanmeldkode', 'eenmalige kode', 'eenmalige wagwoord', 'eenmalige pin', 'pinkode',
  ],
  codeActions: ['verifieer', 'bevestig', 'teken aan', 'meld aan', 'sleutel in'],
  labels: {
    order: ['bestelling', 'bestelnommer'],
    tracking: ['pakkie', 'besending', 'naspoornommer'],
    amount: ['bedrag', 'saldo', 'beskikbare saldo'],
    'card-ending': ['kaart', 'eindig op'],
    account: ['rekening', 'rekeningnommer'],
  },
  copulas: ['is'],
  prepositions: ['vir'],
  notServiceNames: ['jou', 'u', 'hallo', 'beste', 'geagte'],
};

/** Zulu joins the copula to the number with a hyphen: "Ikhodi yakho ngu-123456". */
const ZULU: LanguageKeywords = {
  language: 'zu',
  codeNames: [
    'ikhodi', 'khodi', 'ikhodi yakho', 'ikhodi yokuqinisekisa', 'ikhodi yakho yokuqinisekisa',
    'ikhodi yokungena', 'ikhodi yesikhathi esisodwa', 'iphasiwedi', 'inombolo yokuqinisekisa', 'inombolo yephini',
  ],
  codeActions: ['qinisekisa', 'faka', 'ngena', 'sebenzisa'],
  labels: {
    order: ['i-oda'],
    tracking: ['iphasela', 'iphakheji'],
    amount: ['imali', 'ibhalansi', 'inani'],
    'card-ending': ['ikhadi'],
    account: ['akhawunti'],
    phone: ['ikhodi yezwe'],
    address: ['ikhodi yeposi'],
  },
  copulas: ['ngu'],
  notServiceNames: ['sawubona', 'yakho'],
};

const XHOSA: LanguageKeywords = {
  language: 'xh',
  codeNames: [
    'ikhowudi', 'khowudi', 'ikhowudi yakho', 'ikhowudi yokuqinisekisa', 'ikhowudi yokungena', 'ikhodi',
    'iphasiwedi', 'inombolo yokuqinisekisa',
  ],
  codeActions: ['qinisekisa', 'faka', 'ngena', 'sebenzisa'],
  labels: {
    order: ['i-odolo'],
    tracking: ['ipasile', 'ipakethe'],
    amount: ['imali', 'ibhalansi', 'isixa'],
    'card-ending': ['ikhadi'],
    account: ['akhawunti'],
    phone: ['ikhowudi yelizwe'],
    address: ['ikhowudi yeposi'],
  },
  // "Ikhowudi yakho yokuqinisekisa yile: 123456" ("is this").
  copulas: ['ngu', 'yile'],
  notServiceNames: ['molo', 'yakho'],
};

/** Hausa "lamba" is any number; only its phrases ("lambar sirri" = PIN) name a code. */
const HAUSA: LanguageKeywords = {
  language: 'ha',
  codeNames: [
    'lambar sirri', 'lambar sirrinka', 'lambar sirrinki', 'lambar tabbatarwa', 'lambar tabbatarwarka',
    'lambar tabbatarwarki', 'lambar tantancewa', 'lambar shiga', 'kalmar sirri', 'kalmar wucewa',
  ],
  codeActions: ['tabbatar', 'shigar da'],
  labels: {
    order: ['oda'],
    tracking: ['kunshin', 'kunshi'],
    amount: ['adadi', 'kuɗi', 'kudi'],
    'card-ending': ['katin'],
    account: ['asusun'],
  },
  // "Lambar tabbatarwarka ita ce 123456".
  copulas: ['ce'],
  notServiceNames: ['sannu'],
};

/** Folding strips Yoruba tone marks and dots below: each entry also matches the bare-letter spelling. */
const YORUBA: LanguageKeywords = {
  language: 'yo',
  codeNames: [
    'kóòdù', 'kóòdù rẹ', 'kóòdù ìjẹ́rìsí', 'kóòdù ìjẹ́rìísí', 'kóòdù ìfọwọ́sí', 'kóòdù aṣírí', 'nọ́mbà ìjẹ́rìsí',
    'nọ́mbà aṣírí', 'ọ̀rọ̀ aṣínà', 'ọ̀rọ̀ ìgbaniwọlé',
  ],
  codeActions: ['jẹ́rìsí', 'ìjẹ́rìsí', 'wọlé'],
  labels: {
    amount: ['iye owó', 'iyókù owó'],
    'card-ending': ['káàdì'],
  },
  copulas: ['ni', 'jẹ́'],
};

const IGBO: LanguageKeywords = {
  language: 'ig',
  codeNames: ['koodu', 'koodu gị', 'koodu nkwenye', 'koodu nzuzo', 'okwuntughe', 'okwu ntụghe', 'paswọọdụ'],
  codeActions: ['tinye', 'kwado', 'kwenye', 'nyochaa'],
  labels: {
    tracking: ['ngwugwu'],
    'card-ending': ['kaadị'],
  },
  copulas: ['bụ'],
};

const AMHARIC: LanguageKeywords = {
  language: 'am',
  codeNames: [
    'ኮድ', 'ኮዱ', 'ኮድዎ', 'ኮድህ', 'ኮድሽ', 'የማረጋገጫ ኮድ', 'የማረጋገጫ ኮድዎ', 'የማረጋገጫ ቁጥር', 'የማረጋገጫ ቁጥርዎ',
    'የይለፍ ቃል', 'የይለፍ ቃልዎ', 'የአንድ ጊዜ የይለፍ ቃል', 'የአንድ ጊዜ ኮድ', 'ሚስጥራዊ ቁጥር', 'የሚስጥር ቁጥር', 'ፒን', 'ኦቲፒ',
  ],
  codeActions: ['ያስገቡ', 'ያረጋግጡ', 'ለማረጋገጥ'],
  labels: {
    order: ['ትዕዛዝ'],
    tracking: ['ጥቅል'],
    amount: ['መጠን', 'ቀሪ ሂሳብ'],
    'card-ending': ['ካርድ'],
    account: ['ሂሳብ', 'ሂሳብዎ'],
  },
  copulas: ['ነው'],
};

/** Gujarati "કોડ" folds like "કડી" (link), so the code noun is listed only inside phrases. */
const GUJARATI: LanguageKeywords = {
  language: 'gu',
  codeNames: [
    'ઓટીપી', 'ઓટીપી કોડ', 'ચકાસણી કોડ', 'વેરિફિકેશન કોડ', 'પુષ્ટિકરણ કોડ', 'સુરક્ષા કોડ', 'ગુપ્ત કોડ', 'લૉગિન કોડ',
    'પાસવર્ડ', 'વન ટાઇમ પાસવર્ડ',
  ],
  codeActions: ['દાખલ કરો', 'ચકાસો'],
  labels: {
    order: ['ઓર્ડર'],
    tracking: ['પાર્સલ'],
    amount: ['રકમ', 'બેલેન્સ'],
    'card-ending': ['કાર્ડ'],
    account: ['ખાતું', 'ખાતા'],
    address: ['પિન કોડ', 'પિનકોડ'],
  },
  copulas: ['છે'],
};

const PUNJABI: LanguageKeywords = {
  language: 'pa',
  codeNames: [
    'ਓਟੀਪੀ', 'ਕੋਡ', 'ਪੁਸ਼ਟੀਕਰਨ ਕੋਡ', 'ਤਸਦੀਕ ਕੋਡ', 'ਵੈਰੀਫਿਕੇਸ਼ਨ ਕੋਡ', 'ਸੁਰੱਖਿਆ ਕੋਡ', 'ਗੁਪਤ ਕੋਡ', 'ਪਾਸਵਰਡ',
    'ਵਨ ਟਾਈਮ ਪਾਸਵਰਡ',
  ],
  codeActions: ['ਦਰਜ ਕਰੋ', 'ਪੁਸ਼ਟੀ ਕਰੋ'],
  labels: {
    order: ['ਆਰਡਰ'],
    tracking: ['ਪਾਰਸਲ'],
    amount: ['ਰਕਮ', 'ਬਕਾਇਆ', 'ਬੈਲੇਂਸ'],
    'card-ending': ['ਕਾਰਡ'],
    account: ['ਖਾਤਾ', 'ਖਾਤੇ'],
    address: ['ਪਿੰਨ ਕੋਡ'],
  },
  copulas: ['ਹੈ'],
};

/** Kannada "ಕೋಡ್" folds like "ಕೊಡಿ" (give) and "ಕಡೆ" (side): the code noun only inside phrases. */
const KANNADA: LanguageKeywords = {
  language: 'kn',
  codeNames: [
    'ಒಟಿಪಿ', 'ಓಟಿಪಿ', 'ಒಟಿಪಿ ಕೋಡ್', 'ಪರಿಶೀಲನೆ ಕೋಡ್', 'ಪರಿಶೀಲನಾ ಕೋಡ್', 'ದೃಢೀಕರಣ ಕೋಡ್', 'ಭದ್ರತಾ ಕೋಡ್', 'ಲಾಗಿನ್ ಕೋಡ್',
    'ರಹಸ್ಯ ಕೋಡ್', 'ಪಾಸ್‌ವರ್ಡ್', 'ಪಾಸ್ವರ್ಡ್', 'ಗುಪ್ತಪದ', 'ಒಂದು ಬಾರಿಯ ಪಾಸ್‌ವರ್ಡ್',
  ],
  codeActions: ['ನಮೂದಿಸಿ', 'ಪರಿಶೀಲಿಸಿ', 'ದೃಢೀಕರಿಸಿ'],
  labels: {
    order: ['ಆರ್ಡರ್'],
    tracking: ['ಪಾರ್ಸೆಲ್'],
    amount: ['ಮೊತ್ತ', 'ಬ್ಯಾಲೆನ್ಸ್'],
    'card-ending': ['ಕಾರ್ಡ್'],
    account: ['ಖಾತೆ'],
    address: ['ಪಿನ್ ಕೋಡ್'],
  },
  copulas: ['ಆಗಿದೆ'],
};

const MALAYALAM: LanguageKeywords = {
  language: 'ml',
  codeNames: [
    'ഒടിപി', 'ഓടിപി', 'കോഡ്', 'സ്ഥിരീകരണ കോഡ്', 'പരിശോധനാ കോഡ്', 'വെരിഫിക്കേഷൻ കോഡ്', 'സുരക്ഷാ കോഡ്',
    'രഹസ്യ കോഡ്', 'പാസ്‌വേഡ്', 'പാസ്വേഡ്', 'ഒറ്റത്തവണ പാസ്‌വേഡ്', 'ഒറ്റത്തവണ പാസ്വേഡ്',
  ],
  codeActions: ['നൽകുക', 'സ്ഥിരീകരിക്കുക'],
  labels: {
    order: ['ഓർഡർ'],
    tracking: ['പാഴ്സൽ', 'പാർസൽ'],
    amount: ['തുക', 'ബാലൻസ്'],
    'card-ending': ['കാർഡ്'],
    account: ['അക്കൗണ്ട്'],
    address: ['പിൻ കോഡ്'],
  },
  copulas: ['ആണ്'],
};

/** Lao is read character by character (tokens.ts), like Thai: "ລະຫັດ" matches inside "ລະຫັດຂອງທ່ານ". */
const LAO: LanguageKeywords = {
  language: 'lo',
  codeNames: ['ລະຫັດ', 'ລະຫັດຢືນຢັນ', 'ລະຫັດຜ່ານ', 'ລະຫັດ OTP', 'ໂອທີພີ'],
  codeActions: ['ຢືນຢັນ', 'ເຂົ້າສູ່ລະບົບ', 'ປ້ອນ'],
  labels: {
    order: ['ຄຳສັ່ງຊື້'],
    tracking: ['ພັດສະດຸ'],
    reference: ['ລະຫັດລູກຄ້າ'],
    amount: ['ຍອດເງິນ', 'ຈຳນວນເງິນ'],
    'card-ending': ['ບັດ'],
    account: ['ບັນຊີ'],
    address: ['ລະຫັດໄປສະນີ'],
  },
  promotions: ['ສ່ວນຫຼຸດ', 'ສ່ວນຫລຸດ', 'ໂປຣໂມຊັ່ນ'],
};

/** Mongolian puts the topic particle "нь" between the code noun and the code: "Таны код нь 123456". */
const MONGOLIAN: LanguageKeywords = {
  language: 'mn',
  codeNames: [
    'код', 'кодыг', 'кодоо', 'баталгаажуулах код', 'баталгаажуулалтын код', 'нэвтрэх код', 'нууц код', 'нууц үг',
    'нууц үгээ', 'нэг удаагийн код', 'нэг удаагийн нууц үг', 'пин код',
  ],
  codeActions: ['оруулна уу', 'баталгаажуулна уу', 'нэвтрэх'],
  labels: {
    order: ['захиалга', 'захиалгын дугаар'],
    tracking: ['илгээмж', 'илгээмжийн дугаар', 'ачаа'],
    amount: ['дүн', 'үлдэгдэл', 'баланс'],
    'card-ending': ['карт', 'картын'],
    account: ['данс', 'дансны'],
  },
  copulas: ['нь'],
  notServiceNames: ['таны', 'сайн', 'энэ'],
};

/**
 * Pashto spells code with retroflex "ډ" ("کوډ"); the copula "دی" follows the number and is left out,
 * since the same letters are the Persian month Dey, which stands before years.
 */
const PASHTO: LanguageKeywords = {
  language: 'ps',
  codeNames: [
    'کوډ', 'ستاسو کوډ', 'د تایید کوډ', 'د تصدیق کوډ', 'تاییدي کوډ', 'امنیتي کوډ', 'د ننوتلو کوډ', 'یو ځلي کوډ',
    'پټ کوډ', 'پاسورډ', 'یو ځلي پاسورډ', 'پټنوم', 'پټ نوم',
  ],
  codeActions: ['ولیکئ', 'داخل کړئ', 'دننه کړئ', 'تایید کړئ', 'ننوتل'],
  labels: {
    order: ['فرمایش'],
    tracking: ['پارسل', 'بسته'],
    amount: ['مقدار', 'بیلانس'],
    'card-ending': ['کارت'],
    account: ['حساب'],
    reference: ['qr کوډ'],
  },
  promotions: ['د پیژندنې کوډ'],
};

/** Kurmanji (Latin) and Sorani (Arabic script); Kurmanji "koda", "kodê" and "şîfre" are in older tables. */
const KURDISH: LanguageKeywords = {
  language: 'ku',
  codeNames: [
    'koda te', 'koda te ya piştrastkirinê', 'koda piştrastkirinê', 'koda verastkirinê', 'koda yekcarî', 'koda ewlehiyê', 'koda têketinê',
    'şîfre', 'şîfreya te', 'şîfreya yekcarî', 'کۆد', 'کۆدی', 'کۆدەکە', 'کۆدەکەت', 'کۆدی پشتڕاستکردنەوە',
    'کۆدی دڵنیابوونەوە', 'کۆدی چوونەژوورەوە', 'کۆدی چالاککردن', 'وشەی نهێنی', 'ژمارەی نهێنی', 'وشەی تێپەڕ',
  ],
  codeActions: ['binivîse', 'bikar bîne', 'têkeve', 'piştrast bike', 'بنووسە', 'داخڵ بکە'],
  labels: {
    order: ['siparîş', 'داواکاری'],
    tracking: ['pakêt'],
    amount: ['mîqdar', 'bakiye', 'بڕی پارە', 'باڵانس'],
    'card-ending': ['kart', 'کارت'],
    account: ['hesab', 'هەژمار'],
    reference: ['کۆدی کڕیار', 'کۆدی qr'],
    phone: ['کۆدی وڵات'],
  },
};

const MACEDONIAN: LanguageKeywords = {
  language: 'mk',
  codeNames: [
    'код', 'кодот', 'лозинка', 'лозинката', 'еднократна лозинка', 'еднократен код', 'еднократниот код',
    'верификациски код', 'верификацискиот код', 'код за верификација', 'код за потврда', 'сигурносен код',
    'безбедносен код', 'код за најава', 'пин код',
  ],
  codeActions: ['внесете', 'потврдете', 'најава', 'најавување'],
  labels: {
    order: ['нарачка', 'нарачката'],
    tracking: ['пратка', 'пратката'],
    amount: ['износ', 'износот', 'салдо', 'салдото', 'состојба'],
    'card-ending': ['картичка', 'картичката'],
    account: ['сметка', 'сметката'],
  },
  copulas: ['е'],
  notServiceNames: ['вашиот', 'вашата', 'почитуван', 'почитувани'],
};

const BELARUSIAN: LanguageKeywords = {
  language: 'be',
  codeNames: [
    'код', 'кода', 'кодам', 'код пацвярджэння', 'код праверкі', 'код для ўваходу', 'код доступу', 'аднаразовы код',
    'аднаразовы пароль', 'пароль', 'пароля', 'пін-код',
  ],
  codeActions: ['увядзіце', 'пацвердзіце', 'уваход', 'уваходу', 'пацвярджэння'],
  labels: {
    order: ['замова', 'замовы', 'замову'],
    tracking: ['пасылка', 'пасылку', 'пасылкі', 'адпраўленне'],
    amount: ['сума', 'суму', 'рэшта', 'баланс'],
    'card-ending': ['картка', 'карткі', 'карткай', 'картку'],
    account: ['рахунак', 'рахунку'],
  },
  copulas: ['гэта'],
  notServiceNames: ['ваш', 'ваша', 'вітаем'],
};

export const WORLD_LANGUAGES: readonly LanguageKeywords[] = [
  ICELANDIC, MALTESE, IRISH, WELSH, BASQUE, GALICIAN, AFRIKAANS, ZULU, XHOSA, HAUSA, YORUBA, IGBO, AMHARIC,
  GUJARATI, PUNJABI, KANNADA, MALAYALAM, LAO, MONGOLIAN, PASHTO, KURDISH, MACEDONIAN, BELARUSIAN,
];
