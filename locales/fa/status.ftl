# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = لطفاً شمارهٔ پیگیری گزارش یا درخواستتان را بفرستید؛ مثلاً: { $example }
# $digits: the seven digits the person sent
status-ticket-mistyped = به نظر می‌رسد یکی از رقم‌های شمارهٔ { $digits } اشتباه تایپ شده است. لطفاً آن را بررسی کنید و دوباره بفرستید.
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = در پیام شما شمارهٔ پیگیری پیدا نکردم. این شماره هفت رقم دارد؛ مثلاً: { $example }
# $ticket_id: the number the person asked about
status-not-found = گزارش یا درخواستی با شمارهٔ { $ticket_id } پیدا نکردم. لطفاً شماره را بررسی کنید، یا به «گزارش‌های من» سر بزنید.

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    شمارهٔ پیگیری: { $ticket_id }
    وضعیت: { $status }
    نوع: { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    }
    تاریخ ثبت: { $created }
    آخرین به‌روزرسانی: { $updated }
    شرح: { $description }
    مکان: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    شمارهٔ پیگیری: { $ticket_id }
    وضعیت: { $status }
    تاریخ ثبت: { $created }
    آخرین به‌روزرسانی: { $updated }
    جزئیات را فقط ثبت‌کننده‌اش می‌تواند ببیند.

## Ticket statuses

case-status-new = دریافت شد
case-status-assigned = به گروه مربوط ارجاع شد
case-status-in-progress = در حال رسیدگی
case-status-reopened = دوباره باز شد
case-status-resolved = حل شد
case-status-closed = بسته شد
case-status-rejected = پذیرفته نشد
case-status-unknown = در حال بررسی

## My tickets

# $count: how many tickets the person has filed
# (In Persian CLDR, 0 is in the "one" category: keep the exact [0] variant.)
status-my-tickets =
    { $count ->
        [0] هنوز هیچ گزارشی ثبت نکرده‌اید.
        [one] یک گزارش دارید. برای دیدن جزئیات روی آن بزنید.
       *[other] { $count } گزارش دارید. برای دیدن جزئیات روی یکی از آن‌ها بزنید.
    }
# One button per ticket. $ticket_id, $category, $status: ready to show;
# $kind: report, home_visit or proxy_service ($request names the last two)
status-ticket-choice =
    { $ticket_id } · { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    } · { $status }

## نوع درخواست‌ها (در خلاصه‌ها و فهرست گزارش‌ها، جایی که گزارش نوع مشکلش را نشان می‌دهد)

case-kind-home-visit = مراجعه به منزل (واجبنا)
case-kind-proxy-service = به نیابت از دیگری (مطمئنون)
