# The web chat page's own few words (the bot's messages come from the other files).
# Buttons stay short: they sit side by side on a phone screen.

# The name of this language, written in this language (shown in the language picker).
webchat-language-name = اردو
webchat-title = لبیک · بلدیہ کسٹمر سروس 940
webchat-language = زبان
webchat-choose-language = اپنی زبان منتخب کریں
webchat-message-label = پیغام
webchat-placeholder = پیغام لکھیں
webchat-send = بھیجیں
webchat-share-location = اپنی لوکیشن بھیجیں
webchat-photo = تصویر
# Shown in the person's own bubble after they shared a location or sent a photo.
webchat-location-shared = لوکیشن بھیج دی گئی
webchat-photo-sent = تصویر بھیج دی گئی
webchat-sending = بھیجا جا رہا ہے…
webchat-you = آپ
webchat-bot = لبیک
webchat-error-location-denied = لوکیشن تک رسائی کی اجازت نہیں ملی۔ آپ اس کے بجائے پتہ یا قریب کی کوئی مشہور جگہ لکھ سکتے ہیں۔
webchat-error-location-unavailable = آپ کی لوکیشن معلوم نہیں ہو سکی۔ آپ اس کے بجائے پتہ یا قریب کی کوئی مشہور جگہ لکھ سکتے ہیں۔
webchat-error-network = پیغام نہیں بھیجا جا سکا۔ اپنا کنکشن چیک کریں اور دوبارہ کوشش کریں۔
webchat-error-server = ہماری طرف کوئی خرابی ہو گئی ہے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
webchat-error-bad-request = یہ پیغام نہیں بھیجا جا سکا۔ براہِ کرم دوبارہ کوشش کریں؛ اگر بٹن کام نہ کرے تو اپنا جواب یا آپشن کا نمبر لکھ کر بھیجیں۔
webchat-error-slow-down = آپ بہت تیزی سے پیغامات بھیج رہے ہیں۔ براہِ کرم تھوڑا انتظار کریں اور پھر کوشش کریں۔
# Shown when the browser runs no JavaScript. $hotline: the 940 number
webchat-noscript = اس چیٹ کے لیے JavaScript ضروری ہے۔ براہِ کرم اسے آن کریں، ہمیں واٹس ایپ یا ٹیلیگرام پر پیغام بھیجیں، یا { $hotline } پر کال کریں۔
