# Messages about what a person sent, whatever the channel.

# A sticker, voice note, poll, video or anything else we cannot read.
unsupported-message = متأسفم، من فقط می‌توانم متن، موقعیت مکانی و عکس را بخوانم. لطفاً پیامتان را بنویسید، موقعیت مکانی بفرستید یا یک عکس ارسال کنید.
# $megabytes: the largest photo we accept, in megabytes
media-too-large = این عکس خیلی بزرگ است. لطفاً عکسی کوچک‌تر از { $megabytes } مگابایت بفرستید.
media-wrong-type = فقط می‌توانم عکس (JPEG، PNG یا WebP) دریافت کنم. لطفاً تصویر را به‌صورت عکس بفرستید، نه فایل.
media-unreadable = نتوانستم این عکس را دریافت کنم. لطفاً دوباره بفرستید.
# Said when free text needs the language service and it is not answering.
nlu-unavailable = در حال حاضر نمی‌توانم سؤال‌های نوشتاری را بخوانم، اما دکمه‌ها کار می‌کنند. لطفاً از منو انتخاب کنید.
