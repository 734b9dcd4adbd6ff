# The web chat page's own few words (the bot's messages come from the other files).
# Buttons stay short: they sit side by side on a phone screen.

# The name of this language, written in this language (shown in the language picker).
webchat-language-name = فارسی
webchat-title = لبیک · خدمات شهرداری مکه
webchat-language = زبان
webchat-choose-language = زبان خود را انتخاب کنید
webchat-message-label = پیام
webchat-placeholder = پیامی بنویسید
webchat-send = ارسال
webchat-share-location = ارسال موقعیت من
webchat-photo = عکس
# Shown in the person's own bubble after they shared a location or sent a photo.
webchat-location-shared = موقعیت ارسال شد
webchat-photo-sent = عکس ارسال شد
webchat-sending = در حال ارسال…
webchat-you = شما
webchat-bot = لبیک
webchat-error-location-denied = اجازهٔ دسترسی به موقعیت داده نشد. می‌توانید به‌جای آن نشانی یا مکانی در نزدیکی را بنویسید.
webchat-error-location-unavailable = موقعیت شما پیدا نشد. می‌توانید به‌جای آن نشانی یا مکانی در نزدیکی را بنویسید.
webchat-error-network = پیام ارسال نشد. اتصال خود را بررسی کنید و دوباره تلاش کنید.
webchat-error-server = مشکلی از سمت ما پیش آمد. لطفاً کمی بعد دوباره تلاش کنید.
webchat-error-bad-request = این پیام ارسال نشد. لطفاً دوباره تلاش کنید؛ اگر دکمه کار نکرد، پاسخ خود یا شمارهٔ گزینه را بنویسید.
webchat-error-slow-down = پیام‌ها را خیلی سریع می‌فرستید. لطفاً کمی صبر کنید و دوباره تلاش کنید.
# Shown when the browser runs no JavaScript. $hotline: the 940 number
webchat-noscript = این گفت‌وگو به JavaScript نیاز دارد. لطفاً آن را روشن کنید، یا از طریق واتس‌اپ یا تلگرام به فارسی به ما پیام دهید. تماس تلفنی با { $hotline } هم ممکن است (به عربی، انگلیسی، اندونزیایی یا اردو).
