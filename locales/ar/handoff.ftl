# Live chat with our staff (bot/handoff/, docs/handoff.md). Be honest: a person is
# promised only when someone is on duty; otherwise say what happens to the message.
# «إلغاء» is the choice-cancel button shown under these messages.

# $position: the chat's place in the queue (1 = next); $minutes: the expected wait
handoff-queued =
    أحلتُ محادثتك إلى موظفينا. ترتيبك في قائمة الانتظار { $position }، ومدة الانتظار المتوقعة نحو { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    }.
    اكتب سؤالك هنا في أثناء ذلك، وسيقرؤه أحد موظفينا ويرد عليك في هذه المحادثة. للعودة إلى المساعد الآلي اضغط «إلغاء».
# $opens: when chats open again (HH:MM, Makkah time); $when: today, tomorrow or later;
# $weekday: the day's name (for later); $hotline: the customer-service phone number (940)
handoff-closed =
    لا يستقبل موظفونا المحادثات في هذه الساعة. اكتب سؤالك هنا، فرسالتك محفوظة، وسيرد عليك أحد موظفينا في هذه المحادثة عند استئناف المحادثات { $when ->
        [today] اليوم الساعة { $opens }
        [tomorrow] غدًا الساعة { $opens }
       *[later] يوم { $weekday } الساعة { $opens }
    } بتوقيت مكة المكرمة.
    للأمور العاجلة اتصل على { $hotline }، فهو يرد على مدار الساعة. للعودة إلى المساعد الآلي اضغط «إلغاء».
# $hotline: the customer-service phone number (940)
handoff-nobody =
    لا يوجد موظف متاح للمحادثة الآن. اكتب سؤالك هنا، فرسالتك محفوظة، وسيرد عليك أحد موظفينا في هذه المحادثة حالما يتفرغ أحدهم.
    للأمور العاجلة اتصل على { $hotline }، فهو يرد على مدار الساعة. للعودة إلى المساعد الآلي اضغط «إلغاء».
# $agent: the staff member's name
handoff-joined = انضم { $agent } من موظفي الأمانة إلى المحادثة.
# $agent: the staff member's name; $ticket: the ticket number the chat is about
handoff-joined-case = انضم { $agent } من موظفي الأمانة إلى المحادثة بخصوص بلاغك رقم { $ticket }.
handoff-transferred = أُحيلت محادثتك إلى فريق آخر من موظفينا. يُرجى البقاء هنا، وسيرد عليك أحد أعضاء ذلك الفريق في هذه المحادثة في أقرب وقت ممكن.
handoff-left-queue = أُلغي طلب المحادثة مع موظف، وعاد المساعد الآلي لخدمتك.
# $hotline: the customer-service phone number (940)
handoff-abandoned =
    نعتذر، لم يتمكن أحد من موظفينا من الرد عليك في الوقت المناسب، فعاد المساعد الآلي لخدمتك. رسائلك محفوظة، وقد يرد عليك أحد موظفينا هنا لاحقًا.
    للأمور العاجلة اتصل على { $hotline }.
handoff-ask-rating = انتهت محادثتك مع موظفنا، وعاد المساعد الآلي لخدمتك. كيف كانت تجربتك؟
rating-5 = 😀 ممتازة
rating-4 = 🙂 جيدة
rating-3 = 😐 مقبولة
rating-2 = 🙁 سيئة
rating-1 = 😞 سيئة جدًا
handoff-rating-thanks = شكرًا لتقييمك.

## Days of the week (in "يوم السبت الساعة 08:00")

weekday-sat = السبت
weekday-sun = الأحد
weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
