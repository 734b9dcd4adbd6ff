# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = يُرجى إرسال رقم البلاغ أو الطلب، وهو بهذا الشكل: { $example }
# $digits: the seven digits the person sent
status-ticket-mistyped = يبدو أن في الرقم { $digits } خطأً في أحد أرقامه. يُرجى التحقق منه وإرساله مرة أخرى.
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = لم أجد في رسالتك رقم بلاغ أو طلب. يتكوّن الرقم من سبعة أرقام، وهو بهذا الشكل: { $example }
# $ticket_id: the number the person asked about
status-not-found = لم أجد بلاغًا أو طلبًا بالرقم { $ticket_id }. يُرجى التحقق من الرقم، أو الاطلاع على «بلاغاتي».

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    الرقم: { $ticket_id }
    الحالة: { $status }
    النوع: { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    }
    تاريخ التقديم: { $created }
    آخر تحديث: { $updated }
    الوصف: { $description }
    المكان: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    الرقم: { $ticket_id }
    الحالة: { $status }
    تاريخ التقديم: { $created }
    آخر تحديث: { $updated }
    لا تظهر التفاصيل إلا لمن قدّمه.

## Ticket statuses

case-status-new = تم الاستلام
case-status-assigned = لدى الفريق المختص
case-status-in-progress = جارٍ العمل عليه
case-status-reopened = أُعيد فتحه
case-status-resolved = تم الحل
case-status-closed = مغلق
case-status-rejected = لم يُقبل
case-status-unknown = قيد المعالجة

## My tickets

# $count: how many tickets the person has filed
status-my-tickets =
    { $count ->
        [zero] ليس لديك أي بلاغات حتى الآن.
        [one] لديك بلاغ واحد. اضغط عليه لعرض التفاصيل.
        [two] لديك بلاغان. اضغط على أحدهما لعرض التفاصيل.
        [few] لديك { $count } بلاغات. اضغط على أحدها لعرض التفاصيل.
        [many] لديك { $count } بلاغًا. اضغط على أحدها لعرض التفاصيل.
       *[other] لديك { $count } بلاغ. اضغط على أحدها لعرض التفاصيل.
    }
# One button per ticket. $ticket_id, $category, $status: ready to show;
# $kind: report, home_visit or proxy_service ($request names the last two)
status-ticket-choice =
    { $ticket_id } · { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    } · { $status }

## أنواع الطلبات (في الملخصات وقوائم البلاغات، حيث يظهر للبلاغ نوع مشكلته)

case-kind-home-visit = زيارة منزلية (واجبنا)
case-kind-proxy-service = معاملة نيابة عن غيري (مطمئنون)
