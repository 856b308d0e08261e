/**
 * Vocabulary of the OTP extractor, one table per language plus language-neutral tables.
 *
 * This module is data only: lexicon.ts compiles it once at load. Adding a language means adding one
 * entry to LANGUAGES; nothing else changes. Phrases are written as people type them (case and accents
 * do not matter: matching folds both, because SMS gateways often drop accents that GSM-7 lacks).
 * The same phrase may appear in several languages only with the same meaning; lexicon.ts refuses
 * conflicting duplicates at load so a new table cannot silently change an old one.
 */
import { ASIAN_LANGUAGES } from './keywords-asia';
import { EUROPEAN_LANGUAGES } from './keywords-europe';
import { EXTRA_LANGUAGES } from './keywords-extra';
import { WORLD_LANGUAGES } from './keywords-world';

/** Why a number next to a label is not a one-time code. Also the `reason` reported for it. */
export type LabelReason =
  | 'order'
  | 'tracking'
  | 'reference'
  | 'account'
  | 'card-ending'
  | 'amount'
  | 'phone'
  | 'address'
  | 'date';

export interface LanguageKeywords {
  /** BCP 47 tag; documentation for maintainers, the extractor does not detect languages. */
  readonly language: string;
  /**
   * Nouns that name a one-time code ("verification code"): the strongest evidence for a number. Languages
   * that inflect nouns list the forms that appear in SMS ("kod", "kodu", "kodem"): exact matching keeps
   * lookup a single hash probe per token, and an explicit list cannot match an unrelated longer word.
   */
  readonly codeNames: readonly string[];
  /** Words around using a code ("sign in", "verify"): weaker evidence, often present without a code noun. */
  readonly codeActions?: readonly string[];
  /** Words that name some other number when they stand right before it ("order 12345"). */
  readonly labels?: Readonly<Partial<Record<LabelReason, readonly string[]>>>;
  /** Marketing words: a message containing one is a promotion, whose "codes" are coupons. */
  readonly promotions?: readonly string[];
  /** Words right after a number that make it a quantity ("500 points", "10 minutes"). */
  readonly units?: readonly string[];
  /** Filler allowed between a label and its number ("order number: 123", "Bestellung Nr. 123"). */
  readonly connectors?: readonly string[];
  /** "is" and its kin: "<subject> … is 123456" ties the number to the sentence's subject, however far. */
  readonly copulas?: readonly string[];
  /** Prepositions of "code for X", "código de X": the word after one may name the service. */
  readonly prepositions?: readonly string[];
  /** Words allowed between a service name and the code noun ("Microsoft account security code"). */
  readonly serviceQualifiers?: readonly string[];
  /** Capitalised words that open sentences or greet and are never a service name ("Your", "Dear"). */
  readonly notServiceNames?: readonly string[];
}

