# خدمات شهرداری: واجبنا، مطمئنون، غرفه‌های اطلاله و خودروهای حاضرین،
# «در کدام شهرداری منطقه هستم؟» و نکتهٔ آگاهی‌بخش روزانه.

## منو

menu-services = خدمات شهرداری
menu-consultant = پرسش از مشاور
services-intro =
    شهرداری افزون بر گزارش‌ها این خدمات را هم دارد:
    • رفتن به خانهٔ سالمندان و افراد دارای نیازهای ویژه (واجبنا)
    • انجام کارهای اداری به نیابت از زندانی یا کسی که خارج از کشور است (مطمئنون)
    • غرفه‌های اطلاله در مساجد بزرگ و خودروهای حاضرین در پارک‌ها
    به چه نیاز دارید؟
services-wajibna = مراجعه به منزل (واجبنا)
services-mutmainnun = به نیابت از دیگری
services-points = نزدیک‌ترین محل خدمت
services-locate = شهرداری منطقهٔ من
services-consultant = پرسش از مشاور
services-tips = نکته‌های آگاهی‌بخش
services-try-again = دوباره امتحان کنید
kb-other-topics = موضوعات دیگر
kb-text = { $text }
kb-ask-entry = کدام پرسش؟ از منوی مشاور یک موضوع انتخاب کنید.
kb-ask-helpful = آیا این پاسخ کمکتان کرد؟

## در کدام شهرداری منطقه هستم؟

services-locate-ask = موقعیت خود را بفرستید 📍، یا نام محله را بنویسید (مثلاً عزیزیه، مسفله یا منا).
services-locate-found =
    { $how ->
        [name] 📍 { $place } در محدودهٔ شهرداری منطقهٔ { $sub } است.
        [sub] 📍 شهرداری منطقهٔ { $sub }.
       *[pin] 📍 شما در محدودهٔ شهرداری منطقهٔ { $sub } هستید.
    }
    محل‌های خدمت نزدیک — برای دیدن ساعت‌ها روی یکی بزنید:
services-locate-not-found = ببخشید، نتوانستم این مکان را در شهرداری‌های مناطق مکه پیدا کنم. نام محله را بنویسید یا موقعیت خود را بفرستید. مستشارک الامین هم با شمارهٔ { $phone } راهنمایی می‌کند، هرچند این خط ممکن است به فارسی پاسخ ندهد.
services-point-button = { $name } ({ $service })

## نزدیک‌ترین محل خدمت

services-points-ask = کجا هستید؟ موقعیت خود را بفرستید 📍، یا نام محله را بنویسید.
services-points-unknown-place = ببخشید، این مکان پیدا نشد. موقعیت خود را بفرستید یا نام محله را بنویسید.
# $distance: a number of km, formatted by NUMBER(); the times by DATETIME() (see en/services.ftl).
services-points-open =
    ✅ الان باز است: { $name } ({ $service })، در فاصلهٔ { NUMBER($distance, maximumFractionDigits: 1) } کیلومتری — تا ساعت { DATETIME($closes, timeStyle: "short") }.
    { $itlala_today ->
        [true] امروز، { $today }: غرفه‌های اطلاله از { DATETIME($itlala_opens, timeStyle: "short") } تا { DATETIME($itlala_closes, timeStyle: "short") } باز هستند.
       *[other] امروز، { $today }، هیچ غرفهٔ اطلاله‌ای باز نیست.
    }
    محل‌های دیگر:
services-points-none-open =
    الان هیچ محل خدمتی در نزدیکی شما باز نیست. نزدیک‌ترین: { $name } ({ $service })، { NUMBER($distance, maximumFractionDigits: 1) } کیلومتر — { $day } ساعت { DATETIME($opens, timeStyle: "short") } باز می‌شود.
    { $itlala_today ->
        [true] امروز، { $today }: غرفه‌های اطلاله از { DATETIME($itlala_opens, timeStyle: "short") } تا { DATETIME($itlala_closes, timeStyle: "short") } باز هستند.
       *[other] امروز، { $today }، هیچ غرفهٔ اطلاله‌ای باز نیست.
    }
    محل‌های دیگر:
