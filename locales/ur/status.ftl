# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = براہِ کرم اپنا شکایت یا درخواست نمبر بھیجیں۔ یہ اس طرح کا ہوتا ہے: { $example }
# $digits: the seven digits the person sent
status-ticket-mistyped = لگتا ہے نمبر { $digits } کا کوئی ہندسہ غلط لکھا گیا ہے۔ براہِ کرم اسے چیک کر کے دوبارہ بھیجیں۔
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = مجھے اس پیغام میں کوئی شکایت یا درخواست نمبر نہیں ملا۔ اس نمبر میں سات ہندسے ہوتے ہیں اور یہ اس طرح کا ہوتا ہے: { $example }
# $ticket_id: the number the person asked about
status-not-found = مجھے نمبر { $ticket_id } کی کوئی شکایت یا درخواست نہیں ملی۔ براہِ کرم نمبر چیک کریں، یا ”میری شکایات“ دیکھیں۔

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    نمبر: { $ticket_id }
    صورتِ حال: { $status }
    قسم: { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    }
    تاریخِ اندراج: { $created }
    آخری اپ ڈیٹ: { $updated }
    تفصیل: { $description }
    جگہ: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    نمبر: { $ticket_id }
    صورتِ حال: { $status }
    تاریخِ اندراج: { $created }
    آخری اپ ڈیٹ: { $updated }
    تفصیلات صرف وہی دیکھ سکتا ہے جس نے یہ درج کرائی ہو۔

## Ticket statuses

case-status-new = موصول ہو گئی
case-status-assigned = ٹیم کے پاس ہے
case-status-in-progress = کام جاری ہے
case-status-reopened = دوبارہ کھول دی گئی
case-status-resolved = حل ہو گئی
case-status-closed = بند کر دی گئی
case-status-rejected = قبول نہیں کی گئی
case-status-unknown = کارروائی جاری ہے

## My tickets

# $count: how many tickets the person has filed
status-my-tickets =
    { $count ->
        [0] آپ نے ابھی تک کوئی شکایت درج نہیں کی۔
        [one] آپ کی ایک شکایت درج ہے۔ تفصیلات دیکھنے کے لیے اسے دبائیں۔
       *[other] آپ کی { $count } شکایات درج ہیں۔ تفصیلات دیکھنے کے لیے کسی ایک کو دبائیں۔
    }
# One button per ticket. $ticket_id, $category, $status: ready to show;
# $kind: report, home_visit or proxy_service ($request names the last two)
status-ticket-choice =
    { $ticket_id } · { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    } · { $status }

## درخواستوں کی قسمیں (خلاصوں اور ٹکٹوں کی فہرست میں، جہاں شکایت کے ساتھ اس کی قسم آتی ہے)

case-kind-home-visit = گھر پر خدمت (واجبنا)
case-kind-proxy-service = کسی کی طرف سے کام (مطمئنون)