const ENGLISH: LanguageKeywords = {
  language: 'en',
  codeNames: [
    'code', 'verification code', 'security code', 'confirmation code', 'authentication code', 'auth code',
    'login code', 'log-in code', 'sign-in code', 'access code', 'one-time code', 'one time code',
    'one-time passcode', 'one time passcode', 'one-time password', 'one time password', 'one-time pin',
    'one time pin', 'passcode', 'otp', 'otp code', '2fa code', 'two-factor code', '2-step verification code',
    'pin', 'pin code', 'security pin', 'temporary code', 'temporary password', 'validation code',
    'activation code', 'approval code', 'authorisation code', 'authorization code', 'verification pin',
    'secure code', 'sms code', 'otp password', 'login otp', 'transaction otp', 'verify code',
  ],
  codeActions: [
    'verify', 'verification', 'confirm', 'sign in', 'sign-in', 'signin', 'log in', 'log-in', 'login',
    'authenticate', 'authentication', 'authorise', 'authorize', 'two-factor', '2fa', 'use', 'enter',
  ],
  labels: {
    order: ['order', 'order number', 'order no', 'order id', 'order code', 'purchase'],
    tracking: [
      'tracking', 'tracking number', 'tracking no', 'tracking code', 'tracking id', 'track', 'parcel',
      'package', 'shipment', 'consignment', 'waybill', 'awb', 'pickup code', 'pick-up code', 'collection code',
      'locker code', 'delivery code',
    ],
    reference: [
      'ref', 'reference', 'reference number', 'reference code', 'booking', 'booking reference', 'booking code',
      'reservation', 'confirmation number', 'confirmation no', 'invoice', 'receipt', 'ticket', 'case',
      'claim', 'policy', 'customer number', 'customer id', 'customer no', 'customer code', 'client code',
      'client number', 'client id', 'member', 'membership', 'transaction',
      'transaction id', 'flight', 'gate', 'seat', 'room', 'qr code', 'product code', 'item code', 'serial',
      'pnr', 'utr', 'ref no', 'booking id', 'appointment', 'platform', 'coach', 'bus', 'train',
      'branch', 'branch code', 'ifsc', 'session', 'session id', 'device id',
    ],
    account: ['account', 'account number', 'acct', 'a/c', 'iban', 'sort code'],
    'card-ending': [
      'card', 'card ending', 'card ending in', 'ending', 'ending in', 'ending with', 'ends in', 'ends with',
      'card number', 'card no', 'last 4 digits', 'last four digits',
    ],
    amount: [
      'balance', 'available balance', 'total', 'amount', 'payment of', 'paid', 'charged', 'spent', 'price',
      'cost', 'fee', 'limit', 'refund of', 'transfer of', 'withdrawal of', 'deposit of', 'bal', 'avl bal',
      'debited', 'credited', 'debited by', 'credited with', 'credit limit',
    ],
    phone: ['call', 'phone', 'tel', 'telephone', 'hotline', 'helpline', 'text'],
    address: ['postcode', 'post code', 'postal code', 'zip', 'zip code', 'flat', 'apt', 'apartment', 'suite'],
    date: [
      'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
      'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
      'dec',
    ],
  },
  promotions: [
    'promo', 'promo code', 'promotion', 'promotional', 'discount', 'discount code', 'coupon', 'coupon code',
    'voucher', 'voucher code', 'gift card', 'gift code', 'referral code', 'sale', 'deal', 'deals', 'offer',
    'cashback', '% off', 'shop now', 'free shipping', 'free delivery', 'redeem',
  ],
  units: [
    '%', 'points', 'pts', 'miles', 'items', 'km', 'kg', 'gb', 'mb', 'minutes', 'mins', 'min', 'hours', 'hrs',
    'days', 'seconds', 'secs', 'steps', 'stars',
  ],
  connectors: ['number', 'no', 'nr', 'num', 'id'],
  copulas: ['is', 'was'],
  prepositions: ['for', 'from'],
  serviceQualifiers: ['account', 'id', 'login', 'upi'],
  notServiceNames: [
    'your', 'you', 'the', 'a', 'an', 'this', 'that', 'our', 'my', 'use', 'enter', 'please', 'hi', 'hello',
    'dear', 'customer', 'new', 'never', 'do', 'is', 'reminder', 'alert', 'notice', 'info', 'important',
    'warning', 'urgent', 'security', 'sms', 'message',
  ],
};

const SPANISH: LanguageKeywords = {
  language: 'es',
  codeNames: [
    'código', 'código de verificación', 'código de seguridad', 'código de acceso', 'código de confirmación',
    'código de activación', 'código de autorización', 'código de un solo uso', 'clave', 'clave de acceso',
    'clave dinámica',
    'contraseña de un solo uso',
  ],
  codeActions: [
    'verificar', 'verificación', 'confirmar', 'iniciar sesión', 'acceder', 'ingresa', 'introduce', 'usa',
    'utiliza',
  ],
  labels: {
    order: ['pedido', 'número de pedido'],
    tracking: ['seguimiento', 'número de seguimiento', 'paquete', 'envío'],
    reference: [
      'referencia', 'reserva', 'factura', 'billete', 'vuelo', 'asiento', 'código de cliente', 'número de cliente',
    ],
    account: ['cuenta', 'número de cuenta'],
    'card-ending': ['tarjeta', 'tarjeta terminada en', 'terminada en'],
    amount: ['saldo', 'importe', 'total', 'pago de'],
    phone: ['llame', 'llama', 'teléfono', 'tel', 'móvil'],
    address: ['código postal'],
    date: [
      'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
      'noviembre', 'diciembre',
    ],
  },
  promotions: ['descuento', 'código de descuento', 'cupón', 'oferta', 'promoción', 'rebajas', 'promo'],
  units: ['puntos', 'minutos', 'horas', 'días', 'artículos'],
  connectors: ['número', 'núm', 'nº', 'n', 'no'],
  copulas: ['es'],
  prepositions: ['de', 'del', 'para'],
  serviceQualifiers: ['cuenta'],
  notServiceNames: ['tu', 'su', 'el', 'la', 'los', 'las', 'un', 'una', 'hola', 'estimado', 'estimada'],
};

