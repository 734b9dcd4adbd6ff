# The web chat page's own few words (the bot's messages come from the other files).
# Buttons stay short: they sit side by side on a phone screen.

# The name of this language, written in this language (shown in the language picker).
webchat-language-name = العربية
webchat-title = لبيك · خدمة عملاء الأمانة 940
webchat-language = اللغة
webchat-choose-language = اختر لغتك
webchat-message-label = الرسالة
webchat-placeholder = اكتب رسالتك
webchat-send = إرسال
webchat-share-location = مشاركة موقعي
webchat-photo = صورة
# Shown in the person's own bubble after they shared a location or sent a photo.
webchat-location-shared = تمت مشاركة الموقع
webchat-photo-sent = تم إرسال الصورة
webchat-sending = جارٍ الإرسال…
webchat-you = أنت
webchat-bot = لبيك
webchat-error-location-denied = لم يُسمح بالوصول إلى موقعك. يمكنك كتابة العنوان أو معلمٍ قريب بدلًا من ذلك.
webchat-error-location-unavailable = تعذّر تحديد موقعك. يمكنك كتابة العنوان أو معلمٍ قريب بدلًا من ذلك.
webchat-error-network = تعذّر إرسال الرسالة. تحقّق من اتصالك وحاول مرة أخرى.
webchat-error-server = حدث خطأ من جهتنا. يُرجى المحاولة بعد قليل.
webchat-error-bad-request = تعذّر إرسال هذه الرسالة. يُرجى المحاولة مرة أخرى، وإن لم يعمل الزر فاكتب إجابتك أو رقم الخيار بدلًا منه.
webchat-error-slow-down = أنت ترسل الرسائل بسرعة كبيرة. يُرجى الانتظار لحظة ثم المحاولة مرة أخرى.
# Shown when the browser runs no JavaScript. $hotline: the 940 number
webchat-noscript = تحتاج هذه المحادثة إلى JavaScript. يُرجى تفعيله، أو مراسلتنا عبر واتساب أو تيليجرام، أو الاتصال على { $hotline }.
