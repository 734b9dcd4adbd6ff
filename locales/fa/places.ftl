# نام مکان‌ها: شهرداری‌های مناطق مکه، محل‌های خدمت، و تاریخ هجری قمری.

submun-ajyad = اجیاد
submun-maabda = معابده
submun-aziziyah = عزیزیه
submun-utaybiyyah = عتیبیه
submun-zahir = زاهر
submun-umrah = عمره
submun-sharai = شرایع
submun-awali = عوالی
submun-shoqiyah = شوقیه
submun-mashaer = مشاعر مقدسه

service-itlala = غرفهٔ اطلاله
service-hadirin = خودروی حاضرین

place-itlala-masjid-aisha = مسجد عایشه (تنعیم)
place-itlala-masjid-al-jinn = مسجد جن
place-itlala-masjid-al-rajhi = مسجد جامع الراجحی، عزیزیه
place-itlala-masjid-al-jiranah = مسجد جعرانه
place-itlala-masjid-al-khayf = مسجد خیف، منا
place-itlala-masjid-al-mashar-al-haram = مسجد المشعر الحرام، مزدلفه
place-hadirin-zahir-park = پارک زاهر
place-hadirin-aziziyah-walkway = پیاده‌راه عزیزیه
place-hadirin-awali-park = پارک عوالی
place-hadirin-sharai-park = پارک شرایع
place-hadirin-shoqiyah-park = پارک شوقیه

hijri-date = { $day } { $month } { $year } ق
hijri-month-1 = محرم
hijri-month-2 = صفر
hijri-month-3 = ربیع‌الاول
hijri-month-4 = ربیع‌الثانی
hijri-month-5 = جمادی‌الاول
hijri-month-6 = جمادی‌الثانی
hijri-month-7 = رجب
hijri-month-8 = شعبان
hijri-month-9 = رمضان
hijri-month-10 = شوال
hijri-month-11 = ذی‌القعده
hijri-month-12 = ذی‌الحجه

# مسجدهایی که مردم با نامشان می‌پرسند ولی محل خدمت مخصوص به خود ندارند
# (boundaries.yaml، `mosque: true`): «غرفهٔ اطلاله در مسجدالحرام».
mosque-haram = مسجدالحرام
