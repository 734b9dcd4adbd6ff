# كلمات مكتب الموظفين (للموظفين فقط: العربية والإنجليزية).

desk-app-name = مكتب لبّيك
desk-skip-to-content = انتقل إلى المحتوى
desk-nav-label = أقسام المكتب
desk-nav-cases = البلاغات
desk-nav-new-case = تسجيل بلاغ لمتصل
desk-nav-audit = سجل التدقيق
desk-nav-reports = التقارير
desk-nav-admin = الحسابات والفرق
desk-switch-language = English
desk-sign-out = تسجيل الخروج
desk-save = حفظ
desk-any = الكل
desk-none = —
desk-nobody = لا أحد
desk-nobody-change = — دون تغيير —
desk-internal = داخلي
desk-number = { NUMBER($value) }
desk-percent = { NUMBER($value, style: "percent", maximumFractionDigits: 0) }
desk-hours = { NUMBER($value, maximumFractionDigits: 1) } ساعة

## Sign-in

desk-login-title = تسجيل الدخول
desk-login-intro = لموظفي الأمانة. سجّل الدخول بحسابك في المكتب.
desk-login-username = اسم المستخدم
desk-login-password = كلمة المرور
desk-login-submit = دخول
desk-login-failed = اسم المستخدم أو كلمة المرور غير صحيحة. حاول مرة أخرى.
desk-login-missing = أدخل اسم المستخدم وكلمة المرور.
desk-login-expired = سجّل الدخول (مرة أخرى) للمتابعة.
desk-login-locked = أُدخلت كلمة مرور خاطئة مرات كثيرة، فأُقفل هذا الحساب مؤقتًا. حاول بعد { $minutes } دقيقة، أو اطلب من المشرف فتحه.
desk-login-throttled = محاولات دخول فاشلة كثيرة من هذه الشبكة. انتظر { $minutes } دقيقة ثم حاول مرة أخرى.

## Errors

desk-error-title = تعذّر تنفيذ الطلب
desk-error-back = العودة إلى البلاغات
desk-error-sign-in = الذهاب إلى تسجيل الدخول
desk-error-not-found = غير موجود. الصفحة أو البلاغ غير موجود، أو لا يخص فريقك.
desk-error-csrf = انتهت صلاحية هذا النموذج أو لم يصدر من المكتب. أعد تحميل الصفحة وحاول مرة أخرى.
desk-error-form = تعذّرت قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.
desk-error-field = الحقل «{ $field }» ليس نصًا عاديًا.
desk-error-required = يُرجى تعبئة «{ $field }».
desk-error-too-long = «{ $field }» طويل جدًا: { $max } حرفًا على الأكثر.
desk-error-unknown-value = قيمة غير معروفة في «{ $what }»: «{ $value }».
desk-error-date = «{ $value }» ليس تاريخًا (استخدم التقويم، أو الصيغة YYYY-MM-DD) في «{ $what }».
desk-error-date-range = نهاية الفترة قبل بدايتها.
desk-error-range-too-long = الفترة طويلة جدًا: { $max } يومًا على الأكثر.
desk-error-export-too-big = تطابق الفلاتر أكثر من { $max } بلاغ: ضيّق الفلاتر (مثلًا فترة أقصر) ثم صدّر مرة أخرى.
desk-error-transition = لا يمكن أن يتحول بلاغ حالته «{ $current }» إلى «{ $wanted }». أعد تحميل الصفحة، فربما غيّره أحد زملائك.
desk-error-reason-needed = لتسجيل البلاغ «غير مقبول» اكتب السبب (يبقى داخليًا).
desk-error-phone = رقم الهاتف غير صحيح. اكتب رقمًا سعوديًا مثل 0501234567، أو رقمًا بمفتاح الدولة (+62…).
desk-error-own-account = لا يمكنك تعطيل حسابك أو تغيير دورك من هنا.
desk-error-exists = هذا الاسم مستخدم من قبل ({ $detail }).
desk-error-not-permitted = لا يسمح دورك أو فريقك بذلك ({ $detail }).
desk-error-invalid = رُفض الطلب: { $detail }
desk-error-password-too-short = كلمة المرور قصيرة جدًا: استخدم 10 أحرف على الأقل (بضع كلمات أسهل للتذكر).
desk-error-password-too-long = كلمة المرور طويلة جدًا: 128 حرفًا على الأكثر.
desk-error-password-too-guessable = كلمة المرور سهلة التخمين ({ $reason }). استخدم بضع كلمات لا رابط بينها.

