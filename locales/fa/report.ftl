# Reporting a problem (flow report_issue).

report-ask-category = مشکل از چه نوعی است؟

## Categories (button labels, also shown in summaries and ticket lists)

category-waste = زباله و پسماند
category-food-safety = بهداشت مواد غذایی
category-water-sewage = نشت آب یا فاضلاب
category-road-hazard = خطر در خیابان
category-street-lighting = روشنایی خیابان‌ها
category-animals-pests = حیوانات و حشرات
category-public-toilets = سرویس بهداشتی عمومی
category-building-violation = تخلف ساختمانی
category-street-vendors = دست‌فروشان
category-other = موارد دیگر

## Questions

report-ask-description = لطفاً مشکل را در چند کلمه شرح دهید: چه مشکلی است و چقدر جدی است؟
report-ask-location = کجاست؟ موقعیت مکانی‌تان را بفرستید 📍، یا نام مکان را بنویسید: یک خیابان، نام هتل یا شمارهٔ خیمه در منا.
report-ask-photo = عکس خیلی به همکاران ما کمک می‌کند. یک عکس بفرستید، یا «رد شدن» را انتخاب کنید.
report-ask-phone = آیا در صورت نیاز همکاران ما می‌توانند با شما تماس بگیرند؟ شمارهٔ تلفنتان را بفرستید یا مخاطب خود را به اشتراک بگذارید، یا «رد شدن» را انتخاب کنید.

## Field names (for "which part do you want to change?")

report-field-category = نوع مشکل
report-field-description = شرح
report-field-location = مکان
report-field-photo = عکس
report-field-phone = شمارهٔ تلفن

## Summary and result

# $category, $description, $location, $photo, $phone: the answers, ready to show
report-summary =
    لطفاً گزارشتان را بررسی کنید:
    نوع: { $category }
    شرح: { $description }
    مکان: { $location }
    عکس: { $photo }
    تلفن: { $phone }
    ارسالش کنم؟
# $ticket_id: the new ticket number, e.g. MK-1234566
report-filed =
    متشکریم، گزارش شما ثبت شد ✅
    شمارهٔ پیگیری شما { $ticket_id } است. آن را برای پیگیری وضعیت نگه دارید؛ هر وقت وضعیت تغییر کند، همین‌جا به شما پیام می‌دهم.

## گزارشی که نگه داشته شد تا کاربر کار دیگری بکند

report-draft-button = ↩ ادامهٔ گزارشم
# $category: نوع مشکل، اگر انتخاب شده باشد؛ $has_category: "true" یا "false"
report-draft-offer =
    { $has_category ->
        [true] گزارش شما ({ $category }) هنوز ارسال نشده است. ادامه‌اش بدهیم؟
       *[other] گزارش شما هنوز ارسال نشده است. ادامه‌اش بدهیم؟
    }
# بعد از «عکس:» و «تلفن:» در خلاصه، وقتی کاربر از آن‌ها گذشته است.
report-photo-none = ندارد
report-phone-none = ندارد
