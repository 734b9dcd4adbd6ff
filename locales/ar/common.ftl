# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    السلام عليكم، أهلًا بك في لبّيك 🌿
    أنا المساعد الرقمي لأمانة العاصمة المقدسة. يمكنني استقبال بلاغك عن أي مشكلة، وإخبارك بحالة بلاغك، والإجابة عن أسئلتك حول خدمات الأمانة، وإحالة محادثتك إلى أحد موظفينا.
menu-prompt = كيف يمكنني مساعدتك؟ اضغط على أحد الخيارات، أو اكتب سؤالك مباشرة.
menu-anything-else = هل هناك شيء آخر يمكنني مساعدتك فيه؟

menu-report = الإبلاغ عن مشكلة
menu-status = متابعة بلاغ
menu-my-tickets = بلاغاتي
menu-language = اللغة
menu-help = المساعدة
menu-agent = التحدث مع موظف

## Shared buttons

choice-skip = تخطي
choice-cancel = إلغاء
choice-yes = نعم
choice-no = لا
choice-menu = القائمة الرئيسية
choice-confirm = إرسال
choice-edit = تعديل

## Cancel, help and small talk

cancelled = حسنًا، تم الإلغاء، ولم يُرسَل أي بلاغ أو طلب.
# $hotline: the customer-service phone number (940)
help =
    هذا ما يمكنني فعله:
    • استقبال بلاغ عن مشكلة في المدينة (النفايات، تسرّب المياه، مخاطر الطرق، سلامة الغذاء وغيرها)
    • إخبارك بحالة بلاغك أو طلبك
    • الإجابة عن أسئلتك حول خدمات الأمانة ومواقع الخدمة
    • تغيير لغة المحادثة
    اكتب «إلغاء» في أي وقت للتوقف، أو «القائمة الرئيسية» للبدء من جديد. وللمشكلات العاجلة في المدينة اتصل على { $hotline } على مدار الساعة.
greet-reply = وعليكم السلام ورحمة الله! كيف يمكنني مساعدتك اليوم؟
thank-reply = العفو! يسعدني أن أساعدك.
goodbye-reply = في أمان الله، وبارك الله في إقامتك. أنا هنا متى احتجت إليّ.
out-of-scope = عذرًا، هذا خارج ما يمكنني المساعدة فيه هنا. هذا ما يمكنني فعله:

## Not understood

please-choose = يُرجى اختيار أحد الخيارات: اضغط على الزر أو أرسل رقمه.
please-use-menu = عذرًا، لا أستطيع قراءة الأسئلة المكتوبة حاليًا. يُرجى الاختيار من القائمة.
clarify = عذرًا، لم أفهم قصدك تمامًا. هل تقصد أحد هذه الخيارات؟
# $hotline: the customer-service phone number (940)
handoff-offer = أعتذر، ما زلت لا أفهم طلبك. يمكنك كتابته بطريقة أخرى أو الاختيار من القائمة، أو الضغط على «التحدث مع موظف» لإحالة محادثتك إلى موظفينا. ويمكنك أيضًا الاتصال على { $hotline } في أي ساعة.
# $hotline: the customer-service phone number (940)
handoff-hotline = المحادثة مع موظف غير متاحة هنا حتى الآن. للتحدث مع أحد موظفينا الآن يُرجى الاتصال على { $hotline }: مركز خدمة العملاء يرد على مدار الساعة بالعربية والإنجليزية والإندونيسية والأردية.
# $hotline: the customer-service phone number (940)
error-service = عذرًا، حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل، أو الاتصال على { $hotline }.

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = يُرجى كتابة إجابتك في رسالة نصية.
# $min: the fewest characters allowed
error-text-too-short =
    الإجابة قصيرة بعض الشيء. يُرجى أن تكتب { $min ->
        [zero] { $min } حرف
        [one] حرفًا واحدًا
        [two] حرفين
        [few] { $min } أحرف
        [many] { $min } حرفًا
       *[other] { $min } حرف
    } على الأقل.
