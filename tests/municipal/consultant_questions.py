"""Questions people ask the consultant, one per answer per language, written apart from the
questions stored with each answer (locales/<lang>/knowledge.ftl): a test that the stored
questions generalise, not that they match themselves."""

# entry -> language -> a specific question that must get that answer at once
SPECIFIC = {
    "eng-categories": {
        "en": "which engineering-office category may design a four-floor building?",
        "ar": "المكتب الهندسي من أي فئة يقدر يصمم عمارة أربعة أدوار؟",
        "id": "kantor teknik kategori berapa yang bisa desain gedung empat lantai?",
        "ur": "چار منزلہ عمارت کا نقشہ کس کیٹیگری کا انجینئرنگ دفتر بنا سکتا ہے؟",
        "fa": "دفتر مهندسی با چه رده\u200cای می\u200cتواند ساختمان چهار طبقه طراحی کند؟",
    },
    "eng-permissions": {
        "en": "is the engineering office allowed to apply for the building permit for me?",
        "ar": "هل يحق للمكتب الهندسي أن يقدم طلب الرخصة بدالي؟",
        "id": "boleh tidak kantor teknik mengurus izin bangunan atas nama saya?",
        "ur": "کیا انجینئرنگ دفتر میرے لیے بلڈنگ پرمٹ کی درخواست جمع کر سکتا ہے؟",
        "fa": "دفتر مهندسی اجازه دارد به جای من درخواست پروانهٔ ساخت بدهد؟",
    },
    "eng-verify": {
        "en": "how do I check if an engineering office is really licensed?",
        "ar": "كيف أعرف إن المكتب الهندسي مرخص فعلاً؟",
        "id": "gimana cara cek kantor teknik itu resmi berizin atau tidak?",
        "ur": "کیسے معلوم کروں کہ یہ انجینئرنگ دفتر واقعی لائسنس والا ہے؟",
        "fa": "از کجا بفهمم این دفتر مهندسی واقعاً مجوز دارد؟",
    },
    "build-permit": {
        "en": "what papers do I need to get a permit to build my house?",
        "ar": "وش الأوراق المطلوبة عشان أطلع رخصة بناء بيتي؟",
        "id": "syarat izin mendirikan bangunan untuk rumah apa saja?",
        "ur": "اپنا گھر بنانے کا اجازت نامہ لینے کے لیے کون سے کاغذات چاہئیں؟",
        "fa": "برای گرفتن پروانهٔ ساخت خانه\u200cام چه مدارکی لازم دارم؟",
    },
    "build-requirements": {
        "en": "how many floors am I allowed to build on my plot?",
        "ar": "كم عدد الأدوار المسموح أبنيها في أرضي؟",
        "id": "rumah saya boleh dibangun berapa lantai?",
        "ur": "اپنے پلاٹ پر کتنی منزلیں بنانے کی اجازت ہے؟",
        "fa": "روی زمینم اجازه دارم چند طبقه بسازم؟",
    },
    "build-during": {
        "en": "where am I supposed to dump the construction waste from my site?",
        "ar": "وين أرمي مخلفات البناء حقت الموقع؟",
        "id": "puing sisa pembangunan dibuang ke mana?",
        "ur": "تعمیر کا ملبہ کہاں پھینکنا ہے؟",
        "fa": "نخاله\u200cهای ساختمانی را کجا باید بریزم؟",
    },
    "shop-licence": {
        "en": "I want to open a shop, how do I get the licence?",
        "ar": "أبغى أفتح محل، كيف أطلع الرخصة؟",
        "id": "mau buka toko baru, urus izinnya gimana ya?",
        "ur": "مجھے دکان کھولنی ہے، لائسنس کیسے ملے گا؟",
        "fa": "می\u200cخواهم مغازه باز کنم، مجوزش را چطور بگیرم؟",
    },
    "shop-technical": {
        "en": "what lighting and ventilation does a shop need?",
        "ar": "وش شروط الإضاءة والتهوية في المحل التجاري؟",
        "id": "toko harus punya pencahayaan dan ventilasi seperti apa?",
        "ur": "دکان میں روشنی اور ہوا کا کیا انتظام ہونا چاہیے؟",
        "fa": "مغازه باید چه نور و تهویه\u200cای داشته باشد؟",
    },
    "shop-food": {
        "en": "what are the technical conditions for opening a food shop?",
        "ar": "ما هي اشتراطات محل المواد الغذائية؟",
        "id": "apa syarat teknis buat warung makan?",
        "ur": "کھانے پینے کی دکان کے لیے کیا شرطیں ہیں؟",
        "fa": "برای مغازهٔ مواد غذایی چه الزاماتی هست؟",
    },
    "invest-opportunities": {
        "en": "are there any investment opportunities with the municipality?",
        "ar": "فيه فرص استثمارية عند الأمانة؟",
        "id": "ada peluang investasi di pemerintah kota?",
        "ur": "کیا بلدیہ کے ساتھ سرمایہ کاری کا کوئی موقع ہے؟",
        "fa": "فرصت سرمایه\u200cگذاری در شهرداری وجود دارد؟",
    },
    "invest-projects": {
        "en": "what new projects is the municipality planning in Makkah?",
        "ar": "وش المشاريع الجديدة اللي تخطط لها الأمانة في مكة؟",
        "id": "proyek baru apa yang direncanakan pemerintah kota di Makkah?",
        "ur": "بلدیہ مکہ میں کون سے نئے منصوبے بنا رہی ہے؟",
        "fa": "شهرداری چه پروژه\u200cهای تازه\u200cای در مکه دارد؟",
    },
    "tx-licence-printing": {
        "en": "where can I print my municipal licence?",
        "ar": "ابي اطبع الرخصة حقتي وين اطبعها؟",
        "id": "izin saya bisa dicetak di mana?",
        "ur": "اپنا لائسنس کہاں سے پرنٹ کرواؤں؟",
        "fa": "مجوزم را کجا چاپ کنم؟",
    },
    "tx-deed-registration": {
        "en": "how can I register the deed of my land?",
        "ar": "كيف اسجل صك ارضي؟",
        "id": "cara mendaftarkan akta tanah saya bagaimana?",
        "ur": "میں اپنی زمین کی رجسٹری کیسے کرواؤں؟",
        "fa": "سند زمینم را چطور ثبت کنم؟",
    },
    "tx-land-subdivision": {
        "en": "how do I split my plot of land into two?",
        "ar": "ابي اقسم ارضي قطعتين كيف؟",
        "id": "bagaimana memecah kavling saya jadi dua?",
        "ur": "اپنا پلاٹ دو حصوں میں کیسے تقسیم کروں؟",
        "fa": "چطور زمینم را به دو قطعه تفکیک کنم؟",
    },
    "contacts-all": {
        "en": "what number do I call for the consultant?",
        "ar": "ايش رقم المستشار؟",
        "id": "nomor telepon konsultannya berapa?",
        "ur": "مشیر کا فون نمبر کیا ہے؟",
        "fa": "شمارهٔ تلفن مشاور چند است؟",
    },
}

# broad questions about a whole topic (engineering offices): the topic's menu
BROAD = {
    "en": "tell me about engineering offices",
    "ar": "ابي اعرف عن المكاتب الهندسية",
    "id": "info tentang kantor teknik",
    "ur": "انجینئرنگ دفاتر کے بارے میں بتائیں",
    "fa": "دربارهٔ دفاتر مهندسی بگویید",
}
