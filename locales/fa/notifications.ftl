# اعلان‌هایی که بعداً، وقتی چیزی تغییر کند، فرستاده می‌شوند.

## A case's status changed

case-status-changed =
    📣 خبر تازه دربارهٔ شمارهٔ پیگیری { $ticket_id }
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
    برای دیدن جزئیات، همین شماره را برایم بفرستید.
case-update-new = وضعیت: دریافت شد و در انتظار گروه مربوط است.
case-update-assigned = وضعیت: به گروه مربوط ارجاع شد و یکی از کارکنان گروه پیگیری آن را بر عهده گرفته است.
case-update-in-progress = وضعیت: در حال رسیدگی. { $category ->
        [waste] گروه نظافت در راه محل است.
        [food_safety] بازرسان بهداشت مواد غذایی آن را پیگیری می‌کنند.
        [water_sewage] گروه آب و فاضلاب در راه محل است.
        [road_hazard] گروه تعمیر راه در راه محل است.
        [street_lighting] گروه روشنایی معابر آن را پیگیری می‌کند.
        [animals_pests] گروه مبارزه با حشرات و جوندگان در راه محل است.
        [public_toilets] گروه سرویس‌های بهداشتی عمومی در راه محل است.
        [building_violation] بازرسان ساختمان آن را پیگیری می‌کنند.
        [street_vendors] بازرسان بازار آن را پیگیری می‌کنند.
       *[other] گروه هم‌اکنون روی آن کار می‌کند.
    }
case-update-resolved = وضعیت: حل شد. { $category ->
        [waste] محل تمیز شد.
        [food_safety] بازرسان از محل بازدید کردند و اقدام لازم را انجام دادند.
        [water_sewage] نشتی یا گرفتگی برطرف شد.
        [road_hazard] خطر برطرف شد یا محل ایمن شد.
        [street_lighting] چراغ تعمیر شد.
        [animals_pests] محل سم‌پاشی شد.
        [public_toilets] سرویس‌های بهداشتی نظافت و تعمیر شد.
        [building_violation] به تخلف رسیدگی شد.
        [street_vendors] بازرسان به موضوع رسیدگی کردند.
       *[other] گروه به آن رسیدگی کرد.
    }
case-update-closed = وضعیت: بسته شد. سپاس که در نگهداری از مکه به ما کمک می‌کنید.
case-update-rejected = وضعیت: پذیرفته نشد. نتوانستیم آن را پیگیری کنیم.
case-update-reopened = وضعیت: دوباره باز شد و گروه دوباره آن را بررسی می‌کند.

## Other messages about a case

case-agent-message =
    💬 پیام شهرداری دربارهٔ شمارهٔ پیگیری { $ticket_id }:
    { $message }
case-referral = رسیدگی به این موضوع با نهاد دیگری است: { $referral }. لطفاً مستقیماً با آن تماس بگیرید.

## "Is it fixed?"

case-fix-question = شمارهٔ پیگیری { $ticket_id } «حل‌شده» ثبت شده است. آیا مشکل واقعاً برطرف شده است؟
case-fix-yes = بله، برطرف شد
case-fix-no = نه، هنوز نه
case-fix-thanks-yes = از تأیید شما سپاسگزاریم! شمارهٔ پیگیری { $ticket_id } بسته شد.
case-fix-thanks-no = متأسفیم که مشکل هنوز برطرف نشده است. شمارهٔ پیگیری { $ticket_id } را دوباره باز کردیم و گروه دوباره آن را بررسی می‌کند.
case-fix-too-late = شمارهٔ پیگیری { $ticket_id } دیگر در انتظار این پاسخ نیست. برای دانستن وضعیت آن، همین شماره را برایم بفرستید.