# مسجدی که کاربر نام برده غرفهٔ اطلالهٔ خودش را ندارد. $place: آن مسجد؛
# $name، $distance (کیلومتر، عدد)، $open_now، $opens، $closes، $day: مال نزدیک‌ترین غرفه
services-points-mosque =
    🕌 { $place } غرفهٔ اطلالهٔ مخصوص به خود ندارد. نزدیک‌ترین غرفه { $name } است، در فاصلهٔ { NUMBER($distance, maximumFractionDigits: 1) } کیلومتری.
    { $open_now ->
        [true] ✅ الان باز است، تا { DATETIME($closes, timeStyle: "short") }.
       *[other] بازگشایی بعدی: { $day }، از { DATETIME($opens, timeStyle: "short") } تا { DATETIME($closes, timeStyle: "short") }.
    }
    غرفه‌های اطلاله هر روز از یک ساعت پیش از نماز مغرب تا یک ساعت پس از نماز عشا باز هستند.
    غرفه‌های دیگر:
# عنوان دکمه (تلگرام) یا پیوند (گفت‌وگوی وب) که نقشه را باز می‌کند.
services-map = 🗺️ باز کردن نقشه
services-points-none = در روزهای آینده هیچ غرفهٔ اطلاله یا خودروی حاضرین برنامه‌ریزی نشده است. غرفه‌های اطلاله وقتی فعال‌اند، از یک ساعت پیش از مغرب تا یک ساعت پس از عشا باز هستند (امروز، { $today }: از { DATETIME($itlala_opens, timeStyle: "short") } تا { DATETIME($itlala_closes, timeStyle: "short") }). برای راهنمایی می‌توانید با 940 تماس بگیرید (به عربی، انگلیسی، اندونزیایی یا اردو).
services-point-itlala =
    🕌 { $name } — غرفهٔ اطلاله
    استعلام، شکایت و گزارش، چاپ مجوز.
    هر روز از یک ساعت پیش از نماز مغرب تا یک ساعت پس از نماز عشا باز است.
    { $open_now ->
        [true] ✅ الان باز است، تا { DATETIME($closes, timeStyle: "short") }.
       *[other] بازگشایی بعدی: { $day }، از { DATETIME($opens, timeStyle: "short") } تا { DATETIME($closes, timeStyle: "short") }.
    }
services-point-hadirin =
    🚐 { $name } — خودروی حاضرین
    چاپ استعلام، ارجاع‌ها، فعالیت‌های تجاری، گزارش و شکایت، پروانهٔ ساخت.
    { $open_now ->
        [true] ✅ الان اینجاست، تا { DATETIME($closes, timeStyle: "short") }.
       *[other] حضور بعدی: { $day }، از { DATETIME($opens, timeStyle: "short") } تا { DATETIME($closes, timeStyle: "short") }.
    }

## درخواست‌ها: پرسش‌ها و پاسخ‌های مشترک

request-ask-service = به چه خدمتی نیاز دارید؟
request-service-licence = مجوز
request-service-building-permit = پروانهٔ ساخت
request-service-deed = سند یا زمین
request-service-commercial = مجوز مغازه
request-service-complaint = شکایت یا گزارش
request-service-inquiry = استعلام
request-service-other = خدمت دیگر
request-ask-details = کوتاه بنویسید چه لازم دارید (مثلاً شمارهٔ مجوز یا مشکل).
request-ask-when = چه زمانی برای تماس همکار ما مناسب است؟
when-morning = صبح (8 تا 12)
when-afternoon = بعدازظهر (12 تا 4)
when-evening = عصر و شب (4 تا 9)
when-any = هر زمان
request-ask-phone = همکار ما با چه شماره‌ای تماس بگیرد؟ شمارهٔ هر کشوری قابل قبول است — یا مخاطب خود را بفرستید.
relationship-self = خودم
relationship-parent = پدر یا مادرم
relationship-spouse = همسرم
relationship-child = پسر یا دخترم
relationship-relative = خویشاوند دیگر
relationship-other = شخص دیگر

