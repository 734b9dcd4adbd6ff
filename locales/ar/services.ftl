# خدمات الأمانة: واجبنا، مطمئنون، مواقع إطلالة وسيارات حاضرين،
# «في أي بلدية فرعية أنا؟»، والنصيحة التوعوية اليومية.

## القائمة

menu-services = خدمات الأمانة
menu-consultant = اسأل المستشار
services-intro =
    إلى جانب البلاغات، تقدّم الأمانة:
    • زيارة كبار السن وذوي الاحتياجات الخاصة في منازلهم («واجبنا»)
    • إنجاز المعاملة نيابةً عن السجين أو المغترب («مطمئنون»)
    • خدمتك في مواقع «إطلالة» بالمساجد الكبرى وسيارات «حاضرين» في الحدائق
    ماذا تحتاج؟
services-wajibna = زيارة منزلية (واجبنا)
services-mutmainnun = معاملة نيابة عن غيري
services-points = أقرب موقع خدمة
services-locate = بلديتي الفرعية
services-consultant = أسئلة للمستشار
services-tips = نصائح توعوية
services-try-again = حاول مرة أخرى
kb-other-topics = موضوعات أخرى
kb-text = { $text }
kb-ask-entry = أي سؤال؟ اختر موضوعًا من قائمة المستشار.
kb-ask-helpful = هل أفادتك الإجابة؟

## في أي بلدية فرعية أنا؟

services-locate-ask = شارك موقعك 📍، أو اكتب اسم الحي (مثل العزيزية أو المسفلة أو منى).
services-locate-found =
    { $how ->
        [name] 📍 حي { $place } يتبع بلدية { $sub } الفرعية.
        [sub] 📍 بلدية { $sub } الفرعية.
       *[pin] 📍 موقعك يتبع بلدية { $sub } الفرعية.
    }
    مواقع الخدمة القريبة — اضغط على أحدها لمعرفة مواعيده:
services-locate-not-found = عذرًا، لم أستطع تحديد البلدية الفرعية لهذا المكان في مكة المكرمة. جرّب اسم الحي، أو شارك موقعك. ويمكنك أيضًا سؤال «مستشارك الأمين» على { $phone }.
services-point-button = { $name } ({ $service })

## أقرب موقع خدمة

services-points-ask = أين أنت؟ شارك موقعك 📍، أو اكتب اسم الحي.
services-points-unknown-place = عذرًا، لم أجد هذا المكان. شارك موقعك، أو اكتب اسم الحي.
# $distance: a number of km, formatted by NUMBER(); the times by DATETIME() (see en/services.ftl).
services-points-open =
    ✅ مفتوح الآن: { $name } ({ $service })، على بعد { NUMBER($distance, maximumFractionDigits: 1) } كم — حتى الساعة { DATETIME($closes, timeStyle: "short") }.
    { $itlala_today ->
        [true] اليوم { $today }: مواقع «إطلالة» تعمل من { DATETIME($itlala_opens, timeStyle: "short") } إلى { DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] اليوم { $today } لا تعمل مواقع «إطلالة».
    }
    مواقع أخرى:
services-points-none-open =
    لا يوجد موقع مفتوح قريب منك الآن. الأقرب: { $name } ({ $service })، على بعد { NUMBER($distance, maximumFractionDigits: 1) } كم — يفتح يوم { $day } الساعة { DATETIME($opens, timeStyle: "short") }.
    { $itlala_today ->
        [true] اليوم { $today }: مواقع «إطلالة» تعمل من { DATETIME($itlala_opens, timeStyle: "short") } إلى { DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] اليوم { $today } لا تعمل مواقع «إطلالة».
    }
    مواقع أخرى:
# لا يوجد في المسجد الذي ذكره الشخص موقع «إطلالة» خاص به. $place: المسجد؛
# $name و$distance (كم، رقم) و$open_now و$opens و$closes و$day: لأقرب موقع
services-points-mosque =
    🕌 لا يوجد في { $place } موقع «إطلالة» خاص به. أقرب موقع: { $name }، على بعد { NUMBER($distance, maximumFractionDigits: 1) } كم.
    { $open_now ->
        [true] ✅ مفتوح الآن حتى { DATETIME($closes, timeStyle: "short") }.
       *[other] الموعد القادم: { $day } من { DATETIME($opens, timeStyle: "short") } إلى { DATETIME($closes, timeStyle: "short") }.
    }
    تعمل مواقع «إطلالة» يوميًا من قبل صلاة المغرب بساعة إلى بعد صلاة العشاء بساعة.
    مواقع أخرى:
# نص الزر (تيليجرام) أو الرابط (المحادثة على الموقع) الذي يفتح الخريطة.
services-map = 🗺️ افتح الخريطة
services-points-none = لا توجد مواقع «إطلالة» ولا سيارات «حاضرين» مجدولة في الأيام القادمة. وحين تعمل مواقع «إطلالة» فإنها تفتح قبل المغرب بساعة وتغلق بعد العشاء بساعة (اليوم { $today }: من { DATETIME($itlala_opens, timeStyle: "short") } إلى { DATETIME($itlala_closes, timeStyle: "short") }). وللمساعدة في الأثناء اتصل على 940.
services-point-itlala =
    🕌 { $name } — موقع «إطلالة»
    الاستعلامات والشكاوى والبلاغات وطباعة الرخص.
    يعمل يوميًا من قبل صلاة المغرب بساعة إلى بعد صلاة العشاء بساعة.
    { $open_now ->
        [true] ✅ مفتوح الآن حتى { DATETIME($closes, timeStyle: "short") }.
       *[other] الموعد القادم: { $day } من { DATETIME($opens, timeStyle: "short") } إلى { DATETIME($closes, timeStyle: "short") }.
    }
