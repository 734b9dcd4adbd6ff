# واجهة Open311 GeoReport v2 (docs/open311.md): كيف تظهر الخدمات وحالة الطلبات
# في أنظمة المدينة الأخرى. نص عادي بلا متغيرات إلا حيث يُذكر.

## أسماء الخدمات (فئات البلاغات تستخدم تسمياتها category-*)

open311-name-home-visit = زيارة منزلية («واجبنا»)
open311-name-proxy-service = إنجاز معاملة نيابةً عن شخص («مطمئنون»)

## المجموعات

open311-group-reports = البلاغات
open311-group-outreach = الخدمات الميدانية

## الوصف

open311-description-waste = نفايات أو مخلفات أو أنقاض متروكة في شارع أو ساحة أو مخيم، أو حاويات ممتلئة لم تُفرَّغ.
open311-description-food-safety = طعام غير آمن، أو مطعم أو محل أغذية غير نظيف، أو طعام يُباع بعد انتهاء صلاحيته.
open311-description-water-sewage = تسرّب مياه، أو أنبوب مكسور، أو طفح صرف صحي، أو تصريف مسدود.
open311-description-road-hazard = حفرة في الطريق، أو رصيف مكسور، أو غطاء فتحة صرف مفقود، أو أي خطر على الطريق.
open311-description-street-lighting = عمود إنارة مطفأ أو متقطع أو تالف، أو شارع مظلم.
open311-description-animals-pests = حيوانات سائبة، أو حشرات، أو فئران، أو آفات أخرى.
open311-description-public-toilets = دورة مياه عامة متسخة أو معطلة أو مغلقة أو بلا ماء.
open311-description-building-violation = بناء بلا ترخيص، أو منشأة غير آمنة، أو تعدٍّ على الشارع.
open311-description-street-vendors = باعة جائلون بلا ترخيص، أو بسطات تسد الطريق.
open311-description-other = أي مشكلة أخرى في المدينة ينبغي أن تعلم بها الأمانة.
open311-description-home-visit = يزور موظف الأمانة كبير السن أو صاحب الاحتياج الخاص في منزله أو سكنه لينجز خدمته هناك.
open311-description-proxy-service = ينجز موظف الأمانة المعاملة نيابةً عن سجين يعول أسرة، أو عن شخص خارج المملكة للدراسة أو العلاج.

## الكلمات المفتاحية (مفصولة بفواصل)

open311-keywords-waste = نفايات, قمامة, مخلفات, حاويات, أنقاض, نظافة
open311-keywords-food-safety = غذاء, مطعم, محل أغذية, نظافة, منتهي الصلاحية, تسمم غذائي
open311-keywords-water-sewage = مياه, تسرب, أنبوب, صرف صحي, طفح, تصريف
open311-keywords-road-hazard = طريق, حفرة, رصيف, غطاء فتحة, خطر
open311-keywords-street-lighting = إنارة, مصباح, عمود إنارة, شارع مظلم
open311-keywords-animals-pests = حيوانات, كلاب ضالة, قطط, حشرات, فئران, آفات
open311-keywords-public-toilets = دورات مياه, حمامات عامة, نظافة
open311-keywords-building-violation = بناء, إنشاءات, ترخيص, تعدٍّ, مبنى غير آمن
open311-keywords-street-vendors = باعة جائلون, بسطات, افتراش, سد الطريق
open311-keywords-other = أخرى, عام, اقتراح
open311-keywords-home-visit = واجبنا, زيارة منزلية, كبار السن, ذوو الاحتياجات الخاصة, إعاقة
open311-keywords-proxy-service = مطمئنون, نيابة, سجين, خارج المملكة, دراسة, علاج

## الحقول الإضافية

# $min و $max: الطول المسموح، بالأرقام
open311-datatype-text = نص من { $min } إلى { $max } حرفًا.

## ملاحظات الحالة: الحالة التفصيلية وراء «مفتوح» و«مغلق»

open311-status-new = استُلم، وهو بانتظار الفريق.
open311-status-assigned = أُسند إلى أحد أعضاء الفريق.
open311-status-in-progress = يعمل الفريق على معالجته.
open311-status-resolved = عالجه الفريق.
open311-status-closed = أُغلق.
open311-status-rejected = لم يُقبل.
open311-status-reopened = أُعيد فتحه: أفاد المُبلِّغ بأن المشكلة لم تُحل بعد.
open311-status-referral = أُحيل إلى:

## الرد على طلب جديد

# $due: التاريخ والوقت بتوقيت مكة المكرمة، بالأرقام (2026-05-04 09:30)
open311-service-notice = استُلم الطلب. يسعى الفريق إلى معالجته قبل { $due } بتوقيت مكة المكرمة.
