# Live chat with our staff (bot/handoff/, docs/handoff.md). Be honest: a person is
# promised only when someone is on duty; otherwise say what happens to the message.
# «لغو» is the choice-cancel button shown under these messages. The 940 line does
# not answer in Persian (see common.ftl).

# $position: the chat's place in the queue (1 = next); $minutes: the expected wait
handoff-queued =
    گفت‌وگوی شما را به کارشناسان ما سپردم. شمارهٔ شما در صف { $position } است و حدود { $minutes } دقیقه باید منتظر بمانید.
    در این فاصله سؤالتان را همین‌جا بنویسید: یکی از کارشناسان ما آن را می‌خواند و در همین گفت‌وگو به شما پاسخ می‌دهد. برای برگشتن به دستیار، «لغو» را بزنید.
# $opens: when chats open again (HH:MM, Makkah time); $when: today, tomorrow or later;
# $weekday: the day's name (for later); $hotline: the customer-service phone number (940)
handoff-closed =
    کارشناسان ما در این ساعت گفت‌وگو نمی‌پذیرند. سؤالتان را همین‌جا بنویسید: پیامتان نگه داشته می‌شود و وقتی گفت‌وگو با کارشناسان { $when ->
        [today] امروز ساعت { $opens }
        [tomorrow] فردا ساعت { $opens }
       *[later] { $weekday } ساعت { $opens }
    } به وقت مکه دوباره آغاز شود، یکی از آن‌ها در همین گفت‌وگو به شما پاسخ می‌دهد.
    برای کار فوری با { $hotline } تماس بگیرید که شبانه‌روزی پاسخ می‌دهد، ولی به عربی، انگلیسی، اندونزیایی و اردو، نه به فارسی. برای برگشتن به دستیار، «لغو» را بزنید.
# $hotline: the customer-service phone number (940)
handoff-nobody =
    الان هیچ‌یک از کارشناسان ما برای گفت‌وگو آزاد نیست. سؤالتان را همین‌جا بنویسید: پیامتان نگه داشته می‌شود و به‌محض اینکه کارشناسی آزاد شود، در همین گفت‌وگو به شما پاسخ می‌دهد.
    برای کار فوری با { $hotline } تماس بگیرید که شبانه‌روزی پاسخ می‌دهد، ولی به عربی، انگلیسی، اندونزیایی و اردو، نه به فارسی. برای برگشتن به دستیار، «لغو» را بزنید.
# $agent: the staff member's name
handoff-joined = { $agent } از کارشناسان شهرداری به گفت‌وگو پیوست.
# $agent: the staff member's name; $ticket: the ticket number the chat is about
handoff-joined-case = { $agent } از کارشناسان شهرداری برای پیگیری گزارش { $ticket } به گفت‌وگو پیوست.
handoff-transferred = گفت‌وگوی شما به گروه دیگری از کارشناسان ما سپرده شد. لطفاً همین‌جا بمانید؛ یکی از کارشناسان آن گروه در اولین فرصت در همین گفت‌وگو به شما پاسخ می‌دهد.
handoff-left-queue = درخواست گفت‌وگو با کارشناس لغو شد و دستیار دوباره در خدمت شماست.
# $hotline: the customer-service phone number (940)
handoff-abandoned =
    متأسفیم، هیچ‌یک از کارشناسان ما نتوانست به‌موقع به شما پاسخ دهد؛ برای همین دستیار دوباره در خدمت شماست. پیام‌هایتان نگه داشته شده است و ممکن است یکی از کارشناسان ما بعداً همین‌جا به شما پاسخ دهد.
    برای کار فوری با { $hotline } تماس بگیرید (به عربی، انگلیسی، اندونزیایی یا اردو).
handoff-ask-rating = گفت‌وگوی شما با کارشناس ما تمام شد و دستیار دوباره در خدمت شماست. گفت‌وگو چطور بود؟
rating-5 = 😀 خیلی خوب
rating-4 = 🙂 خوب
rating-3 = 😐 معمولی
rating-2 = 🙁 بد
rating-1 = 😞 خیلی بد
handoff-rating-thanks = از اینکه نظرتان را گفتید ممنونیم.

## Days of the week (in "شنبه ساعت 08:00")

weekday-sat = شنبه
weekday-sun = یکشنبه
weekday-mon = دوشنبه
weekday-tue = سه‌شنبه
weekday-wed = چهارشنبه
weekday-thu = پنجشنبه
weekday-fri = جمعه