## The queue

desk-queue-title = البلاغات
desk-queue-total = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
}
desk-queue-by-status = البلاغات حسب الحالة
desk-queue-all = الكل
desk-queue-empty = لا يوجد بلاغ يطابق هذه المرشحات.
desk-queue-export = تصدير CSV
desk-filter-text = بحث
desk-filter-text-hint = الرقم أو الوصف أو المكان
desk-filter-category = التصنيف
desk-filter-team = الفريق
desk-filter-priority = الأولوية
desk-filter-sla = المهلة
desk-filter-channel = القناة
desk-filter-language = لغة الحاج
desk-filter-assigned = الإسناد
desk-filter-assigned-me = إليّ
desk-filter-assigned-none = غير مُسند
desk-filter-from = من
desk-filter-to = إلى
desk-filter-sort = الترتيب
desk-filter-apply = عرض
desk-filter-clear = مسح
desk-col-ticket = الرقم
desk-col-status = الحالة
desk-col-category = النوع
desk-col-place = المكان أو الوصف
desk-col-language = اللغة
desk-col-team = الفريق
desk-col-sla = المهلة
desk-col-created = تاريخ التسجيل
desk-sla-overdue = متأخر
desk-sla-due-soon = يقترب موعده
desk-sla-overdue-by = متأخر { $hours } ساعة
desk-sla-due-in = يستحق خلال { $hours } ساعة
desk-pager-label = الصفحات
desk-pager-previous = → السابق
desk-pager-next = التالي ←
desk-pager-position = صفحة { $page } من { $pages }

## The case page

desk-case-team = الفريق
desk-case-assignee = مُسند إلى
desk-case-due = الموعد
desk-case-sent = ما أرسله الحاج
desk-case-description = الوصف
desk-case-place = المكان
desk-case-coordinates = الموقع
desk-case-open-map = فتح الخريطة
desk-case-filed = سُجّل
desk-case-pilgrim = الحاج
desk-case-phone = هاتف التواصل
desk-case-reveal-phone = إظهار رقم الهاتف
desk-case-reveal-note = (يُسجَّل في سجل التدقيق)
desk-case-photos = الصور
desk-case-photo = الصورة { $number }
desk-map-label = موقع البلاغ { $ticket } بين البلديات الفرعية
desk-map-caption = البلديات الفرعية (حدود تقريبية)، والنقطة موقع الحاج.
desk-case-take-over-chat = تولّي هذه المحادثة
desk-case-act = الإجراءات
desk-case-new-status = الحالة الجديدة
desk-case-note = ملاحظة
desk-case-note-internal = (داخلية: لا يراها الحاج)
desk-case-message = رسالة إلى الحاج (اختيارية)
desk-case-message-hint = تُرسل كما تكتبها. أما تحديث الحالة نفسه فيُرسل باللغة: { $language }.
desk-case-language-warning = الحاج يقرأ { $language } لا لغة مكتبك. تُرسل رسالتك كما تكتبها تمامًا: اكتبها بلغة الحاج إن استطعت، أو اجعلها قصيرة وبسيطة.
desk-case-reject-legend = لحالة «غير مقبول» فقط
desk-case-reason = السبب (داخلي)
desk-case-referral = الجهة المختصة بدلًا منا (تُبلَّغ للحاج)
desk-case-change-status = تغيير الحالة
desk-case-final = انتهى هذا البلاغ، ولم تعد حالته تتغير.
desk-case-assign = الإسناد
desk-case-assign-agent = الموظف
desk-case-assign-team = الفريق
desk-case-assign-submit = إسناد
desk-case-priority = الأولوية
desk-case-add-note = إضافة ملاحظة
desk-case-add-note-submit = أضف الملاحظة
desk-case-message-only = رسالة إلى الحاج دون تغيير الحالة
desk-case-send-message = إرسال
desk-case-timeline = السجل الزمني
desk-case-what-was-sent = ما وصل إلى الحاج
desk-referral-health = وزارة الصحة
desk-referral-police = الشرطة
desk-referral-civil-defense = الدفاع المدني
desk-referral-water = شركة المياه الوطنية
desk-referral-electricity = الشركة السعودية للكهرباء