request-field-relationship = برای چه کسی
request-field-name = نام
request-field-need = وضعیت
request-field-situation = وضعیت
request-field-service = خدمت
request-field-details = جزئیات
request-field-location = مکان
request-field-office = اداره
request-field-when = زمان مناسب
request-field-phone = شمارهٔ تلفن

## واجبنا: مراجعه به منزل

wajibna-ask-relationship = واجبنا: کارمند شهرداری به خانه یا اقامتگاه سالمند یا فرد دارای نیازهای ویژه می‌رود و کارش را همان‌جا انجام می‌دهد. این مراجعه برای چه کسی است؟
wajibna-ask-name = نام کسی که به دیدنش می‌رویم چیست؟
wajibna-ask-need = کدام گزینه وضعیت او را بهتر توصیف می‌کند؟
need-elderly = سالمند
need-disability = نیازهای ویژه یا معلولیت
need-illness = بیمار، نمی‌تواند بیرون برود
wajibna-ask-location = کجا بیاییم؟ موقعیت را بفرستید 📍، یا نشانی، نام هتل یا اقامتگاه را بنویسید.
wajibna-summary =
    لطفاً درخواست مراجعه را بررسی کنید:
    • برای: { $relationship } — { $name }
    • وضعیت: { $need }
    • خدمت: { $service }
    • جزئیات: { $details }
    • مکان: { $location }
    • زمان مناسب: { $when }
    • تلفن: { $phone }
wajibna-filed =
    ✅ درخواست مراجعه به منزل ثبت شد. شمارهٔ پیگیری: { $ticket_id }
    گروه واجبنا برای هماهنگی زمان مراجعه با شما تماس می‌گیرد. هر وقت خواستید، با فرستادن شمارهٔ پیگیری وضعیت را ببینید.

## مطمئنون: کارهای اداری به نیابت از دیگری

mutmainnun-ask-situation = مطمئنون: کارمند شهرداری کارهای اداری را به نیابت از زندانی‌ای که نان‌آور خانواده است، یا کسی که برای تحصیل یا درمان خارج از کشور است، انجام می‌دهد. کدام مورد است؟
situation-prison = در زندان
situation-abroad-study = خارج از کشور برای تحصیل
situation-abroad-treatment = خارج از کشور برای درمان
mutmainnun-ask-name = نام کامل کسی که کار به نیابت از او انجام می‌شود چیست؟
mutmainnun-ask-relationship = و شما چه نسبتی با او دارید؟
mutmainnun-ask-office = اگر می‌دانید، این کار در کدام شهرداری منطقه یا اداره است؟ بنویسید، یا «رد شدن» را بزنید.
mutmainnun-ask-when = چه زمانی برای تماس همکار ما مناسب است؟
mutmainnun-ask-phone = همکار ما با چه شماره‌ای تماس بگیرد؟ شمارهٔ خارج از کشور با کد کشور قابل قبول است — یا مخاطب خود را بفرستید.
mutmainnun-summary =
    لطفاً درخواست را بررسی کنید:
    • وضعیت: { $situation }
    • به نیابت از: { $name }
    • نسبت شما: { $relationship }
    • خدمت: { $service }
    • جزئیات: { $details }
    • اداره: { $office }
    • زمان مناسب: { $when }
    • تلفن: { $phone }
mutmainnun-filed =
    ✅ درخواست شما ثبت شد. شمارهٔ پیگیری: { $ticket_id }
    یکی از کارمندان ادارهٔ کل خدمات مشتریان با شما تماس می‌گیرد، مدارک لازم را می‌گوید و سپس کار را به نیابت از او پیگیری می‌کند. هر وقت خواستید، شمارهٔ پیگیری را بفرستید تا وضعیت را ببینید.

## درخواست‌هایی که نگه داشته شد تا کاربر کار دیگری بکند

request-draft-button = ↩ ادامهٔ درخواستم
wajibna-draft-offer = درخواست مراجعه به منزل (واجبنا) شما هنوز ارسال نشده است. ادامه‌اش بدهیم؟
mutmainnun-draft-offer = درخواست «مطمئنون» شما هنوز ارسال نشده است. ادامه‌اش بدهیم؟
# بعد از «اداره:» در خلاصهٔ «مطمئنون»، وقتی کاربر از آن گذشته است.
request-office-none = نامشخص
