/**
 * Keyword tables for the Middle East, South, South-East and East Asia. Data only; see keywords.ts.
 *
 * Arabic-script phrases are matched after folding (tokens.ts): vowel marks and hamza forms are dropped
 * and Arabic kaf/yeh read as their Persian forms, so one spelling covers both. Arabic and Hebrew glue
 * prepositions and articles to nouns ("الرمز", "برمز", "הקוד"); the common glued forms are listed.
 * Han, Kana, Hangul and Thai are matched character by character, so a phrase matches inside running
 * text and with particles attached ("인증번호는", "验证码为").
 */
import type { LanguageKeywords } from './keywords';

const ARABIC: LanguageKeywords = {
  language: 'ar',
  codeNames: [
    'رمز', 'الرمز', 'رمزك', 'برمز', 'بالرمز', 'رمز التحقق', 'رمز التحقق الخاص بك', 'رمز التفعيل', 'رمز الدخول',
    'رمز الأمان', 'رمز التأكيد', 'رمز المرور', 'كود', 'الكود', 'كودك', 'كود التفعيل', 'كود التحقق', 'كلمة المرور',
    'كلمة السر', 'كلمة المرور لمرة واحدة', 'رمز لمرة واحدة', 'الرقم السري', 'رقم سري', 'رمز التحقق لمرة واحدة',
  ],
  codeActions: ['للتحقق', 'تحقق', 'لتأكيد', 'تأكيد', 'تسجيل الدخول', 'لتسجيل الدخول', 'أدخل', 'استخدم'],
  labels: {
    order: ['طلب', 'الطلب', 'طلبك', 'طلبكم', 'رقم الطلب'],
    tracking: ['شحنة', 'الشحنة', 'شحنتك', 'رقم التتبع', 'رقم الشحنة', 'طرد', 'الطرد'],
    reference: ['حجز', 'الحجز', 'فاتورة', 'الفاتورة', 'رقم المرجع', 'مرجع'],
    account: ['حساب', 'الحساب', 'حسابك', 'حسابكم'],
    'card-ending': ['بطاقة', 'البطاقة', 'بطاقتك', 'المنتهية ب', 'المنتهية بـ', 'تنتهي ب'],
    amount: ['رصيد', 'الرصيد', 'رصيدك', 'مبلغ', 'المبلغ', 'بمبلغ', 'قيمة', 'شراء', 'سحب', 'إيداع'],
    phone: ['اتصل', 'اتصل بنا', 'هاتف', 'الهاتف'],
    address: ['رمز بريدي', 'الرمز البريدي'],
  },
  promotions: ['خصم', 'كود الخصم', 'كود خصم', 'رمز الخصم', 'عرض', 'عروض', 'كوبون', 'تخفيضات', 'تخفيض'],
  units: ['نقطة', 'نقاط', 'دقائق', 'دقيقة', 'ساعة', 'أيام'],
  connectors: ['رقم'],
  copulas: ['هو', 'هي'],
  notServiceNames: ['عزيزي', 'عميلنا'],
};

const PERSIAN: LanguageKeywords = {
  language: 'fa',
  codeNames: [
    'کد', 'کد تایید', 'کد تأیید', 'کد فعالسازی', 'کد فعال سازی', 'کد ورود', 'کد امنیتی', 'کد یکبار مصرف',
    'رمز یکبار مصرف', 'رمز یک بار مصرف', 'رمز پویا', 'رمز دوم پویا', 'رمز عبور', 'رمز دوم', 'کد شما', 'رمز شما',
    'کد احراز هویت', 'کد تایید شما', 'کد محرمانه',
  ],
  codeActions: ['ورود', 'تایید', 'تأیید', 'وارد کنید', 'احراز هویت'],
  labels: {
    order: ['سفارش', 'سفارش شما', 'شماره سفارش'],
    tracking: ['مرسوله', 'بسته', 'کد رهگیری', 'شماره رهگیری', 'رهگیری', 'بارنامه', 'کد پستی'],
    reference: ['پیگیری', 'کد پیگیری', 'شماره پیگیری', 'فاکتور', 'رزرو', 'بلیط'],
    account: ['حساب', 'حساب شما', 'سپرده', 'شماره حساب'],
    'card-ending': ['کارت', 'کارت شما'],
    amount: ['مانده', 'موجودی', 'مبلغ', 'برداشت', 'واریز', 'خرید'],
    phone: ['تماس', 'تلفن'],
  },
  promotions: ['تخفیف', 'کد تخفیف', 'جشنواره', 'هدیه', 'کوپن'],
  units: ['امتیاز', 'دقیقه', 'ساعت', 'روز'],
  connectors: ['شماره'],
  copulas: ['است'],
  notServiceNames: ['مشتری', 'گرامی'],
};

