# أسماء الأماكن: البلديات الفرعية بمكة المكرمة ومواقع الخدمة، والتاريخ الهجري.

submun-ajyad = أجياد
submun-maabda = المعابدة
submun-aziziyah = العزيزية
submun-utaybiyyah = العتيبية
submun-zahir = الزاهر
submun-umrah = العمرة
submun-sharai = الشرائع
submun-awali = العوالي
submun-shoqiyah = الشوقية
submun-mashaer = المشاعر المقدسة

service-itlala = موقع إطلالة
service-hadirin = سيارة حاضرين

place-itlala-masjid-aisha = مسجد عائشة (التنعيم)
place-itlala-masjid-al-jinn = مسجد الجن
place-itlala-masjid-al-rajhi = جامع الراجحي بالعزيزية
place-itlala-masjid-al-jiranah = مسجد الجعرانة
place-itlala-masjid-al-khayf = مسجد الخيف بمنى
place-itlala-masjid-al-mashar-al-haram = مسجد المشعر الحرام بمزدلفة
place-hadirin-zahir-park = حديقة الزاهر
place-hadirin-aziziyah-walkway = ممشى العزيزية
place-hadirin-awali-park = حديقة العوالي
place-hadirin-sharai-park = حديقة الشرائع
place-hadirin-shoqiyah-park = حديقة الشوقية

# «للهجرة» rather than the usual abbreviation, which is written with a tatweel.
hijri-date = { $day } { $month } { $year } للهجرة
hijri-month-1 = محرم
hijri-month-2 = صفر
hijri-month-3 = ربيع الأول
hijri-month-4 = ربيع الآخر
hijri-month-5 = جمادى الأولى
hijri-month-6 = جمادى الآخرة
hijri-month-7 = رجب
hijri-month-8 = شعبان
hijri-month-9 = رمضان
hijri-month-10 = شوال
hijri-month-11 = ذو القعدة
hijri-month-12 = ذو الحجة

# مساجد يسأل الناس عنها بالاسم وليس فيها موقع خدمة خاص بها
# (boundaries.yaml، `mosque: true`): «موقع إطلالة في الحرم».
mosque-haram = المسجد الحرام