## Filing for a caller

desk-file-title = تسجيل بلاغ لمتصل
desk-file-intro = لمتصلي مركز 940. اسأل المتصل بلغته واكتب ما يقوله؛ ثم يذهب البلاغ إلى الفريق المختص كأي بلاغ آخر.
desk-file-language = لغة المتصل
desk-file-phone = رقم هاتف المتصل
desk-file-hear-back = كيف يصل الرد إلى المتصل
desk-file-whatsapp-yes = عبر واتساب على هذا الرقم (بعد موافقة المتصل)
desk-file-whatsapp-template = تُرسل التحديثات بقالب واتساب المعتمد، لأن المتصل لم يراسلنا بعد.
desk-file-whatsapp-no-template = لا يوجد قالب واتساب معتمد، لذا يبقى كل تحديث معلّقًا في البلاغ ليبلغه موظف بالهاتف، إلى أن يراسلنا المتصل عبر واتساب.
desk-file-whatsapp-no = بالهاتف فقط: يبقى كل تحديث معلّقًا في البلاغ، ويمكن للمتصل الاتصال بـ 940 ومعه رقم البلاغ
desk-file-kind = النوع
desk-file-category = التصنيف
desk-file-category-none = — (ليس بلاغًا) —
desk-file-description = ما يقوله المتصل
desk-file-place = المكان (الحي، الشارع، معلم قريب)
desk-file-submit = سجّل البلاغ
desk-file-done = سُجّل البلاغ: { $ticket }
desk-file-read-out = اقرأ الرقم على المتصل: { $ticket }.
desk-file-hears-back-whatsapp = سيصل إلى المتصل كل تغيير عبر واتساب.
desk-file-hears-back-phone = يبقى كل تغيير معلّقًا في البلاغ ليُبلَّغ بالهاتف.
desk-file-open-case = فتح البلاغ
desk-file-other-team = ذهب البلاغ إلى قائمة فريق آخر.

## Audit log

desk-audit-title = سجل التدقيق
desk-audit-when = الوقت
desk-audit-who = المستخدم
desk-audit-action = الإجراء
desk-audit-agent = اسم المستخدم
desk-audit-object = العنصر
desk-audit-detail = التفاصيل
desk-audit-address = العنوان

## Reports (supervisors)

