# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = يُرجى إرسال رقم بلاغك، وهو بهذا الشكل: { $example }
# $digits: the seven digits the person sent
status-ticket-mistyped = يبدو أن الرقم { $digits } مكتوب بشكل خاطئ، فأحد أرقامه غير صحيح على ما يبدو. يُرجى التحقق منه وإرساله مرة أخرى.
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = لم أجد رقم بلاغ في رسالتك. يتكوّن رقم البلاغ من سبعة أرقام، وهو بهذا الشكل: { $example }
# $ticket_id: the number the person asked about
status-not-found = لم أجد البلاغ رقم { $ticket_id }. يُرجى التحقق من الرقم، أو الاطلاع على «بلاغاتي».

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    البلاغ { $ticket_id }
    الحالة: { $status }
    النوع: { $category }
    تاريخ التقديم: { $created }
    آخر تحديث: { $updated }
    الوصف: { $description }
    المكان: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    البلاغ { $ticket_id }
    الحالة: { $status }
    تاريخ التقديم: { $created }
    آخر تحديث: { $updated }
    التفاصيل متاحة لمقدّم البلاغ فقط.

## Ticket statuses

case-status-new = تم الاستلام
case-status-assigned = لدى الفريق المختص
case-status-in-progress = جارٍ العمل عليه
case-status-waiting = بانتظار معلومات
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
# One button per ticket. $ticket_id, $category, $status: ready to show
status-ticket-choice = { $ticket_id } · { $category } · { $status }
