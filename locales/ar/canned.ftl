# Canned replies: common answers an agent sends in a live chat (bot/handoff/canned.py).
# The id after "canned-" is the shortcut agents type; .title is the name they see
# (needed in ar and en, the desk languages). Only { $agent } and { $hotline } may be used.

canned-greeting = السلام عليكم، معك { $agent } من خدمة العملاء في الأمانة. كيف يمكنني مساعدتك؟
    .title = تحية
canned-moment = لحظة من فضلك، أتحقق من الأمر من أجلك.
    .title = لحظة من فضلك
canned-location = هل يمكنك مشاركة موقعك (دبوس على الخريطة)، أو ذكر أقرب معلم أو شارع أو فندق إليك؟
    .title = طلب الموقع
canned-photo = هل يمكنك إرسال صورة للمشكلة؟ فهي تساعد فريقنا الميداني على الوصول إليها ومعالجتها.
    .title = طلب صورة
canned-forwarded = شكرًا لك. أحلتُ الأمر إلى الفريق المختص، وستصلك رسالة هنا عند وجود أي مستجدات.
    .title = أُحيل إلى الفريق
canned-hotline = لهذا الأمر يُرجى الاتصال على { $hotline }: مركز خدمة العملاء يرد على مدار الساعة بالعربية والإنجليزية والإندونيسية والأردية.
    .title = الاتصال على 940
canned-anything-else = هل هناك أي شيء آخر يمكنني مساعدتك فيه؟
    .title = شيء آخر؟
canned-goodbye = شكرًا لتواصلك مع الأمانة، ونتمنى لك يومًا مباركًا.
    .title = ختام المحادثة