services-point-hadirin =
    🚐 { $name } — سيارة «حاضرين»
    تجهيز وطباعة الاستعلام، الإحالات، الأنشطة التجارية، البلاغات والشكاوى، رخص البناء.
    { $open_now ->
        [true] ✅ موجودة الآن حتى { DATETIME($closes, timeStyle: "short") }.
       *[other] الموعد القادم: { $day } من { DATETIME($opens, timeStyle: "short") } إلى { DATETIME($closes, timeStyle: "short") }.
    }

## الطلبات: أسئلة وإجابات مشتركة

request-ask-service = ما الخدمة التي تحتاجها؟
request-service-licence = رخصة
request-service-building-permit = رخصة بناء
request-service-deed = صك أو أرض
request-service-commercial = رخصة محل
request-service-complaint = شكوى أو بلاغ
request-service-inquiry = استفسار
request-service-other = خدمة أخرى
request-ask-details = اكتب باختصار ما تحتاجه (مثل رقم الرخصة أو المشكلة).
request-ask-when = ما الوقت المناسب ليتواصل معك موظفنا؟
when-morning = صباحًا (8–12)
when-afternoon = بعد الظهر (12–4)
when-evening = مساءً (4–9)
when-any = أي وقت
request-ask-phone = ما رقم الجوال الذي يتصل عليه موظفنا؟ يُقبل رقم من أي دولة — أو شارك جهة الاتصال.
relationship-self = أنا نفسي
relationship-parent = والدي أو والدتي
relationship-spouse = زوجي أو زوجتي
relationship-child = ابني أو ابنتي
relationship-relative = قريب آخر
relationship-other = شخص آخر

request-field-relationship = لمن
request-field-name = الاسم
request-field-need = الحالة
request-field-situation = الحالة
request-field-service = الخدمة
request-field-details = التفاصيل
request-field-location = المكان
request-field-office = مكان المعاملة
request-field-when = الوقت المناسب
request-field-phone = رقم الجوال

## واجبنا: زيارة منزلية

wajibna-ask-relationship = «واجبنا»: يزور موظف الأمانة كبير السن أو صاحب الاحتياج الخاص في منزله أو سكنه لينجز خدمته هناك. لمن الزيارة؟
wajibna-ask-name = ما اسم الشخص الذي سنزوره؟
wajibna-ask-need = أي وصف أقرب لحالته؟
need-elderly = كبير في السن
need-disability = من ذوي الاحتياجات الخاصة
need-illness = مريض لا يستطيع الخروج
wajibna-ask-location = أين نزوره؟ شارك الموقع 📍، أو اكتب العنوان أو اسم الفندق أو السكن.
wajibna-summary =
    راجع طلب الزيارة من فضلك:
    • لمن: { $relationship } — { $name }
    • الحالة: { $need }
    • الخدمة: { $service }
    • التفاصيل: { $details }
    • المكان: { $location }
    • الوقت المناسب: { $when }
    • الجوال: { $phone }
wajibna-filed =
    ✅ سُجّل طلب الزيارة المنزلية. رقم الطلب: { $ticket_id }
    سيتصل بك فريق «واجبنا» لترتيب موعد الزيارة. ويمكنك متابعة الطلب في أي وقت بإرسال رقمه.

## مطمئنون: معاملة نيابة عن غيرك

mutmainnun-ask-situation = «مطمئنون»: يُنجز موظف الأمانة المعاملة نيابةً عن السجين الذي يعول أسرة، أو عن المغترب للدراسة أو العلاج. أي حالة تنطبق؟
situation-prison = داخل السجن
situation-abroad-study = خارج المملكة للدراسة
situation-abroad-treatment = خارج المملكة للعلاج
mutmainnun-ask-name = ما الاسم الكامل لصاحب المعاملة؟
mutmainnun-ask-relationship = وما صلتك به؟
mutmainnun-ask-office = ما البلدية الفرعية أو الجهة التي لديها المعاملة، إن كنت تعرفها؟ اكتبها، أو اختر «تخطي».
mutmainnun-ask-when = ما الوقت المناسب ليتصل بك موظفنا؟
mutmainnun-ask-phone = ما الرقم الذي يتصل عليه موظفنا؟ يُقبل رقم خارج المملكة مع مفتاح الدولة — أو شارك جهة الاتصال.
mutmainnun-summary =
    راجع الطلب من فضلك:
    • الحالة: { $situation }
    • صاحب المعاملة: { $name }
    • صلتك به: { $relationship }
    • الخدمة: { $service }
    • التفاصيل: { $details }
    • مكان المعاملة: { $office }
    • الوقت المناسب: { $when }
    • الجوال: { $phone }
mutmainnun-filed =
    ✅ سُجّل طلبك. رقم الطلب: { $ticket_id }
    سيتصل بك موظف من الإدارة العامة لخدمة العملاء ليخبرك بالمستندات المطلوبة، ثم يُنجز المعاملة نيابةً عن صاحبها. أرسل رقم الطلب في أي وقت لمتابعته.

## طلبات محفوظة ريثما يقوم الشخص بأمر آخر

request-draft-button = ↩ أكمل طلبي
wajibna-draft-offer = طلب الزيارة المنزلية (واجبنا) لم يُرسَل بعد. هل نُكمله؟
mutmainnun-draft-offer = طلبك في «مطمئنون» لم يُرسَل بعد. هل نُكمله؟
# بعد «مكان المعاملة:» في ملخص «مطمئنون» حين يتخطاه الشخص.
request-office-none = غير معروف
