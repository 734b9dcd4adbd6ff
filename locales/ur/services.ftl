# بلدیہ کی خدمات: واجبنا، مطمئنون، اطلالہ کاؤنٹر اور حاضرین گاڑیاں،
# "میں کس ذیلی بلدیہ میں ہوں؟"، اور روزانہ آگاہی کی ٹپ۔

## مینو

menu-services = بلدیہ کی خدمات
menu-consultant = مشیر سے پوچھیں
services-intro =
    شکایات کے علاوہ بلدیہ یہ خدمات بھی دیتی ہے:
    • بزرگوں اور خصوصی ضروریات والے افراد کے گھر جا کر خدمت (واجبنا)
    • جیل میں یا بیرونِ ملک موجود شخص کی طرف سے اس کا سرکاری کام نمٹانا (مطمئنون)
    • بڑی مساجد میں اطلالہ کاؤنٹر اور پارکوں میں حاضرین گاڑیاں
    آپ کو کیا چاہیے؟
services-wajibna = گھر پر خدمت (واجبنا)
services-mutmainnun = کسی کی طرف سے کام
services-points = قریب ترین سروس پوائنٹ
services-locate = میری ذیلی بلدیہ
services-consultant = مشیر سے سوال
services-tips = مفید مشورے
services-try-again = دوبارہ کوشش کریں
kb-other-topics = دوسرے موضوعات
kb-text = { $text }
kb-ask-entry = کون سا سوال؟ مشیر کے مینو سے موضوع چنیں۔
kb-ask-helpful = کیا اس سے مدد ملی؟

## میں کس ذیلی بلدیہ میں ہوں؟

services-locate-ask = اپنی لوکیشن بھیجیں 📍، یا اپنے محلے کا نام لکھیں (مثلاً عزیزیہ، مسفلہ یا منیٰ)۔
services-locate-found =
    { $how ->
        [name] 📍 { $place } ذیلی بلدیہ { $sub } میں ہے۔
        [sub] 📍 ذیلی بلدیہ { $sub }۔
       *[pin] 📍 آپ ذیلی بلدیہ { $sub } کے علاقے میں ہیں۔
    }
    قریبی سروس پوائنٹس — اوقات دیکھنے کے لیے کسی ایک کو دبائیں:
services-locate-not-found = معذرت، میں یہ جگہ مکہ کی ذیلی بلدیات میں نہیں ڈھونڈ سکا۔ محلے کا نام لکھیں یا اپنی لوکیشن بھیجیں۔ مستشارک الامین بھی { $phone } پر بتا سکتے ہیں۔
services-point-button = { $name } ({ $service })

## قریب ترین سروس پوائنٹ

services-points-ask = آپ کہاں ہیں؟ اپنی لوکیشن بھیجیں 📍، یا اپنے محلے کا نام لکھیں۔
services-points-unknown-place = معذرت، یہ جگہ نہیں ملی۔ اپنی لوکیشن بھیجیں یا محلے کا نام لکھیں۔
# $distance: a number of km, formatted by NUMBER(); the times by DATETIME() (see en/services.ftl).
services-points-open =
    ✅ ابھی کھلا ہے: { $name } ({ $service })، { NUMBER($distance, maximumFractionDigits: 1) } کلومیٹر دور — { DATETIME($closes, timeStyle: "short") } تک۔
    { $itlala_today ->
        [true] آج، { $today }: اطلالہ کاؤنٹر { DATETIME($itlala_opens, timeStyle: "short") } سے { DATETIME($itlala_closes, timeStyle: "short") } تک کھلے ہیں۔
       *[other] آج، { $today }، کوئی اطلالہ کاؤنٹر نہیں کھلا۔
    }
    دوسرے پوائنٹس:
services-points-none-open =
    ابھی قریب کوئی پوائنٹ کھلا نہیں۔ سب سے قریب: { $name } ({ $service })، { NUMBER($distance, maximumFractionDigits: 1) } کلومیٹر — { $day } کو { DATETIME($opens, timeStyle: "short") } بجے کھلے گا۔
    { $itlala_today ->
        [true] آج، { $today }: اطلالہ کاؤنٹر { DATETIME($itlala_opens, timeStyle: "short") } سے { DATETIME($itlala_closes, timeStyle: "short") } تک کھلے ہیں۔
       *[other] آج، { $today }، کوئی اطلالہ کاؤنٹر نہیں کھلا۔
    }
    دوسرے پوائنٹس:
