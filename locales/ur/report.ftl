# Reporting a problem (flow report_issue).

report-ask-category = مسئلہ کس قسم کا ہے؟

## Categories (button labels, also shown in summaries and ticket lists)

category-waste = کچرا اور گندگی
category-food-safety = خوراک کی حفاظت
category-water-sewage = پانی یا سیوریج کا رساؤ
category-road-hazard = سڑک پر خطرہ
category-street-lighting = اسٹریٹ لائٹس
category-animals-pests = جانور اور کیڑے مکوڑے
category-public-toilets = عوامی بیت الخلا
category-building-violation = تعمیراتی خلاف ورزی
category-street-vendors = ریڑھی اور ٹھیلے والے
category-other = کچھ اور

## Questions

report-ask-description = براہِ کرم چند الفاظ میں مسئلہ بیان کریں: مسئلہ کیا ہے، اور کتنا سنگین ہے؟
report-ask-location = یہ کہاں ہے؟ اپنی لوکیشن شیئر کریں 📍، یا جگہ کا نام لکھیں: کوئی سڑک، ہوٹل کا نام یا منیٰ میں خیمے/مکتب کا نمبر۔
report-ask-photo = تصویر سے ٹیم کو بہت مدد ملتی ہے۔ ایک تصویر بھیجیں، یا ”چھوڑ دیں“ منتخب کریں۔
report-ask-phone = کیا ضرورت پڑنے پر ٹیم آپ کو فون کر سکتی ہے؟ اپنا فون نمبر بھیجیں یا اپنا کانٹیکٹ شیئر کریں، یا ”چھوڑ دیں“ منتخب کریں۔

## Field names (for "which part do you want to change?")

report-field-category = مسئلے کی قسم
report-field-description = تفصیل
report-field-location = جگہ
report-field-photo = تصویر
report-field-phone = فون نمبر

## Summary and result

# $category, $description, $location, $photo, $phone: the answers, ready to show
report-summary =
    براہِ کرم اپنی شکایت ایک نظر دیکھ لیں:
    قسم: { $category }
    تفصیل: { $description }
    جگہ: { $location }
    تصویر: { $photo }
    فون: { $phone }
    کیا میں اسے بھیج دوں؟
# $ticket_id: the new ticket number, e.g. MK-1234566
report-filed =
    شکریہ، آپ کی شکایت درج ہو گئی ہے ✅
    آپ کا شکایت نمبر { $ticket_id } ہے۔ صورتِ حال معلوم کرنے کے لیے اسے محفوظ رکھیں؛ جب بھی اس میں کوئی تبدیلی ہو گی، میں آپ کو یہیں پیغام بھیجوں گا۔

## شکایت جو محفوظ رکھی گئی جب صارف کوئی اور کام کرنے لگا

report-draft-button = ↩ اپنی شکایت جاری رکھیں
# $category: مسئلے کی قسم، اگر چن لی گئی ہو؛ $has_category: "true" یا "false"
report-draft-offer =
    { $has_category ->
        [true] آپ کی شکایت ({ $category }) ابھی نہیں بھیجی گئی۔ کیا اسے جاری رکھیں؟
       *[other] آپ کی شکایت ابھی نہیں بھیجی گئی۔ کیا اسے جاری رکھیں؟
    }
# خلاصے میں «تصویر:» اور «فون:» کے بعد، جب صارف نے انہیں چھوڑ دیا ہو۔
report-photo-none = کوئی نہیں
report-phone-none = کوئی نہیں
