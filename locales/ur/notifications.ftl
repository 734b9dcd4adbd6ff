# اطلاعات جو بعد میں بھیجی جاتی ہیں جب کچھ بدلتا ہے۔

## A case's status changed

case-status-changed =
    📣 نمبر { $ticket_id } کے بارے میں تازہ اطلاع
    { $status ->
        [new] { case-update-new }
        [assigned] { case-update-assigned }
        [in_progress] { case-update-in-progress }
        [resolved] { case-update-resolved }
        [closed] { case-update-closed }
        [rejected] { case-update-rejected }
        [reopened] { case-update-reopened }
       *[other] { case-status-unknown }
    }
    تفصیل دیکھنے کے لیے مجھے یہی نمبر بھیجیں۔
case-update-new = صورتِ حال: موصول ہو گئی۔ متعلقہ ٹیم کا انتظار ہے۔
case-update-assigned = صورتِ حال: ٹیم کے پاس ہے۔ متعلقہ ٹیم کے ایک اہلکار نے اسے اپنے ذمے لے لیا ہے۔
case-update-in-progress = صورتِ حال: کام جاری ہے۔ { $category ->
        [waste] صفائی کا عملہ موقع پر پہنچ رہا ہے۔
        [food_safety] فوڈ سیفٹی کے انسپکٹر اس کی پیروی کر رہے ہیں۔
        [water_sewage] پانی اور نکاسی کا عملہ موقع پر پہنچ رہا ہے۔
        [road_hazard] سڑکوں کی مرمت کا عملہ موقع پر پہنچ رہا ہے۔
        [street_lighting] اسٹریٹ لائٹس کی ٹیم اس پر کام کر رہی ہے۔
        [animals_pests] کیڑے مکوڑوں اور جانوروں پر قابو پانے والی ٹیم موقع پر پہنچ رہی ہے۔
        [public_toilets] عوامی بیت الخلا کا عملہ موقع پر پہنچ رہا ہے۔
        [building_violation] عمارتوں کے انسپکٹر اس کی پیروی کر رہے ہیں۔
        [street_vendors] بازاروں کے انسپکٹر اس کی پیروی کر رہے ہیں۔
       *[other] ٹیم اس وقت اس پر کام کر رہی ہے۔
    }
case-update-resolved = صورتِ حال: حل ہو گئی۔ { $category ->
        [waste] جگہ صاف کر دی گئی ہے۔
        [food_safety] انسپکٹروں نے جگہ کا معائنہ کر کے کارروائی کر دی ہے۔
        [water_sewage] رساؤ یا رکاوٹ ٹھیک کر دی گئی ہے۔
        [road_hazard] خطرہ دور کر دیا گیا ہے یا جگہ محفوظ بنا دی گئی ہے۔
        [street_lighting] لائٹ ٹھیک کر دی گئی ہے۔
        [animals_pests] جگہ پر اسپرے کر دیا گیا ہے۔
        [public_toilets] بیت الخلا کی صفائی اور مرمت کر دی گئی ہے۔
        [building_violation] خلاف ورزی پر کارروائی کر دی گئی ہے۔
        [street_vendors] انسپکٹروں نے معاملہ نمٹا دیا ہے۔
       *[other] ٹیم نے معاملہ نمٹا دیا ہے۔
    }
case-update-closed = صورتِ حال: بند کر دی گئی۔ مکہ مکرمہ کی دیکھ بھال میں ہمارا ساتھ دینے کا شکریہ۔
case-update-rejected = صورتِ حال: قبول نہیں کی گئی۔ ہم اس پر مزید کارروائی نہیں کر سکے۔
case-update-reopened = صورتِ حال: دوبارہ کھول دی گئی۔ ٹیم اسے دوبارہ دیکھے گی۔

## Other messages about a case

case-agent-message =
    💬 نمبر { $ticket_id } کے بارے میں بلدیہ کی طرف سے پیغام:
    { $message }
case-referral = یہ معاملہ کسی دوسرے ادارے کے دائرۂ اختیار میں ہے: { $referral }۔ براہِ کرم ان سے براہِ راست رابطہ کریں۔

## "Is it fixed?"

case-fix-question = نمبر { $ticket_id } کو حل شدہ درج کر دیا گیا ہے۔ کیا مسئلہ واقعی حل ہو گیا ہے؟
case-fix-yes = جی ہاں، حل ہو گیا
case-fix-no = نہیں، ابھی نہیں
case-fix-thanks-yes = تصدیق کا شکریہ! نمبر { $ticket_id } اب بند کر دیا گیا ہے۔
case-fix-thanks-no = افسوس ہے کہ مسئلہ ابھی حل نہیں ہوا۔ ہم نے نمبر { $ticket_id } دوبارہ کھول دیا ہے اور ٹیم اسے دوبارہ دیکھے گی۔
case-fix-too-late = نمبر { $ticket_id } اب اس جواب کا منتظر نہیں ہے۔ اس کی صورتِ حال جاننے کے لیے مجھے یہی نمبر بھیجیں۔