const HEBREW: LanguageKeywords = {
  language: 'he',
  codeNames: [
    'קוד', 'הקוד', 'בקוד', 'קוד אימות', 'קוד האימות', 'קוד הזיהוי', 'קוד זיהוי', 'קוד כניסה', 'קוד הכניסה',
    'קוד חד פעמי', 'קוד חד-פעמי', 'סיסמה', 'הסיסמה', 'סיסמא', 'הסיסמא', 'סיסמה חד פעמית', 'קוד אבטחה',
    'קוד האבטחה', 'קוד אישור', 'קוד האישור',
  ],
  codeActions: ['לאימות', 'אימות', 'להתחברות', 'כניסה', 'הזן', 'הזינו', 'הקלד'],
  labels: {
    order: ['הזמנה', 'ההזמנה', 'הזמנתך', 'מספר הזמנה'],
    tracking: ['משלוח', 'המשלוח', 'חבילה', 'החבילה', 'מספר מעקב'],
    reference: ['אסמכתא', 'חשבונית', 'אישור הזמנה', 'כרטיס טיסה'],
    account: ['חשבון', 'החשבון', 'חשבונך'],
    'card-ending': ['כרטיס', 'הכרטיס', 'כרטיסך', 'המסתיים ב', 'שמסתיים ב'],
    amount: ['יתרה', 'היתרה', 'סכום', 'הסכום', 'בסך', 'חיוב', 'עסקה'],
    phone: ['התקשרו', 'חייגו', 'טלפון'],
  },
  promotions: ['הנחה', 'קוד הנחה', 'קופון', 'מבצע', 'מבצעים'],
  units: ['נקודות', 'דקות', 'שעות', 'ימים'],
  connectors: ['מספר', "מס'"],
  copulas: ['הוא', 'היא', 'הינו'],
  notServiceNames: ['שלום', 'לקוח'],
};

const HINDI: LanguageKeywords = {
  language: 'hi',
  codeNames: [
    'ओटीपी', 'कोड', 'सत्यापन कोड', 'वेरिफिकेशन कोड', 'पासवर्ड', 'वन टाइम पासवर्ड', 'एक बार का पासवर्ड',
    'पिन', 'गुप्त कोड', 'ओ टी पी', 'सुरक्षा कोड', 'लॉगिन कोड',
  ],
  codeActions: ['सत्यापन', 'लॉगिन', 'दर्ज करें', 'उपयोग करें'],
  labels: {
    order: ['ऑर्डर', 'आर्डर', 'ऑर्डर संख्या'],
    tracking: ['पार्सल', 'शिपमेंट', 'ट्रैकिंग'],
    reference: ['संदर्भ', 'बुकिंग', 'टिकट'],
    account: ['खाता', 'खाते', 'खाता संख्या'],
    'card-ending': ['कार्ड'],
    amount: ['राशि', 'शेष राशि', 'बैलेंस', 'भुगतान', 'शेष'],
    phone: ['कॉल करें', 'फोन'],
  },
  promotions: ['छूट', 'ऑफर', 'कूपन', 'कैशबैक'],
  units: ['मिनट', 'अंक', 'पॉइंट्स'],
  connectors: ['संख्या', 'नंबर'],
  copulas: ['है'],
  notServiceNames: ['प्रिय', 'आपका', 'आपकी'],
};

