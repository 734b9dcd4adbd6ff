# جگہوں کے نام: مکہ کی ذیلی بلدیات، سروس پوائنٹس، اور ہجری تاریخ۔

submun-ajyad = اجیاد
submun-maabda = معابدہ
submun-aziziyah = عزیزیہ
submun-utaybiyyah = عتیبیہ
submun-zahir = زاہر
submun-umrah = عمرہ
submun-sharai = شرائع
submun-awali = عوالی
submun-shoqiyah = شوقیہ
submun-mashaer = مشاعرِ مقدسہ

service-itlala = اطلالہ کاؤنٹر
service-hadirin = حاضرین گاڑی

place-itlala-masjid-aisha = مسجدِ عائشہ (تنعیم)
place-itlala-masjid-al-jinn = مسجدِ جن
place-itlala-masjid-al-rajhi = جامع الراجحی، عزیزیہ
place-itlala-masjid-al-jiranah = مسجدِ جعرانہ
place-itlala-masjid-al-khayf = مسجدِ خیف، منیٰ
place-itlala-masjid-al-mashar-al-haram = مسجد المشعر الحرام، مزدلفہ
place-hadirin-zahir-park = زاہر پارک
place-hadirin-aziziyah-walkway = عزیزیہ واک وے
place-hadirin-awali-park = عوالی پارک
place-hadirin-sharai-park = شرائع پارک
place-hadirin-shoqiyah-park = شوقیہ پارک

hijri-date = { $day } { $month } { $year } ہجری
hijri-month-1 = محرم
hijri-month-2 = صفر
hijri-month-3 = ربیع الاول
hijri-month-4 = ربیع الثانی
hijri-month-5 = جمادی الاول
hijri-month-6 = جمادی الثانی
hijri-month-7 = رجب
hijri-month-8 = شعبان
hijri-month-9 = رمضان
hijri-month-10 = شوال
hijri-month-11 = ذوالقعدہ
hijri-month-12 = ذوالحجہ

# وہ مسجدیں جن کا لوگ نام لے کر پوچھتے ہیں مگر ان میں اپنا کوئی سروس پوائنٹ نہیں
# (boundaries.yaml، `mosque: true`): «حرم میں اطلالہ کاؤنٹر»۔
mosque-haram = مسجد الحرام
