# Live chat with our staff (bot/handoff/, docs/handoff.md). Be honest: a person is
# promised only when someone is on duty; otherwise say what happens to the message.
# ”منسوخ کریں“ is the choice-cancel button shown under these messages.

# $position: the chat's place in the queue (1 = next); $minutes: the expected wait
handoff-queued =
    میں نے آپ کی چیٹ ہمارے نمائندوں کو بھیج دی ہے۔ قطار میں آپ کا نمبر { $position } ہے، اور انتظار تقریباً { $minutes ->
        [one] ایک منٹ
       *[other] { $minutes } منٹ
    } کا ہے۔
    اس دوران اپنا سوال یہیں لکھ دیں: ہمارا نمائندہ اسے پڑھ کر اسی چیٹ میں آپ کو جواب دے گا۔ اسسٹنٹ پر واپس جانے کے لیے ”منسوخ کریں“ دبائیں۔
# $opens: when chats open again (HH:MM, Makkah time); $when: today, tomorrow or later;
# $weekday: the day's name (for later); $hotline: the customer-service phone number (940)
handoff-closed =
    اس وقت ہمارے نمائندے چیٹ پر دستیاب نہیں۔ اپنا سوال یہیں لکھ دیں: آپ کا پیغام محفوظ رہے گا، اور جب چیٹ { $when ->
        [today] آج { $opens } بجے
        [tomorrow] کل { $opens } بجے
       *[later] { $weekday } کو { $opens } بجے
    } (مکہ کے وقت کے مطابق) دوبارہ کھلے گی تو ہمارا نمائندہ اسی چیٹ میں آپ کو جواب دے گا۔
    کسی فوری معاملے کے لیے { $hotline } پر کال کریں، جہاں چوبیس گھنٹے جواب دیا جاتا ہے۔ اسسٹنٹ پر واپس جانے کے لیے ”منسوخ کریں“ دبائیں۔
# $hotline: the customer-service phone number (940)
handoff-nobody =
    اس وقت ہمارا کوئی نمائندہ چیٹ کے لیے فارغ نہیں۔ اپنا سوال یہیں لکھ دیں: آپ کا پیغام محفوظ رہے گا، اور جیسے ہی کوئی نمائندہ فارغ ہوگا، اسی چیٹ میں آپ کو جواب دے گا۔
    کسی فوری معاملے کے لیے { $hotline } پر کال کریں، جہاں چوبیس گھنٹے جواب دیا جاتا ہے۔ اسسٹنٹ پر واپس جانے کے لیے ”منسوخ کریں“ دبائیں۔
# $agent: the staff member's name
handoff-joined = بلدیہ کے نمائندے { $agent } چیٹ میں شامل ہو گئے ہیں۔
# $agent: the staff member's name; $ticket: the ticket number the chat is about
handoff-joined-case = بلدیہ کے نمائندے { $agent } آپ کی شکایت نمبر { $ticket } کے بارے میں چیٹ میں شامل ہو گئے ہیں۔
handoff-transferred = آپ کی چیٹ ہمارے نمائندوں کی ایک دوسری ٹیم کو بھیج دی گئی ہے۔ براہِ کرم یہیں رہیں: اس ٹیم کا کوئی نمائندہ جلد از جلد اسی چیٹ میں آپ کو جواب دے گا۔
handoff-left-queue = نمائندے سے بات کرنے کی درخواست منسوخ کر دی گئی ہے۔ اسسٹنٹ دوبارہ آپ کی خدمت میں حاضر ہے۔
# $hotline: the customer-service phone number (940)
handoff-abandoned =
    معذرت، ہمارا کوئی نمائندہ بروقت آپ کو جواب نہیں دے سکا، اس لیے اسسٹنٹ دوبارہ آپ کی خدمت میں حاضر ہے۔ آپ کے پیغامات محفوظ ہیں، اور ہو سکتا ہے ہمارا نمائندہ بعد میں یہیں آپ کو جواب دے۔
    کسی فوری معاملے کے لیے { $hotline } پر کال کریں۔
handoff-ask-rating = ہمارے نمائندے کے ساتھ آپ کی چیٹ ختم ہو گئی ہے، اور اسسٹنٹ دوبارہ آپ کی خدمت میں حاضر ہے۔ آپ کا تجربہ کیسا رہا؟
rating-5 = 😀 بہت اچھا
rating-4 = 🙂 اچھا
rating-3 = 😐 ٹھیک
rating-2 = 🙁 برا
rating-1 = 😞 بہت برا
handoff-rating-thanks = اپنی رائے دینے کا شکریہ۔

## Days of the week (in "ہفتہ کو 08:00 بجے")

weekday-sat = ہفتہ
weekday-sun = اتوار
weekday-mon = پیر
weekday-tue = منگل
weekday-wed = بدھ
weekday-thu = جمعرات
weekday-fri = جمعہ