const BENGALI: LanguageKeywords = {
  language: 'bn',
  codeNames: [
    'ওটিপি', 'কোড', 'যাচাইকরণ কোড', 'ভেরিফিকেশন কোড', 'পিন', 'পাসওয়ার্ড', 'গোপন কোড', 'নিরাপত্তা কোড',
    'ওয়ান টাইম পাসওয়ার্ড',
  ],
  codeActions: ['যাচাই', 'লগইন', 'ব্যবহার করুন'],
  labels: {
    order: ['অর্ডার'],
    tracking: ['পার্সেল', 'ট্র্যাকিং'],
    account: ['অ্যাকাউন্ট', 'হিসাব'],
    'card-ending': ['কার্ড'],
    amount: ['ব্যালেন্স', 'পরিমাণ'],
    phone: ['কল করুন'],
  },
  promotions: ['ছাড়', 'অফার', 'ক্যাশব্যাক'],
  units: ['মিনিট', 'পয়েন্ট'],
  connectors: ['নম্বর'],
  copulas: ['হল', 'হলো'],
  notServiceNames: ['প্রিয়', 'আপনার'],
};

const URDU: LanguageKeywords = {
  language: 'ur',
  codeNames: [
    'کوڈ', 'تصدیقی کوڈ', 'تصدیق کوڈ', 'او ٹی پی', 'پن', 'پاس ورڈ', 'ون ٹائم پاس ورڈ', 'خفیہ کوڈ', 'کوڈ نمبر',
  ],
  codeActions: ['تصدیق', 'لاگ ان', 'درج کریں'],
  labels: {
    order: ['آرڈر'],
    tracking: ['پارسل', 'ٹریکنگ'],
    account: ['اکاؤنٹ', 'کھاتہ'],
    'card-ending': ['کارڈ'],
    amount: ['بیلنس', 'رقم'],
    phone: ['کال کریں'],
  },
  promotions: ['رعایت', 'آفر', 'ڈسکاؤنٹ'],
  units: ['منٹ', 'پوائنٹس'],
  connectors: ['نمبر'],
  copulas: ['ہے'],
  notServiceNames: ['محترم', 'آپ'],
};

const INDONESIAN: LanguageKeywords = {
  language: 'id',
  codeNames: [
    'kode', 'kode verifikasi', 'kode otp', 'kode rahasia', 'kode keamanan', 'kode akses', 'kode aktivasi',
    'kode konfirmasi', 'kata sandi', 'kata sandi sekali pakai', 'kode masuk', 'kode login',
  ],
  codeActions: ['verifikasi', 'masuk', 'masukkan', 'gunakan', 'konfirmasi'],
  labels: {
    order: ['pesanan', 'pesananmu', 'pesanan anda', 'nomor pesanan', 'no pesanan'],
    tracking: ['resi', 'no resi', 'nomor resi', 'kiriman'],
    reference: ['pemesanan', 'tiket', 'referensi', 'invoice'],
    account: ['rekening', 'akun', 'no rek', 'rek'],
    'card-ending': ['kartu'],
    amount: ['saldo', 'jumlah', 'tagihan', 'sebesar', 'pembayaran', 'transfer'],
    phone: ['hubungi', 'telepon'],
  },
  promotions: ['diskon', 'kode promo', 'kode voucher', 'kupon', 'hadiah'],
  units: ['poin', 'menit', 'jam', 'hari'],
  connectors: ['nomor', 'no'],
  copulas: ['adalah', 'yaitu'],
  notServiceNames: ['anda', 'kamu', 'jangan', 'rahasiakan'],
};

const MALAY: LanguageKeywords = {
  language: 'ms',
  codeNames: [
    'kod', 'kod pengesahan', 'kod keselamatan', 'kod otp', 'tac', 'kod tac', 'nombor tac', 'kata laluan',
    'kata laluan sekali guna', 'kod akses', 'kod pengaktifan',
  ],
  codeActions: ['pengesahan', 'log masuk', 'masukkan', 'gunakan', 'sahkan'],
  labels: {
    order: ['pesanan', 'pesanan anda'],
    tracking: ['bungkusan', 'penghantaran', 'nombor penjejakan'],
    account: ['akaun', 'akaun anda'],
    'card-ending': ['kad', 'kad anda', 'berakhir dengan'],
    amount: ['baki', 'jumlah', 'amaun', 'bayaran'],
    phone: ['hubungi'],
  },
  promotions: ['diskaun', 'promosi', 'baucar', 'tawaran'],
  units: ['mata', 'minit', 'jam', 'hari'],
  connectors: ['nombor', 'no'],
  copulas: ['ialah', 'adalah'],
  notServiceNames: ['anda', 'jangan'],
};