desk-reports-title = التقارير
desk-reports-range = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
} مسجّلة من { $first } إلى { $last }
desk-reports-export = تصدير الجدول (CSV)
desk-reports-which-cases = الأرقام عن البلاغات المسجّلة في هذه الأيام (بتوقيت مكة)، أيًّا كانت حالتها الآن.
desk-reports-summary = ملخص
desk-reports-cases = البلاغات
desk-reports-handled = حُلّت أو أُغلقت
desk-reports-sla-kept = ضمن المهلة
desk-reports-sla-detail = في الموعد: { $kept }، متأخرة: { $missed }
desk-reports-median = الوسيط لمدة الحل
desk-reports-reopen-rate = أُعيد فتحها
desk-reports-fixed-yes-share = أجابوا «حُلّت»
desk-reports-per-day-by-group = البلاغات يوميًا حسب النوع
desk-reports-per-day-by-team = البلاغات يوميًا حسب الفريق
desk-reports-per-day-by-group-label = مخطط أعمدة: البلاغات المسجّلة كل يوم مقسّمة حسب النوع
desk-reports-per-day-by-team-label = مخطط أعمدة: البلاغات المسجّلة كل يوم مقسّمة حسب الفريق
desk-reports-show-numbers = عرض الأرقام
desk-reports-day = اليوم
desk-reports-total = المجموع
desk-reports-empty = لم يُسجَّل أي بلاغ في هذه الأيام.
desk-reports-map = مواقع البلاغات
desk-reports-map-label = خريطة البلاغات ذات الموقع على البلديات الفرعية
desk-reports-map-area = { $name }: { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
}
desk-reports-map-overdue = مفتوح وتجاوز مهلته
desk-reports-map-open = مفتوح
desk-reports-map-done = حُلّ أو أُغلق
desk-reports-map-shown = على الخريطة البلاغات ذات الموقع المحدد: { $located } من { $cases }؛ كل نقطة مكان واحد (نحو { NUMBER($metres) } م)، وتكبر بكثرة البلاغات فيه. وكلما كانت البلدية الفرعية أغمق كانت بلاغاتها أكثر.
desk-reports-map-outside = { $count ->
    [zero] لا بلاغات خارج البلديات الفرعية.
    [one] بلاغ واحد خارج البلديات الفرعية فلم يُرسم.
    [two] بلاغان خارج البلديات الفرعية فلم يُرسما.
    [few] { $count } بلاغات خارج البلديات الفرعية فلم تُرسم.
    [many] { $count } بلاغًا خارج البلديات الفرعية فلم تُرسم.
   *[other] { $count } بلاغ خارج البلديات الفرعية فلم تُرسم.
}
desk-reports-map-dot-overdue = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد مفتوح تجاوز مهلته
    [two] بلاغان مفتوحان تجاوزا مهلتهما
    [few] { $count } بلاغات مفتوحة تجاوزت مهلتها
    [many] { $count } بلاغًا مفتوحًا تجاوزت مهلتها
   *[other] { $count } بلاغ مفتوح تجاوزت مهلتها
}
desk-reports-map-dot-open = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد مفتوح
    [two] بلاغان مفتوحان
    [few] { $count } بلاغات مفتوحة
    [many] { $count } بلاغًا مفتوحًا
   *[other] { $count } بلاغ مفتوح
}
desk-reports-map-dot-done = { $count ->
    [zero] لا بلاغات
    [one] بلاغ واحد حُلّ أو أُغلق
    [two] بلاغان حُلّا أو أُغلقا
    [few] { $count } بلاغات حُلّت أو أُغلقت
    [many] { $count } بلاغًا حُلّت أو أُغلقت
   *[other] { $count } بلاغ حُلّت أو أُغلقت
}
desk-reports-teams = الفرق
desk-reports-definitions = ضمن المهلة: البلاغات التي حُلّت (أو أُغلقت) قبل انتهاء مهلتها، من بين البلاغات المنتهية أو التي فاتت مهلتها. الوسيط: نصف البلاغات استغرق من التسجيل إلى الحل وقتًا أقل منه، ونصفها وقتًا أطول. أُعيد فتحها: البلاغات التي أُعيد فتحها بعد حلّها (كأن يجيب الحاج «لم تُحل»)، من بين البلاغات المحلولة.
desk-reports-satisfaction = رضا المستفيدين
desk-reports-fixed-question = «هل حُلّت المشكلة؟»
desk-reports-no-answers = لم يُجب أي حاج بعد عن سؤال «هل حُلّت المشكلة؟» لهذه البلاغات.
desk-reports-chat-ratings = تقييم المحادثات المباشرة
desk-reports-mean-rating = المتوسط { NUMBER($mean, maximumFractionDigits: 1) } من 5، من { $count ->
    [zero] دون تقييمات
    [one] تقييم واحد
    [two] تقييمين
    [few] { $count } تقييمات
    [many] { $count } تقييمًا
   *[other] { $count } تقييم
}
desk-reports-stars = { $stars } من 5 نجوم
desk-reports-no-ratings = لم تُقيَّم أي محادثة مباشرة في هذه الأيام.
desk-reports-chat-ratings-note = تقييمات المحادثات المباشرة التي بدأت في هذه الأيام، حسب الفريق؛ ولا ينطبق عليها فلتر النوع.
desk-reports-all-teams = جميع الفرق

## Accounts and teams