const FRENCH: LanguageKeywords = {
  language: 'fr',
  codeNames: [
    'code', 'code de vérification', 'code de sécurité', 'code de confirmation', "code d'accès",
    'code de validation', "code d'activation", 'code à usage unique', 'mot de passe à usage unique',
    'code temporaire', 'code provisoire',
  ],
  codeActions: [
    'vérifier', 'vérification', 'confirmer', 'connexion', 'se connecter', 'saisissez', 'entrez', 'utilisez',
  ],
  labels: {
    order: ['commande', 'numéro de commande'],
    tracking: ['suivi', 'numéro de suivi', 'colis', 'envoi'],
    reference: [
      'référence', 'réservation', 'facture', 'billet', 'vol', 'siège', 'dossier', 'code client', 'numéro client',
      'numéro de client', 'code abonné',
    ],
    account: ['compte', 'numéro de compte'],
    'card-ending': ['carte', 'carte se terminant par', 'se terminant par'],
    amount: ['solde', 'montant', 'paiement de'],
    phone: ['appelez', 'téléphone', 'tél', 'portable'],
    address: ['code postal'],
    date: [
      'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
      'novembre', 'décembre',
    ],
  },
  promotions: ['réduction', 'remise', 'code promo', 'soldes', 'offre', 'bon de réduction'],
  units: ['points', 'minutes', 'heures', 'jours', 'articles'],
  connectors: ['numéro', 'n°', 'no'],
  copulas: ['est'],
  prepositions: ['de', 'du', 'pour'],
  serviceQualifiers: ['compte'],
  notServiceNames: ['votre', 'vos', 'ton', 'ta', 'le', 'la', 'les', 'un', 'une', 'bonjour', 'cher', 'chère'],
};

const GERMAN: LanguageKeywords = {
  language: 'de',
  codeNames: [
    'code', 'bestätigungscode', 'sicherheitscode', 'verifizierungscode', 'verifikationscode',
    'authentifizierungscode', 'anmeldecode', 'zugangscode', 'einmalcode', 'einmalpasswort', 'einmal-passwort',
    'einmalkennwort', 'freigabecode', 'aktivierungscode', 'tan', 'mtan', 'sms-tan', 'mobiletan', 'pushtan',
    'smstan', 'chiptan', 'photo-tan', 'phototan', 'login-code', 'anmelde-code',
  ],
  codeActions: ['bestätigen', 'bestätigung', 'anmelden', 'anmeldung', 'verifizieren', 'eingeben', 'verwenden'],
  labels: {
    order: ['bestellung', 'bestellnummer', 'auftrag', 'auftragsnummer'],
    tracking: ['sendung', 'sendungsnummer', 'sendungsverfolgung', 'paket', 'paketnummer'],
    reference: [
      'referenz', 'buchung', 'buchungsnummer', 'rechnung', 'rechnungsnummer', 'flug', 'sitzplatz', 'kundennummer',
      'vertragsnummer',
    ],
    account: ['konto', 'kontonummer'],
    'card-ending': ['karte', 'karte endend auf', 'endend auf'],
    amount: ['kontostand', 'saldo', 'betrag', 'summe', 'zahlung über'],
    phone: ['anrufen', 'telefon', 'tel', 'mobil', 'handy'],
    address: ['postleitzahl', 'plz'],
    date: [
      'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'dezember',
    ],
  },
  promotions: ['rabatt', 'rabattcode', 'gutschein', 'gutscheincode', 'angebot', 'aktion', 'promocode'],
  units: ['punkte', 'minuten', 'stunden', 'tage', 'artikel'],
  connectors: ['nummer', 'nr'],
  copulas: ['ist', 'lautet'],
  prepositions: ['für', 'von', 'bei'],
  serviceQualifiers: ['konto'],
  notServiceNames: ['ihr', 'ihre', 'dein', 'deine', 'der', 'die', 'das', 'ein', 'eine', 'hallo', 'sehr', 'liebe'],
};