const VIETNAMESE: LanguageKeywords = {
  language: 'vi',
  codeNames: [
    'mã xác thực', 'mã xác nhận', 'mã otp', 'mã kích hoạt', 'mã bảo mật', 'mã đăng nhập', 'mã pin', 'mật khẩu',
    'mật khẩu một lần', 'mã xác minh', 'mã giao dịch', 'mã số bí mật',
  ],
  codeActions: ['xác thực', 'xác nhận', 'đăng nhập', 'nhập'],
  labels: {
    order: ['đơn hàng', 'mã đơn hàng', 'mã đơn'],
    tracking: ['vận đơn', 'mã vận đơn', 'kiện hàng', 'bưu kiện'],
    reference: ['mã đặt chỗ', 'hóa đơn', 'vé'],
    account: ['tài khoản', 'tk', 'stk'],
    'card-ending': ['thẻ', 'số thẻ'],
    amount: ['số dư', 'số tiền', 'sd', 'gd', 'thanh toán'],
    phone: ['gọi', 'hotline'],
  },
  promotions: ['khuyến mãi', 'mã giảm giá', 'giảm giá', 'ưu đãi', 'voucher giảm'],
  units: ['điểm', 'phút', 'giờ', 'ngày'],
  connectors: ['số'],
  copulas: ['là'],
  notServiceNames: ['quý khách', 'ban', 'bạn'],
};

const THAI: LanguageKeywords = {
  language: 'th',
  codeNames: [
    'รหัส', 'รหัสยืนยัน', 'รหัส OTP', 'รหัสผ่าน', 'รหัสผ่านแบบใช้ครั้งเดียว', 'รหัสยืนยันตัวตน', 'รหัสเข้าใช้',
    'รหัสความปลอดภัย', 'โค้ด', 'รหัสOTP',
  ],
  codeActions: ['ยืนยัน', 'เข้าสู่ระบบ', 'กรอก', 'ใช้'],
  labels: {
    order: ['คำสั่งซื้อ', 'หมายเลขคำสั่งซื้อ', 'ออเดอร์'],
    tracking: ['พัสดุ', 'เลขพัสดุ', 'เลขติดตามพัสดุ', 'หมายเลขพัสดุ'],
    reference: ['การจอง', 'ใบแจ้งหนี้', 'อ้างอิง'],
    account: ['บัญชี', 'บช'],
    'card-ending': ['บัตร', 'บัตรเครดิต'],
    amount: ['ยอดเงิน', 'ยอดคงเหลือ', 'จำนวนเงิน', 'ยอด', 'คงเหลือ', 'ชำระ'],
    phone: ['โทร'],
    address: ['รหัสไปรษณีย์'],
  },
  promotions: ['ส่วนลด', 'โค้ดส่วนลด', 'โปรโมชั่น', 'โปรฯ', 'คูปอง'],
  units: ['คะแนน', 'นาที', 'ชั่วโมง', 'วัน'],
  connectors: ['เลขที่', 'หมายเลข'],
  copulas: ['คือ'],
};

