# إشعارات يرسلها صندوق الصادر لاحقًا عند تغيّر شيء.

## A case's status changed

case-status-changed =
    📣 تحديث بشأن الرقم { $ticket_id }
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
    لمعرفة التفاصيل، أرسل إليّ هذا الرقم.
case-update-new = الحالة: تم الاستلام، وهو بانتظار الفريق المختص.
case-update-assigned = الحالة: لدى الفريق المختص، وقد تولّى أحد موظفيه متابعته.
case-update-in-progress = الحالة: جارٍ العمل عليه. { $category ->
        [waste] فريق النظافة في الطريق إلى الموقع.
        [food_safety] يتابعه مراقبو سلامة الغذاء.
        [water_sewage] فريق المياه والصرف الصحي في الطريق إلى الموقع.
        [road_hazard] فريق صيانة الطرق في الطريق إلى الموقع.
        [street_lighting] فريق صيانة الإنارة يتابعه.
        [animals_pests] فريق مكافحة الحشرات والقوارض في الطريق إلى الموقع.
        [public_toilets] فريق دورات المياه العامة في الطريق إلى الموقع.
        [building_violation] يتابعه مراقبو البناء.
        [street_vendors] يتابعه مراقبو الأسواق.
       *[other] يعمل الفريق عليه الآن.
    }
case-update-resolved = الحالة: تم الحل. { $category ->
        [waste] تم تنظيف الموقع.
        [food_safety] زار المراقبون المكان واتخذوا الإجراء اللازم.
        [water_sewage] تم إصلاح التسرّب أو الانسداد.
        [road_hazard] تم إصلاح الخطر أو تأمين المكان.
        [street_lighting] تم إصلاح الإنارة.
        [animals_pests] تمت معالجة الموقع.
        [public_toilets] تم تنظيف دورات المياه وصيانتها.
        [building_violation] تمت معالجة المخالفة.
        [street_vendors] تعامل المراقبون مع الأمر.
       *[other] أنهى الفريق معالجته.
    }
case-update-closed = الحالة: مغلق. شكرًا لمساعدتك لنا في العناية بمكة المكرمة.
case-update-rejected = الحالة: لم يُقبل. لم نتمكن من متابعة هذا الأمر.
case-update-reopened = الحالة: أُعيد فتحه، وسيراجعه الفريق من جديد.

## Other messages about a case

case-agent-message =
    💬 رسالة من الأمانة بشأن الرقم { $ticket_id }:
    { $message }
case-referral = هذا الأمر من اختصاص جهة أخرى: { $referral }. نرجو التواصل معها مباشرة.

## "Is it fixed?"

case-fix-question = سُجّل الرقم { $ticket_id } على أنه تم حله. هل حُلّت المشكلة فعلًا؟
case-fix-yes = نعم، حُلّت
case-fix-no = لا، ليس بعد
case-fix-thanks-yes = شكرًا لتأكيدك! تم إغلاق الرقم { $ticket_id }.
case-fix-thanks-no = نأسف لأن المشكلة لم تُحل بعد. أعدنا فتح الرقم { $ticket_id } وسيراجعه الفريق من جديد.
case-fix-too-late = الرقم { $ticket_id } لم يعد بانتظار هذه الإجابة. لمعرفة حالته، أرسل إليّ الرقم.