const ITALIAN: LanguageKeywords = {
  language: 'it',
  codeNames: [
    'codice', 'codice di verifica', 'codice di sicurezza', 'codice di accesso', 'codice di conferma',
    'codice di attivazione', 'codice otp', 'codice monouso', 'password monouso',
  ],
  codeActions: ['verificare', 'verifica', 'confermare', 'conferma', 'accedere', 'accesso', 'inserisci', 'utilizza'],
  labels: {
    order: ['ordine', "numero d'ordine"],
    tracking: ['spedizione', 'tracciamento', 'pacco'],
    reference: [
      'riferimento', 'prenotazione', 'fattura', 'biglietto', 'volo', 'posto', 'codice cliente', 'numero cliente',
    ],
    account: ['conto'],
    'card-ending': ['carta', 'carta che termina con', 'che termina con'],
    amount: ['saldo', 'importo', 'totale', 'pagamento di'],
    phone: ['chiama', 'chiamare', 'telefono', 'tel', 'cellulare'],
    address: ['cap', 'codice postale'],
    date: [
      'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre',
      'novembre', 'dicembre',
    ],
  },
  promotions: ['sconto', 'codice sconto', 'offerta', 'saldi', 'buono', 'coupon', 'promo'],
  units: ['punti', 'minuti', 'ore', 'giorni', 'articoli'],
  connectors: ['numero', 'n', 'nr'],
  copulas: ['è'],
  prepositions: ['di', 'del', 'per', 'a'],
  serviceQualifiers: ['account'],
  notServiceNames: ['il', 'tuo', 'tua', 'suo', 'sua', 'lo', 'la', 'un', 'una', 'ciao', 'gentile'],
};

const PORTUGUESE: LanguageKeywords = {
  language: 'pt',
  codeNames: [
    'código', 'código de verificação', 'código de segurança', 'código de acesso', 'código de confirmação',
    'código de ativação', 'código de autorização', 'código de uso único', 'senha', 'senha temporária',
  ],
  codeActions: [
    'verificar', 'verificação', 'confirmar', 'confirmação', 'entrar', 'acessar', 'aceder', 'insira', 'digite',
    'use', 'utilize',
  ],
  labels: {
    order: ['pedido', 'encomenda', 'número do pedido'],
    tracking: ['rastreio', 'rastreamento', 'código de rastreio', 'pacote', 'envio'],
    reference: [
      'referência', 'reserva', 'fatura', 'bilhete', 'voo', 'código do cliente', 'código de cliente', 'número de cliente',
    ],
    account: ['conta'],
    'card-ending': ['cartão', 'cartão final', 'terminado em'],
    amount: ['saldo', 'valor', 'total', 'pagamento de'],
    phone: ['ligue', 'telefone', 'tel', 'telemóvel', 'celular'],
    address: ['cep', 'código postal'],
    date: [
      'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro',
      'novembro', 'dezembro',
    ],
  },
  promotions: ['desconto', 'cupom', 'cupão', 'promoção', 'oferta', 'promo'],
  units: ['pontos', 'minutos', 'horas', 'dias', 'itens'],
  connectors: ['número', 'nº', 'n'],
  copulas: ['é'],
  prepositions: ['de', 'do', 'da', 'ao', 'para'],
  serviceQualifiers: ['conta'],
  notServiceNames: ['o', 'a', 'os', 'as', 'seu', 'sua', 'teu', 'tua', 'um', 'uma', 'olá', 'caro', 'cara'],
};

const DUTCH: LanguageKeywords = {
  language: 'nl',
  codeNames: [
    'code', 'verificatiecode', 'beveiligingscode', 'bevestigingscode', 'inlogcode', 'toegangscode',
    'activatiecode', 'eenmalige code', 'eenmalig wachtwoord', 'sms-code', 'pincode',
  ],
  codeActions: ['verifiëren', 'verificatie', 'bevestigen', 'inloggen', 'aanmelden', 'gebruik'],
  labels: {
    order: ['bestelling', 'bestelnummer', 'ordernummer'],
    tracking: ['zending', 'pakket', 'pakketnummer', 'track & trace', 'trackingcode'],
    reference: ['referentie', 'kenmerk', 'boeking', 'reservering', 'factuur', 'ticket', 'vlucht', 'klantnummer'],
    account: ['rekening', 'rekeningnummer'],
    'card-ending': ['kaart', 'eindigend op'],
    amount: ['saldo', 'bedrag', 'totaal', 'betaling van'],
    phone: ['bel', 'telefoon', 'tel', 'mobiel'],
    address: ['postcode'],
    date: [
      'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
      'november', 'december',
    ],
  },
  promotions: ['korting', 'kortingscode', 'aanbieding', 'actie', 'tegoedbon', 'cadeaubon'],
  units: ['punten', 'minuten', 'uur', 'dagen', 'artikelen'],
  connectors: ['nummer', 'nr'],
  copulas: ['is'],
  prepositions: ['voor', 'van', 'bij'],
  serviceQualifiers: ['account'],
  notServiceNames: ['je', 'jouw', 'uw', 'de', 'het', 'een', 'hallo', 'beste'],
};