/** Simplified and Traditional forms side by side: messages from the mainland, Taiwan and Hong Kong. */
const CHINESE: LanguageKeywords = {
  language: 'zh',
  codeNames: [
    '验证码', '驗證碼', '校验码', '校驗碼', '动态码', '動態碼', '动态密码', '動態密碼', '确认码', '確認碼', '认证码',
    '認證碼', '安全码', '安全碼', '一次性密码', '一次性密碼', '登录码', '登錄碼', '授权码', '授權碼', '口令',
    '动态口令', '動態口令', '密码', '密碼', '短信码', '校验码为', '激活码', '啟用碼', '激活碼',
  ],
  codeActions: ['登录', '登錄', '登入', '验证', '驗證', '输入', '輸入', '绑定', '綁定', '注册', '註冊'],
  labels: {
    order: ['订单', '訂單', '订单号', '訂單編號', '订单编号'],
    tracking: [
      '快递', '快遞', '运单', '運單', '运单号', '快递单号', '包裹', '取件码', '取件碼', '取货码', '取貨碼', '提货码',
      '提貨碼', '物流', '单号', '單號', '柜机', '驿站', '驛站',
    ],
    reference: ['航班', '座位', '车次', '車次', '预约号', '預約號', '发票', '發票', '工单'],
    account: ['账户', '賬戶', '帳戶', '账号', '帳號'],
    'card-ending': ['尾号', '尾號', '卡号', '卡號', '末四位'],
    amount: ['余额', '餘額', '金额', '金額', '消费', '消費', '支出', '收入', '还款', '還款', '转账', '轉帳'],
    phone: ['致电', '致電', '电话', '電話', '热线', '熱線'],
  },
  promotions: [
    '优惠', '優惠', '折扣', '优惠券', '優惠券', '兑换码', '兌換碼', '邀请码', '邀請碼', '红包', '紅包', '促销', '促銷',
    '退订', '退訂', '优惠码', '優惠碼',
  ],
  units: ['积分', '積分', '分钟', '分鐘', '件', '小时', '小時'],
  connectors: ['号', '號', '编号', '編號'],
  copulas: ['是', '为', '為'],
};

const JAPANESE: LanguageKeywords = {
  language: 'ja',
  codeNames: [
    '認証コード', '確認コード', '認証番号', '確認番号', 'ワンタイムパスワード', 'パスコード', '暗証番号',
    'セキュリティコード', 'コード', 'ログインコード', '検証コード', 'ワンタイムコード', '認証用コード',
    '承認番号', 'ワンタイムパス',
  ],
  codeActions: ['認証', 'ログイン', '入力', '本人確認'],
  labels: {
    order: ['注文番号', 'ご注文', '注文'],
    tracking: ['お問い合わせ番号', '伝票番号', '荷物', 'お荷物', '配達', '追跡番号'],
    reference: ['予約番号', 'ご予約', '予約', '受付番号', 'QRコード', 'バーコード'],
    account: ['口座', '口座番号'],
    'card-ending': ['カード', 'カード番号'],
    amount: ['残高', 'ご利用金額', '利用金額', '請求額', 'お支払い'],
    phone: ['電話番号', 'お電話'],
    address: ['郵便番号'],
  },
  promotions: ['クーポン', 'クーポンコード', '割引', 'セール', 'キャンペーン', 'プロモーションコード'],
  units: ['ポイント', 'pt', '分間', '時間'],
  connectors: ['番号', 'No'],
  copulas: ['は'],
};

const KOREAN: LanguageKeywords = {
  language: 'ko',
  codeNames: [
    '인증번호', '인증 번호', '인증코드', '인증 코드', '확인코드', '확인 코드', '보안코드', '보안 코드', '비밀번호',
    '일회용 비밀번호', '인증문자', '본인확인 인증번호', '승인코드',
  ],
  codeActions: ['인증', '로그인', '입력', '본인확인'],
  labels: {
    order: ['주문', '주문번호'],
    tracking: ['운송장', '운송장번호', '송장번호', '택배', '배송'],
    reference: ['예약', '예약번호', '승인번호', '회원'],
    account: ['계좌', '계좌번호'],
    'card-ending': ['카드'],
    amount: ['잔액', '금액', '결제', '승인', '누적', '출금', '입금'],
    phone: ['전화', '문의'],
  },
  promotions: ['광고', '할인', '쿠폰', '이벤트', '혜택', '무료수신거부'],
  units: ['포인트', '분', '시간'],
  connectors: ['번호'],
  copulas: ['는', '은'],
};

export const ASIAN_LANGUAGES: readonly LanguageKeywords[] = [
  ARABIC, PERSIAN, HEBREW, HINDI, BENGALI, URDU, INDONESIAN, MALAY, VIETNAMESE, THAI, CHINESE, JAPANESE, KOREAN,
];