desk-admin-title = الحسابات والفرق
desk-admin-agents = الحسابات
desk-admin-teams = الفرق
desk-admin-username = اسم المستخدم
desk-admin-display-name = الاسم
desk-admin-password = كلمة المرور
desk-admin-new-password = كلمة مرور جديدة
desk-admin-role = الدور
desk-admin-team = الفريق
desk-admin-no-team = — بلا فريق —
desk-admin-desk-language = لغة المكتب
desk-admin-details = التفاصيل
desk-admin-state = الحالة
desk-admin-actions = الإجراءات
desk-admin-active = مفعّل
desk-admin-disabled = معطّل
desk-admin-inactive = غير نشط
desk-admin-locked = مقفل
desk-admin-last-sign-in = آخر دخول
desk-admin-disable = تعطيل
desk-admin-enable = تفعيل
desk-admin-unlock = فتح القفل
desk-admin-reset = إعادة تعيين كلمة المرور
desk-admin-new-agent = حساب جديد
desk-admin-create = إنشاء
desk-admin-password-rule = كلمة المرور: 10 أحرف على الأقل، وألا تكون سهلة التخمين (بضع كلمات لا رابط بينها خيار جيد). إعادة التعيين تُخرج صاحب الحساب من كل الأجهزة.
desk-admin-new-team = فريق جديد
desk-admin-slug = الرمز
desk-admin-name-ar = الاسم بالعربية
desk-admin-name-en = الاسم بالإنجليزية
desk-admin-deactivate = إيقاف
desk-admin-reactivate = إعادة تفعيل

## Labels of values

desk-status-new = جديد
desk-status-assigned = مُسند
desk-status-in-progress = قيد العمل
desk-status-resolved = تم الحل
desk-status-closed = مغلق
desk-status-rejected = غير مقبول
desk-status-reopened = أُعيد فتحه
desk-priority-low = منخفضة
desk-priority-normal = عادية
desk-priority-high = عالية
desk-priority-urgent = عاجلة
desk-category-waste = النفايات
desk-category-food-safety = سلامة الغذاء
desk-category-water-sewage = المياه والصرف الصحي
desk-category-road-hazard = خطر في الطريق
desk-category-street-lighting = إنارة الشوارع
desk-category-animals-pests = الحيوانات والآفات
desk-category-public-toilets = دورات المياه العامة
desk-category-building-violation = مخالفة بناء
desk-category-street-vendors = الباعة الجائلون
desk-category-other = أخرى
desk-kind-report = بلاغ
desk-kind-complaint = شكوى
desk-kind-home-visit = زيارة منزلية (واجبنا)
desk-kind-proxy-service = خدمة بالنيابة (مطمئنون)
desk-kind-inquiry = استفسار
desk-role-agent = موظف
desk-role-supervisor = مشرف
desk-role-admin = مدير النظام
desk-language-ar = العربية
desk-language-en = الإنجليزية
desk-language-id = الإندونيسية
desk-language-ur = الأردية
desk-language-fa = الفارسية
desk-channel-telegram = تيليجرام
desk-channel-whatsapp = واتساب
desk-channel-webchat = المحادثة على الموقع
desk-channel-console = سطر الأوامر
desk-channel-phone = الهاتف (940)
desk-source-bot = من الحاج في المحادثة
desk-source-desk = من موظف نيابة عن متصل
desk-source-open311 = عبر Open311
desk-sort-created-at-desc = الأحدث أولًا
desk-sort-created-at = الأقدم أولًا
desk-sort-sla-due-at = المهلة، الأقرب أولًا
desk-sort-sla-due-at-desc = المهلة، الأبعد أولًا
desk-sort-priority = الأولوية
desk-sort-updated-at-desc = آخر ما تغيّر
desk-actor-pilgrim = الحاج
desk-actor-system = النظام
desk-actor-agent = موظف
desk-event-created = سُجّل
desk-event-status-changed = الحالة
desk-event-note = ملاحظة
desk-event-team-changed = نُقل إلى فريق آخر
desk-event-agent-assigned = أُسند إلى موظف
desk-event-priority-changed = الأولوية
desk-event-message-sent = رسالة إلى الحاج
desk-event-fix-asked = سُئل الحاج «هل حُلّت المشكلة؟»
desk-event-fix-answered = أجاب الحاج عن «هل حُلّت المشكلة؟»
desk-event-satisfaction-rated = الرضا
desk-event-notification-held = رسالة معلّقة
desk-event-notification-failed = تعذّر إرسال رسالة
desk-fix-yes = نعم، حُلّت
desk-fix-no = لا، لم تُحل
desk-delivery-pending = بانتظار الإرسال
desk-delivery-sending = جارٍ الإرسال
desk-delivery-sent = أُرسلت
desk-delivery-failed = تعذّر الإرسال
desk-delivery-held = معلّقة: أبلغها بالهاتف
desk-extra-relationship = صلة القرابة
desk-extra-name = الاسم
desk-extra-need = الحاجة
desk-extra-situation = الحالة
desk-extra-service = الخدمة
desk-extra-when = الموعد
desk-extra-sub-municipality = البلدية الفرعية
desk-action-sign-in = تسجيل دخول
desk-action-sign-in-failed = محاولة دخول فاشلة
desk-action-sign-out = تسجيل خروج
desk-action-case-status = تغيير حالة
desk-action-case-note = إضافة ملاحظة
desk-action-case-message = رسالة إلى حاج
desk-action-case-assign = إسناد بلاغ
desk-action-case-priority = تغيير أولوية
desk-action-case-phone-revealed = إظهار رقم هاتف
desk-action-case-photo-view = عرض صورة
desk-action-case-export = تصدير بلاغات
desk-action-report-export = صدّر تقريرًا
desk-action-case-create = تسجيل بلاغ لمتصل
desk-action-agent-create = إنشاء حساب
desk-action-agent-change = تعديل حساب
desk-action-agent-disable = تعطيل حساب
desk-action-agent-enable = تفعيل حساب
desk-action-agent-reset-password = إعادة تعيين كلمة مرور
desk-action-agent-unlock = فتح قفل حساب
desk-action-agent-language = تغيير لغة المكتب
desk-action-team-create = إنشاء فريق
desk-action-team-change = تعديل فريق
desk-action-team-activate = إعادة تفعيل فريق
desk-action-team-deactivate = إيقاف فريق

