# Canned replies: common answers an agent sends in a live chat (bot/handoff/canned.py).
# The id after "canned-" is the shortcut agents type; agents see the reply's name in
# the desk languages (ar, en). Only { $agent } and { $hotline } may be used.
# The 940 line does not answer in Persian: say so wherever it is given.

canned-greeting = سلام علیکم، { $agent } هستم از خدمات مشتریان شهرداری. چطور می‌توانم کمکتان کنم؟
canned-moment = لطفاً چند لحظه صبر کنید، دارم موضوع را برایتان بررسی می‌کنم.
canned-location = ممکن است موقعیتتان را (با سنجاق روی نقشه) بفرستید، یا نزدیک‌ترین نشانی، خیابان یا هتل را بگویید؟
canned-photo = ممکن است عکسی از مشکل بفرستید؟ عکس به گروه میدانی ما کمک می‌کند مشکل را پیدا و برطرف کند.
canned-forwarded = ممنون. موضوع را به گروه مسئول سپردم و هر خبری شد، همین‌جا برایتان پیام می‌آید.
canned-hotline = برای این کار لطفاً با { $hotline } تماس بگیرید. مرکز خدمات مشتریان شبانه‌روزی پاسخ می‌دهد، ولی به عربی، انگلیسی، اندونزیایی و اردو، نه به فارسی.
canned-anything-else = کار دیگری هست که بتوانم برایتان انجام دهم؟
canned-goodbye = از اینکه با شهرداری در تماس بودید سپاسگزاریم. روزتان به خیر و برکت.
