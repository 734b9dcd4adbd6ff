# Changing the language (flow change_language).

language-ask = بأي لغة تفضّل أن نتحدث؟

## Language names: each written in its own language, the same in every locale

language-name-ar = العربية
language-name-en = English
language-name-id = Bahasa Indonesia
language-name-ur = اردو
language-name-fa = فارسی

# Sent in the NEW language, right after it is switched.
language-changed = تم! سأتحدث معك بالعربية من الآن فصاعدًا.