export const LANGUAGES: readonly LanguageKeywords[] = [
  ENGLISH, SPANISH, FRENCH, GERMAN, ITALIAN, PORTUGUESE, DUTCH, ...EUROPEAN_LANGUAGES, ...ASIAN_LANGUAGES,
  ...EXTRA_LANGUAGES, ...WORLD_LANGUAGES,
];

/** Currency symbols, ISO codes and names: a number touching one is an amount, in any language. */
export const CURRENCIES: readonly string[] = [
  '$', '£', '€', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '฿', '¢', 'r$', 'us$', 'a$', 'c$', 'hk$',
  'usd', 'eur', 'gbp', 'jpy', 'chf', 'cad', 'aud', 'nzd', 'inr', 'brl', 'mxn', 'sek', 'nok', 'dkk', 'pln',
  'czk', 'huf', 'try', 'zar', 'cny', 'hkd', 'sgd', 'rs', 'kr', 'zł', 'euro', 'euros', 'dollar', 'dollars',
  'pound', 'pounds', 'pence', 'cents', 'reais', '₴', '₦', '৳', '₱', '₲', 'руб', 'р', 'rub', 'грн', 'uah', 'kč',
  'lei', 'ron', 'ft', 'tl', 'ريال', 'ر.س', 'درهم', 'د.إ', 'جنيه', 'دينار', 'ریال', 'تومان', 'ש"ח', 'שח', 'שקל',
  '₹', 'रुपये', 'रु', 'টাকা', 'روپے', 'rp', 'idr', 'rm', 'myr', 'vnd', 'đ', 'đồng', 'บาท', 'thb', '元',
  '円', '원', 'krw', 'rmb', '人民币', 'twd', 'nt$', 'php', 'egp', 'sar', 'aed', 'pkr', 'bdt', 'irr', 'ils',
  // Gulf, African, Latin American, Balkan, Caucasian and Central Asian money, by ISO code and by the words
  // bank alerts spell out ("1500 рублей", "5000 naira"): mobile-money and card alerts are full of them.
  'kwd', 'qar', 'omr', 'bhd', 'jod', 'mad', 'tnd', 'dzd', 'iqd', 'lbp', 'ngn', 'ghs', 'kes', 'ksh', 'kshs', 'tzs',
  'tsh', 'ugx', 'zmw', 'rwf', 'etb', 'xof', 'xaf', 'bgn', 'лв', 'rsd', 'gel', '₾', 'amd', '֏', 'azn', '₼', 'kzt',
  '₸', 'uzs', 'lkr', 'npr', 'mmk', 'khr', '៛', 'lak', '₭', 'clp', 'ars', 'uyu', 'pyg', 'gtq',
  'crc', 'dop', 'peso', 'pesos', 'рублей', 'рубля', 'рубль', 'гривень', 'гривні', 'гривня', 'тенге', 'сум',
  'złotych', 'zl', 'korun', 'forint', 'lira', 'dinar', 'dinara', 'dirham', 'riyal', 'rupees', 'rupee', 'rupiah',
  'ringgit', 'baht', 'dong', 'yuan', 'yen', 'naira', 'cedis', 'shillings',
  // Money of the languages in keywords-world.ts and of Khmer and Burmese.
  'krónur', 'isk', 'ብር', 'birr', 'રૂપિયા', 'ਰੁਪਏ', 'ರೂಪಾಯಿ', 'രൂപ', 'ກີບ', 'kip', 'төгрөг', '₮', 'mnt', 'افغانۍ', 'افغانی',
  'afn', 'денари', 'denar', 'mkd', 'рублёў', 'byn', 'រៀល', 'riel', 'ကျပ်', 'kyat',
];

export interface BrandPrefix {
  /** Letters before the dash, as the service writes them ("G" in "G-123456"). */
  readonly prefix: string;
  readonly service: string;
  readonly reason: string;
}

/** Services that glue a marker to the code: the user types only the digits. */
export const BRAND_PREFIXES: readonly BrandPrefix[] = [
  { prefix: 'G', service: 'Google', reason: 'google-g-prefix' },
  { prefix: 'FB', service: 'Facebook', reason: 'facebook-fb-prefix' },
];