## المحادثات المباشرة (/desk/chats)

desk-nav-chats = المحادثات المباشرة
desk-chats-title = المحادثات المباشرة
desk-chats-waiting = بانتظار موظف
desk-chats-active = مع موظف
desk-chats-closed = انتهت خلال آخر 24 ساعة
desk-chats-none-waiting = لا أحد في الانتظار.
desk-chats-none-active = لا توجد محادثة مع موظف.
desk-chats-none-closed = لم تنتهِ أي محادثة خلال آخر 24 ساعة.
desk-chats-chat-number = المحادثة { $number }
desk-chats-col-chat = المحادثة
desk-chats-col-position = الدور في الانتظار
desk-chats-col-language = اللغة
desk-chats-col-channel = القناة
desk-chats-col-reason = السبب
desk-chats-col-case = البلاغ
desk-chats-col-team = الفريق
desk-chats-col-since = في الانتظار منذ
desk-chats-col-agent = الموظف
desk-chats-col-last-pilgrim = آخر رسالة من الحاج
desk-chats-col-status = الحالة
desk-chats-col-ended = انتهت
desk-chats-col-rating = التقييم
desk-chats-yours = محادثتك
desk-chats-unanswered = بلا رد
desk-chats-rating = { $rating } من 5
desk-chats-outside-hours = خارج ساعات المحادثة ({ $opens }–{ $closes } بتوقيت مكة). من يطلب موظفًا الآن يُبلَّغ بأنه لا يوجد أحد متاح، وبأن رسالته محفوظة وسيُرَدّ عليها هنا، ويُعطى الرقم 940.
desk-chats-no-script = تتحدّث هذه الصفحة تلقائيًا ما دامت مفتوحة. إن كانت البرمجيات معطّلة في المتصفح فأعد تحميلها لرؤية المحادثات الجديدة.
desk-chats-new-waiting-title = محادثة جديدة بالانتظار
desk-chats-live-lost = توقّف التحديث المباشر. أعد تحميل الصفحة لرؤية الرسائل الجديدة.
desk-chat-status-waiting = بالانتظار
desk-chat-status-with-agent = مع موظف
desk-chat-status-ended = انتهت
desk-chat-status-abandoned = أُعيدت للروبوت (لم يردّ أحد)
desk-chat-reason-asked = طلب التحدث إلى موظف
desk-chat-reason-not-understood = لم يفهمه الروبوت مرتين
desk-chat-reason-flow = من إجابة للروبوت («غير مفيد»)
desk-chat-reason-agent = بدأها موظف
desk-chat-sender-pilgrim = الحاج
desk-chat-sender-agent = الموظف
desk-chat-sender-bot = الروبوت
desk-chat-began = من هنا بدأت المحادثة مع الموظفين
desk-chat-conversation = المحادثة
desk-chat-photo = صورة أرسلها الحاج
desk-chat-location = الموقع
desk-chat-unsupported = أرسل الحاج شيئًا لا تستطيع القناة نقله (رسالة صوتية أو ملف)، وأُبلغ بأنه لا يمكن قراءته.
desk-chat-pressed = ضغط زرًّا: { $choice }
desk-chat-you-typed = ما كتبه الموظف (قبل الترجمة):
desk-chat-translation = ترجمة آلية:
desk-chat-canned-your-language = بلغتك:
desk-chat-translation-failed = تعذّرت الترجمة: أُرسل النص أو عُرض كما كُتب.
desk-chat-canned-tag = رد جاهز:
desk-chat-position = الدور { $position } في الانتظار
desk-chat-changed = تغيّرت هذه المحادثة (تولّاها موظف أو حُوّلت أو انتهت).
desk-chat-reload = إعادة التحميل
desk-chat-window-closed = آخر رسالة من الحاج على { $channel } مضى عليها أكثر من 24 ساعة. لا تسمح { $channel } بالكتابة بحرية إلا خلال 24 ساعة من آخر رسالة منه: سيُعلَّق ردّك (أو يُرسل بصيغة الإشعار المعتمدة إن وُجدت) حتى يكتب مجددًا. إن كان الأمر عاجلًا فاتصل به.
desk-chat-window-open = تسمح { $channel } بالرد حتى
desk-chat-waiting-hint = لم يتولَّ أحد هذه المحادثة بعد. عندما تتولّاها يتوقف الروبوت عن الرد ويُبلَّغ الحاج باسمك.
desk-chat-claim = تولّي هذه المحادثة
desk-chat-held-by = يتولّى { $agent } هذه المحادثة.
desk-chat-language-warning = يكتب الحاج بـ{ $language } لا بلغة مكتبك. ما تكتبه يُرسل كما هو: اكتب بـ{ $language } إن استطعت، أو استخدم ردًّا جاهزًا.
desk-chat-reply = الرد على الحاج
desk-chat-reply-hint = يُرسل كما كُتب عبر قناة الحاج نفسها. لإرسال رد جاهز اكتب اختصاره، مثل:
desk-chat-send-translated = أرسله مترجمًا إلى { $language } (ترجمة آلية؛ يُرسل كما كُتب إن تعذّرت)
desk-chat-send = إرسال
desk-chat-canned = رد جاهز
desk-chat-canned-texts = نص كل رد جاهز
desk-chat-canned-hint = يصل إلى الحاج بـ{ $language }، وتراه هنا بلغتك.
desk-chat-send-canned = إرسال الرد الجاهز
desk-chat-transfer = تحويل المحادثة
desk-chat-transfer-agent = إلى زميل في الفريق
desk-chat-transfer-agent-submit = تحويل إلى هذا الزميل
desk-chat-no-colleagues = لا يوجد موظف آخر في هذا الفريق له حساب.
desk-chat-transfer-team = إلى فريق آخر (تنتظر المحادثة في قائمته)
desk-chat-transfer-team-submit = تحويل إلى هذا الفريق
desk-chat-end-hint = إنهاء المحادثة يعيدها إلى الروبوت، فيطلب من الحاج تقييمها.
desk-chat-end = إنهاء المحادثة
desk-chat-over = انتهت هذه المحادثة ({ $status }).
desk-chat-follow-up = بدء محادثة جديدة مع هذا الحاج
desk-chat-back = العودة إلى المحادثات المباشرة
desk-case-take-over-hint = يبدأ محادثة مباشرة مع مقدّم البلاغ على قناته، وتتولّاها أنت فورًا.
desk-case-no-chat = لا يمكن التواصل مع مقدّم البلاغ بمحادثة مباشرة (ورد البلاغ بالهاتف).
desk-error-chat-taken = تولّى { $agent } المحادثة { $chat } قبلك.
desk-error-chat-taken-by-someone = تولّى موظف آخر هذه المحادثة قبلك.
desk-error-chat-moved-on = تغيّر وضع هذه المحادثة (تولّاها أحد أو حُوّلت أو انتهت). أعد تحميلها لمعرفة وضعها.
desk-error-canned-unknown = لا يوجد رد جاهز بهذا الاسم أو الاختصار.
desk-error-transfer-one = اختر زميلًا أو فريقًا واحدًا لتحويل المحادثة إليه.