# $max: the most characters allowed
error-text-too-long =
    الإجابة طويلة جدًا. يُرجى ألّا تتجاوز { $max ->
        [zero] { $max } حرف
        [one] حرفًا واحدًا
        [two] حرفين
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }.
error-location-expected = يُرجى مشاركة موقعك على الخريطة، أو كتابة اسم المكان: شارع، أو اسم فندق، أو رقم مخيم في منى.
error-location-too-short = يُرجى توضيح المكان أكثر قليلًا، مثل اسم الشارع أو الفندق.
error-photo-expected = يُرجى إرسال صورة، أو اختيار «تخطي».
error-phone-invalid = يبدو أن هذا ليس رقم هاتف. يُرجى إرسال الأرقام، مثل 0501234567، أو مشاركة جهة اتصالك.
error-yes-no = يُرجى الاختيار: «نعم» أو «لا».

## Checking answers before sending

confirm-edit-which = أيّ جزء تريد تعديله؟
# Shown for any answer left out (the photo, the phone, the office, a date). Every
# label it follows in the summaries is masculine (المرفق، الهاتف، مكان المعاملة…),
# so the fixed form-filling phrase «لا يوجد» agrees with all of them.
summary-skipped = لا يوجد
# The value after «المرفق:» in the report summary.
summary-photo-attached = صورة
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = موقع على الخريطة ({ $lat }، { $lon })

## التحية، والبطء في الفهم، والأزرار القديمة

# أي تحية غير السلام («مرحبا»، «هلا»، «صباح الخير»).
greet-reply-hello = أهلًا وسهلًا! كيف يمكنني مساعدتك اليوم؟
# يُقال في منتصف سؤال حين احتاج النص المكتوب إلى خدمة فهم اللغة ولم تردّ في الوقت؛ يليه السؤال.
nlu-slow = أتأخر في فهم الرسائل المكتوبة الآن. يمكنك استخدام الأزرار، أو المحاولة بعد قليل.
# زر من رسالة قديمة لم يعد ممكنًا تنفيذه؛ يليه ما وصلنا إليه.
choice-expired = هذا الزر من رسالة سابقة ولم يعد يعمل. وهذا ما وصلنا إليه الآن:

## النماذج غير المكتملة المحفوظة

choice-resume = متابعة
choice-discard = احذفه
# أول زر في القائمة ما دام هناك نموذج غير مكتمل محفوظ.
draft-button = ↩ أكمل من حيث توقفنا
draft-offer = لم نُكمل ما بدأناه قبل قليل، ولم يُرسَل شيء بعد. هل نتابع؟
draft-resumed = لنُكمل من حيث توقفنا.
draft-discarded = حسنًا، حذفته. لم يُرسَل شيء.
draft-dropped = كانت لديك عدة نماذج غير مكتملة، فحذفت أقدمها. لم يُرسَل منه شيء.
draft-expired = حُذف نموذج غير مكتمل مضى عليه أكثر من أسبوع. لم يُرسَل منه شيء.
# غيّر أحد المشرفين النموذج أثناء تعبئته.
flow-changed = حُدِّث هذا النموذج للتو. احتفظنا بإجاباتك السابقة، فلنُكمل.
flow-gone = النموذج الذي كنت تعبّئه لم يعد متاحًا، ولذلك لم يُرسَل شيء. يُرجى البدء من جديد من القائمة.

## حين تحتمل الرسالة معنيين

# يليه زر لكل من المعنيين.
meant-which = للتأكد فقط: أيّ هذين تقصد؟
choice-new-problem = مشكلة جديدة
# لدى الشخص بلاغات مفتوحة ويتحدث عن مشكلة من جديد.
# $count: عدد بلاغاته المعروضة؛ $ticket_id: أولها
recall-which =
    { $count ->
        [one] هل هذا بخصوص بلاغك { $ticket_id }، أم هي مشكلة جديدة؟
       *[other] هل هذا بخصوص أحد بلاغاتك، أم هي مشكلة جديدة؟
    }
# سأل عن «بلاغي» دون رقم ولديه أكثر من بلاغ.
recall-pick = أيّها تقصد؟ اضغط عليه لتعرف حالته.
recall-another = رقم آخر
# زر لكل بلاغ. $ticket_id؛ $what: نوع المشكلة، أو نوع الطلب
recall-ticket-choice = { $ticket_id } · { $what }
