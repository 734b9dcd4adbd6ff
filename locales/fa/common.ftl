# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.
# The 940 line answers in Arabic, English, Indonesian and Urdu, not Persian (the
# municipality's own article): never let a message imply it speaks Persian; say
# what a Persian speaker can do instead (this chat, in Persian; a call with help).

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    السلام علیکم، به لبیک خوش آمدید 🌿
    من دستیار هوشمند شهرداری هستم. می‌توانم گزارش شما را دربارهٔ یک مشکل ثبت کنم، وضعیت گزارشتان را بگویم، به پرسش‌هایتان دربارهٔ خدمات شهرداری پاسخ دهم، یا گفت‌وگویتان را به کارشناسان ما بسپارم.
menu-prompt = چطور می‌توانم کمکتان کنم؟ یکی از گزینه‌ها را بزنید، یا سؤالتان را بنویسید.
menu-anything-else = کار دیگری هست که بتوانم برایتان انجام دهم؟

menu-report = گزارش مشکل
menu-status = پیگیری گزارش
menu-my-tickets = گزارش‌های من
menu-language = زبان
menu-help = راهنما
menu-agent = گفت‌وگو با کارشناس

## Shared buttons

choice-skip = رد شدن
choice-cancel = لغو
choice-yes = بله
choice-no = خیر
choice-menu = منوی اصلی
choice-confirm = ارسال
choice-edit = ویرایش

## Cancel, help and small talk

cancelled = بسیار خب، لغو شد؛ هیچ گزارش یا درخواستی ارسال نشد.
# $hotline: the customer-service phone number (940)
help =
    کارهایی که از من برمی‌آید:
    • ثبت گزارش دربارهٔ مشکلی در شهر (زباله، نشت آب، خطر در خیابان، بهداشت مواد غذایی و موارد دیگر)
    • اعلام وضعیت گزارش یا درخواست شما
    • پاسخ به پرسش‌ها دربارهٔ خدمات شهرداری و محل‌های خدمت
    • تغییر زبان گفت‌وگو
    هر وقت خواستید، برای توقف «لغو» و برای شروع دوباره «منوی اصلی» را بنویسید. برای مشکلات فوری شهری با { $hotline } تماس بگیرید (شبانه‌روزی، به عربی، انگلیسی، اندونزیایی یا اردو).
greet-reply = و علیکم السلام! امروز چطور می‌توانم کمکتان کنم؟
thank-reply = خواهش می‌کنم! خوشحالم که توانستم کمک کنم.
goodbye-reply = مراقب خودتان باشید، ان‌شاءالله اقامتتان پربرکت باشد. هر وقت نیاز داشتید، من اینجا هستم.
out-of-scope = متأسفم، این موضوع خارج از کارهایی است که اینجا از من برمی‌آید. کارهایی که می‌توانم انجام دهم:

## Not understood

please-choose = لطفاً یکی از گزینه‌ها را انتخاب کنید: دکمه را بزنید یا شماره‌اش را بفرستید.
please-use-menu = متأسفم، در حال حاضر نمی‌توانم سؤال‌های نوشتاری را بخوانم. لطفاً از منو انتخاب کنید.
clarify = ببخشید، درست متوجه نشدم. منظورتان یکی از این‌هاست؟
# $hotline: the customer-service phone number (940)
handoff-offer = متأسفم، هنوز متوجه نشدم. می‌توانید پیامتان را به شکل دیگری بنویسید، از منو انتخاب کنید، یا «گفت‌وگو با کارشناس» را بزنید تا گفت‌وگویتان به کارشناسان ما سپرده شود. مرکز خدمات مشتریان ({ $hotline }) هم شبانه‌روزی پاسخ می‌دهد، ولی به عربی، انگلیسی، اندونزیایی و اردو، نه به فارسی.
# $hotline: the customer-service phone number (940)
handoff-hotline = فعلاً گفت‌وگو با کارشناس در همین‌جا ممکن نیست. مرکز خدمات مشتریان ({ $hotline }) شبانه‌روزی پاسخ می‌دهد، ولی به عربی، انگلیسی، اندونزیایی و اردو، نه به فارسی؛ اگر کسی همراه شماست که یکی از این زبان‌ها را می‌داند، می‌تواند برایتان تماس بگیرد. گزارش مشکل را هم می‌توانید همین‌جا به فارسی ثبت کنید و با شمارهٔ پیگیری دنبال کنید.
# $hotline: the customer-service phone number (940)
error-service = متأسفیم، مشکلی از سمت ما پیش آمد. لطفاً کمی بعد دوباره امتحان کنید، یا با { $hotline } تماس بگیرید (به عربی، انگلیسی، اندونزیایی یا اردو).

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = لطفاً پاسختان را به‌صورت پیام متنی بنویسید.
# $min: the fewest characters allowed
# (Persian nouns stay singular after a number: no plural selector needed.)
error-text-too-short = پاسخ کمی کوتاه است. لطفاً دست‌کم { $min } حرف بنویسید.
# $max: the most characters allowed
error-text-too-long = پاسخ خیلی طولانی است. لطفاً حداکثر { $max } حرف بنویسید.
error-location-expected = لطفاً موقعیت مکانی‌تان را روی نقشه بفرستید، یا نام مکان را بنویسید: یک خیابان، نام هتل یا شمارهٔ خیمه در منا.
error-location-too-short = لطفاً کمی بیشتر دربارهٔ مکان بگویید، مثلاً نام خیابان یا هتل.
error-photo-expected = لطفاً یک عکس بفرستید، یا «رد شدن» را انتخاب کنید.
error-phone-invalid = به نظر نمی‌رسد این شمارهٔ تلفن باشد. لطفاً ارقام را بفرستید، مثلاً 0501234567، یا مخاطب خود را به اشتراک بگذارید.
error-yes-no = لطفاً با «بله» یا «خیر» پاسخ دهید.

## Checking answers before sending

confirm-edit-which = کدام بخش را می‌خواهید تغییر دهید؟
summary-skipped = ندارد
# The value after «عکس:» in the report summary.
summary-photo-attached = پیوست شده
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = موقعیت روی نقشه ({ $lat }، { $lon })
