# Messages about what a person sent, whatever the channel.

# A sticker, voice note, poll, video or anything else we cannot read.
unsupported-message = عذرًا، أستطيع قراءة النصوص والمواقع والصور فقط. يُرجى كتابة رسالتك، أو مشاركة موقع، أو إرسال صورة.
# $megabytes: the largest photo we accept, in megabytes
media-too-large = هذه الصورة كبيرة جدًا. يُرجى إرسال صورة حجمها أقل من { $megabytes } ميجابايت.
media-wrong-type = أستقبل الصور فقط (JPEG أو PNG أو WebP). يُرجى إرسالها على هيئة صورة لا ملف.
media-unreadable = لم أتمكن من تنزيل هذه الصورة. يُرجى إرسالها مرة أخرى.
# Said when free text needs the language service and it is not answering.
nlu-unavailable = لا أستطيع قراءة الأسئلة المكتوبة حاليًا، لكن الأزرار تعمل. يُرجى الاختيار من القائمة.