# جس مسجد کا صارف نے نام لیا اس میں اپنا کوئی اطلالہ کاؤنٹر نہیں۔ $place: مسجد؛
# $name، $distance (کلومیٹر، عدد)، $open_now، $opens، $closes، $day: قریب ترین کاؤنٹر کے
services-points-mosque =
    🕌 { $place } میں اپنا کوئی اطلالہ کاؤنٹر نہیں۔ سب سے قریب { $name } ہے، { NUMBER($distance, maximumFractionDigits: 1) } کلومیٹر دور۔
    { $open_now ->
        [true] ✅ ابھی کھلا ہے، { DATETIME($closes, timeStyle: "short") } تک۔
       *[other] اگلی بار: { $day }، { DATETIME($opens, timeStyle: "short") } سے { DATETIME($closes, timeStyle: "short") } تک۔
    }
    اطلالہ کاؤنٹر روزانہ مغرب سے ایک گھنٹہ پہلے سے عشاء کے ایک گھنٹے بعد تک کھلے رہتے ہیں۔
    دوسرے کاؤنٹر:
# اس بٹن (ٹیلی گرام) یا لنک (ویب چیٹ) کا نام جو نقشہ کھولتا ہے۔
services-map = 🗺️ نقشہ کھولیں
services-points-none = اگلے چند دنوں میں کوئی اطلالہ کاؤنٹر یا حاضرین گاڑی طے نہیں۔ اطلالہ کاؤنٹر جب چلتے ہیں تو مغرب سے ایک گھنٹہ پہلے سے عشاء کے ایک گھنٹے بعد تک کھلے رہتے ہیں (آج، { $today }: { DATETIME($itlala_opens, timeStyle: "short") } سے { DATETIME($itlala_closes, timeStyle: "short") } تک)۔ مدد کے لیے براہِ کرم 940 پر کال کریں۔
services-point-itlala =
    🕌 { $name } — اطلالہ کاؤنٹر
    استفسارات، شکایات اور لائسنس کا پرنٹ۔
    روزانہ مغرب سے ایک گھنٹہ پہلے سے عشاء کے ایک گھنٹے بعد تک کھلا رہتا ہے۔
    { $open_now ->
        [true] ✅ ابھی کھلا ہے، { DATETIME($closes, timeStyle: "short") } تک۔
       *[other] اگلی بار: { $day }، { DATETIME($opens, timeStyle: "short") } سے { DATETIME($closes, timeStyle: "short") } تک۔
    }
services-point-hadirin =
    🚐 { $name } — حاضرین گاڑی
    استفسار کا پرنٹ، ریفرل، تجارتی سرگرمیاں، شکایات، تعمیراتی اجازت نامے۔
    { $open_now ->
        [true] ✅ ابھی یہاں ہے، { DATETIME($closes, timeStyle: "short") } تک۔
       *[other] اگلی آمد: { $day }، { DATETIME($opens, timeStyle: "short") } سے { DATETIME($closes, timeStyle: "short") } تک۔
    }

## درخواستیں: مشترک سوالات اور جوابات

request-ask-service = آپ کو کون سی خدمت چاہیے؟
request-service-licence = لائسنس
request-service-building-permit = تعمیراتی اجازت نامہ
request-service-deed = صک یا زمین
request-service-commercial = دکان کا لائسنس
request-service-complaint = شکایت
request-service-inquiry = استفسار
request-service-other = کچھ اور
request-ask-details = مختصراً لکھیں کہ آپ کو کیا چاہیے (مثلاً لائسنس نمبر یا مسئلہ)۔
request-ask-when = ہمارا نمائندہ آپ سے کب رابطہ کرے؟
when-morning = صبح (8–12)
when-afternoon = دوپہر (12–4)
when-evening = شام (4–9)
when-any = کسی بھی وقت
request-ask-phone = ہمارا نمائندہ کس نمبر پر کال کرے؟ کسی بھی ملک کا نمبر چلے گا — یا اپنا کانٹیکٹ شیئر کریں۔
relationship-self = میں خود
relationship-parent = میرے والد یا والدہ
relationship-spouse = میرے شوہر یا بیوی
relationship-child = میرا بیٹا یا بیٹی
relationship-relative = کوئی اور رشتہ دار
relationship-other = کوئی اور

request-field-relationship = کس کے لیے
request-field-name = نام
request-field-need = حالت
request-field-situation = صورتِ حال
request-field-service = خدمت
request-field-details = تفصیل
request-field-location = جگہ
request-field-office = دفتر
request-field-when = مناسب وقت
request-field-phone = فون نمبر

