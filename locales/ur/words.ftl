# مختصر جواب جو لوگ بٹن دبانے کے بجائے لکھتے ہیں۔ یہ دکھائے نہیں جاتے، بوٹ انہیں پڑھتا ہے۔
# کوئی پیغام «ہاں» (یا «نہیں»، «چھوڑ دیں» وغیرہ) تب مانا جاتا ہے جب اس کا ہر لفظ
# اسی فہرست میں یا `words-filler` میں ہو، اور کم از کم ایک لفظ اسی فہرست میں ہو:
# «جی بھیج دیں»، «میرے پاس تصویر نہیں ہے»، «photo nahi hai»۔ سب زبانوں کی فہرستیں
# ایک ساتھ پڑھی جاتی ہیں، اس لیے وہ شکلیں لکھیں جو لوگ واقعی لکھتے ہیں، رومن اردو بھی۔

# ہاں: ہاں/نہیں والے سوال کا جواب، اور خلاصے پر رضامندی («کیا بھیج دوں؟»)۔
words-yes =
    جی, ہاں, ہان, ٹھیک, درست, بالکل, بھیج, بھیجیں, بھیجو, اوکے, ضرور, صحیح,
    haan, han, ha, haa, ji, jee, jі, theek, thik, teek, tik, bilkul, sahi, bhej,
    bhejo, bhejdo, bhejein, bhejain, zaroor, zarur, okay, ok
# نہیں: ہاں/نہیں والے سوال کا جواب، اور خلاصے پر۔
words-no =
    نہیں, نہی, نا, نہ, nahi, nahin, nai, nahee, nhi, nahi, na, mat, نئیں
# اختیاری سوال چھوڑنا (تصویر، فون نمبر)۔ «نہیں» سے بھی سوال چھوٹ جاتا ہے۔
words-skip =
    چھوڑ, چھوڑیں, چھوڑو, رہنے, بغیر, بعد, سکپ, chor, chhor, chod, chodo, choro,
    chhoro, rehne, rehnay, baad, skip
# مین مینو، اکیلا لکھا ہوا («مینو»، «واپس مینو پر»)۔
words-menu =
    مینو, مینیو, menu
# سلام کے الفاظ: «وعلیکم السلام» صرف انہی کا جواب ہے۔
words-salam =
    السلام, سلام, علیکم, السلام علیکم, ورحمۃ, اللہ, وبرکاتہ, assalam, asalam,
    salam, salaam, alaikum, alykum, aoa, slam
# صرف سلام دعا («ہیلو»، «آداب»): جواب میں سلام اور مینو۔
words-hello =
    ہیلو, ہائے, آداب, adab, aadab
# صرف شکریہ («شکریہ»، «مہربانی»)۔
words-thanks =
    شکریہ, شکریا, مہربانی, نوازش, جزاک, اللہ, shukriya, shukria, shukriyah, shukrya,
    meharbani, mehrbani, meherbani, jazakallah, jazakallahkhair, thanku, thankyou
# صرف خدا حافظ: ادھوری شکایت محفوظ رہتی ہے تاکہ وہ واپس آ کر مکمل کر سکیں۔
words-bye =
    خدا, حافظ, اللہ, خداحافظ, الوداع, khuda, hafiz, khudahafiz, allahhafiz
# وہ الفاظ جو کسی بھی مختصر جواب کے ساتھ آ سکتے ہیں اور اس کا مطلب نہیں بدلتے۔
words-filler =
    دیں, دو, دے, ہے, ہیں, میرے, میرا, میری, پاس, تصویر, تصویریں, فوٹو, نمبر,
    فون, موبائل, شکریہ, مہربانی, بھائی, ابھی, کوئی, میں, ہم, واپس, مجھے, چاہیے,
    دینا, کریں, کرو, پر, کو, do, dein, de, dain, hai, he, hain, mere, mera, meri,
    paas, pas, photo, foto, tasveer, tasvir, picture, number, phone, mobile,
    shukriya, meharbani, bhai, abhi, koi, main, mein, hum, wapas, mujhe, chahiye,
    dena, karo, karein, par, ko, yaar, sir
