# Reporting a problem (flow report_issue).

report-ask-category = ما نوع المشكلة؟

## Categories (button labels, also shown in summaries and ticket lists)

category-waste = نفايات ومخلفات
category-food-safety = سلامة الغذاء
category-water-sewage = تسرّب مياه أو صرف صحي
category-road-hazard = خطر على الطريق
category-street-lighting = إنارة الشوارع
category-animals-pests = حيوانات وحشرات
category-public-toilets = دورات المياه العامة
category-building-violation = مخالفة بناء
category-street-vendors = الباعة الجائلون
category-other = أخرى

## Questions

report-ask-description = يُرجى وصف المشكلة بكلمات قليلة: ما هي، وما مدى خطورتها؟
report-ask-location = أين تقع؟ شارك موقعك على الخريطة 📍، أو اكتب اسم المكان: شارع، أو اسم فندق، أو رقم مخيم في منى.
report-ask-photo = الصورة تساعد الفريق كثيرًا. أرسل صورة، أو اختر «تخطي».
report-ask-phone = هل يمكن للفريق الاتصال بك عند الحاجة؟ أرسل رقم هاتفك أو شارك جهة اتصالك، أو اختر «تخطي».

## Field names (for "which part do you want to change?")

report-field-category = نوع المشكلة
report-field-description = الوصف
report-field-location = المكان
report-field-photo = الصورة
report-field-phone = رقم الهاتف

## Summary and result

# $category, $description, $location, $photo, $phone: the answers, ready to show
report-summary =
    يُرجى مراجعة بلاغك:
    النوع: { $category }
    الوصف: { $description }
    المكان: { $location }
    المرفق: { $photo }
    الهاتف: { $phone }
    هل أرسله؟
# $ticket_id: the new ticket number, e.g. MK-1234566
report-filed =
    شكرًا لك، تم تسجيل بلاغك ✅
    رقم بلاغك هو { $ticket_id }. احتفظ به لمتابعة حالته، وسأرسل إليك رسالة هنا عند أي تحديث.

## بلاغ محفوظ ريثما يقوم الشخص بأمر آخر

report-draft-button = ↩ أكمل بلاغي
# $category: نوع المشكلة إن اختير؛ $has_category: "true" أو "false"
report-draft-offer =
    { $has_category ->
        [true] بلاغك ({ $category }) لم يُرسَل بعد. هل نُكمله؟
       *[other] بلاغك لم يُرسَل بعد. هل نُكمله؟
    }
# بعد «المرفق:» و«الهاتف:» في الملخص حين يتخطاهما الشخص (كلاهما مذكّر).
report-photo-none = لا يوجد
report-phone-none = لا يوجد