## واجبنا: گھر پر خدمت

wajibna-ask-relationship = واجبنا: بلدیہ کا ملازم بزرگ یا خصوصی ضروریات والے شخص کے گھر یا رہائش گاہ پر آ کر وہیں ان کا کام مکمل کرتا ہے۔ یہ خدمت کس کے لیے ہے؟
wajibna-ask-name = جن کے پاس ہم آئیں گے، ان کا نام کیا ہے؟
wajibna-ask-need = ان کی حالت کیسی ہے؟
need-elderly = بزرگ
need-disability = خصوصی ضروریات یا معذوری
need-illness = بیمار، باہر نہیں جا سکتے
wajibna-ask-location = ہم کہاں آئیں؟ لوکیشن بھیجیں 📍، یا پتہ، ہوٹل یا رہائش کا نام لکھیں۔
wajibna-summary =
    براہِ کرم گھر پر خدمت کی درخواست ایک نظر دیکھ لیں:
    • کس کے لیے: { $relationship } — { $name }
    • حالت: { $need }
    • خدمت: { $service }
    • تفصیل: { $details }
    • جگہ: { $location }
    • مناسب وقت: { $when }
    • فون: { $phone }
wajibna-filed =
    ✅ گھر پر خدمت کی درخواست درج ہو گئی۔ درخواست نمبر: { $ticket_id }
    واجبنا ٹیم آنے کا وقت طے کرنے کے لیے آپ کو کال کرے گی۔ درخواست نمبر بھیج کر کسی بھی وقت اس کی صورتِ حال دیکھ سکتے ہیں۔

## مطمئنون: کسی کی طرف سے کام

mutmainnun-ask-situation = مطمئنون: بلدیہ کا ملازم بلدیہ میں اس شخص کا کام اس کی طرف سے مکمل کرتا ہے جو جیل میں ہو اور خاندان کا کفیل ہو، یا تعلیم یا علاج کے لیے بیرونِ ملک ہو۔ کون سی صورت ہے؟
situation-prison = جیل میں
situation-abroad-study = تعلیم کے لیے بیرونِ ملک
situation-abroad-treatment = علاج کے لیے بیرونِ ملک
mutmainnun-ask-name = جس شخص کا کام ہے، اس کا پورا نام کیا ہے؟
mutmainnun-ask-relationship = اور آپ ان کے کیا لگتے ہیں؟
mutmainnun-ask-office = یہ کام کس ذیلی بلدیہ یا دفتر میں ہے، اگر آپ کو معلوم ہو؟ لکھ دیں، یا ”چھوڑ دیں“ دبائیں۔
mutmainnun-ask-when = ہمارا نمائندہ آپ کو کب کال کرے؟
mutmainnun-ask-phone = ہمارا نمائندہ کس نمبر پر کال کرے؟ بیرونِ ملک کا نمبر ملکی کوڈ کے ساتھ چلے گا — یا اپنا کانٹیکٹ شیئر کریں۔
mutmainnun-summary =
    براہِ کرم درخواست دیکھ لیں:
    • صورتِ حال: { $situation }
    • کس کا کام: { $name }
    • آپ کا رشتہ: { $relationship }
    • خدمت: { $service }
    • تفصیل: { $details }
    • دفتر: { $office }
    • مناسب وقت: { $when }
    • فون: { $phone }
mutmainnun-filed =
    ✅ آپ کی درخواست درج ہو گئی۔ درخواست نمبر: { $ticket_id }
    کسٹمر سروس کا ایک ملازم آپ کو کال کر کے مطلوبہ کاغذات بتائے گا، پھر ان کی طرف سے یہ کام نمٹائے گا۔ کسی بھی وقت درخواست نمبر بھیج کر صورتِ حال دیکھیں۔

## درخواستیں جو محفوظ رکھی گئیں جب صارف کوئی اور کام کرنے لگا

request-draft-button = ↩ اپنی درخواست جاری رکھیں
wajibna-draft-offer = گھر پر خدمت (واجبنا) کی آپ کی درخواست ابھی نہیں بھیجی گئی۔ کیا اسے جاری رکھیں؟
mutmainnun-draft-offer = «مطمئنون» کی آپ کی درخواست ابھی نہیں بھیجی گئی۔ کیا اسے جاری رکھیں؟
# «مطمئنون» کے خلاصے میں «دفتر:» کے بعد، جب صارف نے اسے چھوڑ دیا ہو۔
request-office-none = معلوم نہیں
