# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.
# Urdu typography: ، ؛ ؟ ۔ and quotation marks as Urdu print uses them, written
# ”…“ (U+201D first, U+201C last) so that right to left they look like “…”.
# Terms: شکایت / شکایت نمبر for a report, درخواست / درخواست نمبر for a
# Wajibna or Mutma'innun request (never ٹکٹ), لوکیشن for a shared location.

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    السلام علیکم، لبیک میں خوش آمدید 🌿
    میں بلدیہ کا ڈیجیٹل معاون ہوں۔ میں کسی مسئلے کی شکایت درج کر سکتا ہوں، آپ کی شکایت کی صورتِ حال بتا سکتا ہوں، بلدیہ کی خدمات کے بارے میں آپ کے سوالوں کے جواب دے سکتا ہوں، یا آپ کی چیٹ ہمارے نمائندے تک پہنچا سکتا ہوں۔
menu-prompt = میں آپ کی کیا مدد کر سکتا ہوں؟ کوئی بٹن دبائیں، یا سیدھا اپنا سوال لکھ دیں۔
menu-anything-else = کیا میں کسی اور چیز میں آپ کی مدد کر سکتا ہوں؟

menu-report = شکایت درج کریں
menu-status = شکایت کی صورتِ حال
menu-my-tickets = میری شکایات
menu-language = زبان
menu-help = مدد
menu-agent = نمائندے سے بات کریں

## Shared buttons

choice-skip = چھوڑ دیں
choice-cancel = منسوخ کریں
choice-yes = جی ہاں
choice-no = جی نہیں
choice-menu = مرکزی مینو
choice-confirm = بھیج دیں
choice-edit = ترمیم کریں

## Cancel, help and small talk

cancelled = ٹھیک ہے، منسوخ کر دیا گیا۔ کوئی شکایت یا درخواست نہیں بھیجی گئی۔
# $hotline: the customer-service phone number (940)
help =
    میں یہ کام کر سکتا ہوں:
    • شہر میں کسی مسئلے کی شکایت درج کرنا (کچرا، پانی کا رساؤ، سڑک پر خطرہ، خوراک کی حفاظت وغیرہ)
    • آپ کی شکایت یا درخواست کی صورتِ حال بتانا
    • بلدیہ کی خدمات اور سروس پوائنٹس کے بارے میں سوالوں کے جواب دینا
    • بات چیت کی زبان تبدیل کرنا
    رکنے کے لیے کسی بھی وقت ”منسوخ کریں“ لکھیں، یا دوبارہ شروع کرنے کے لیے ”مرکزی مینو“ لکھیں۔ شہر کے کسی فوری مسئلے کے لیے { $hotline } پر کال کریں (چوبیس گھنٹے)۔
greet-reply = وعلیکم السلام! آج میں آپ کی کیا مدد کر سکتا ہوں؟
thank-reply = کوئی بات نہیں! آپ کی مدد کر کے خوشی ہوئی۔
goodbye-reply = اپنا خیال رکھیں، اللہ آپ کے قیام کو بابرکت بنائے۔ جب بھی ضرورت ہو، میں یہاں موجود ہوں۔
out-of-scope = معذرت، اس معاملے میں میں یہاں مدد نہیں کر سکتا۔ میں یہ کام کر سکتا ہوں:

## Not understood

please-choose = براہِ کرم کوئی ایک آپشن منتخب کریں: بٹن دبائیں یا اس کا نمبر بھیجیں۔
please-use-menu = معذرت، میں اس وقت لکھے ہوئے سوالات نہیں پڑھ سکتا۔ براہِ کرم مینو میں سے انتخاب کریں۔
clarify = معذرت، میں ٹھیک سے سمجھ نہیں سکا۔ کیا آپ کا مطلب ان میں سے کوئی ہے؟
# $hotline: the customer-service phone number (940)
handoff-offer = معذرت، میں اب بھی آپ کی بات نہیں سمجھ سکا۔ آپ اسے دوسرے الفاظ میں لکھ سکتے ہیں یا مینو سے انتخاب کر سکتے ہیں، یا ”نمائندے سے بات کریں“ دبا کر اپنی چیٹ ہمارے نمائندوں کو بھیج سکتے ہیں۔ آپ کسی بھی وقت { $hotline } پر کال بھی کر سکتے ہیں۔
# $hotline: the customer-service phone number (940)
handoff-hotline = فی الحال یہاں کسی نمائندے سے چیٹ کی سہولت موجود نہیں۔ ابھی کسی سے بات کرنی ہو تو براہِ کرم { $hotline } پر کال کریں: کسٹمر سروس سینٹر چوبیس گھنٹے عربی، انگریزی، انڈونیشیائی اور اردو میں جواب دیتا ہے۔
# $hotline: the customer-service phone number (940)
error-service = معذرت، ہماری طرف سے کوئی خرابی پیش آ گئی۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں، یا { $hotline } پر کال کریں۔

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = براہِ کرم اپنا جواب پیغام کی صورت میں لکھیں۔
# $min: the fewest characters allowed
error-text-too-short =
    آپ کا جواب کچھ مختصر ہے۔ براہِ کرم کم از کم { $min ->
        [one] { $min } حرف
       *[other] { $min } حروف
    } لکھیں۔
# $max: the most characters allowed
error-text-too-long =
    آپ کا جواب بہت طویل ہے۔ براہِ کرم زیادہ سے زیادہ { $max ->
        [one] { $max } حرف
       *[other] { $max } حروف
    } لکھیں۔
error-location-expected = براہِ کرم اپنی لوکیشن شیئر کریں، یا جگہ کا نام لکھیں: کوئی سڑک، ہوٹل کا نام یا منیٰ میں خیمے/مکتب کا نمبر۔
error-location-too-short = براہِ کرم جگہ کے بارے میں تھوڑا اور بتائیں، مثلاً سڑک یا ہوٹل کا نام۔
error-photo-expected = براہِ کرم تصویر بھیجیں، یا ”چھوڑ دیں“ منتخب کریں۔
error-phone-invalid = یہ فون نمبر نہیں لگتا۔ براہِ کرم ہندسے بھیجیں، مثلاً 0501234567، یا اپنا کانٹیکٹ شیئر کریں۔
error-yes-no = براہِ کرم ”جی ہاں“ یا ”جی نہیں“ میں جواب دیں۔

## Checking answers before sending

confirm-edit-which = آپ کون سا حصہ تبدیل کرنا چاہتے ہیں؟
summary-skipped = کوئی نہیں
# The value after «تصویر:» in the report summary.
summary-photo-attached = منسلک ہے
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = نقشے پر لوکیشن ({ $lat }، { $lon })
