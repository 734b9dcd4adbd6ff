# Changing the language (flow change_language).

language-ask = Anda ingin menggunakan bahasa apa?

## Language names: each written in its own language, the same in every locale

language-name-ar = العربية
language-name-en = English
language-name-id = Bahasa Indonesia
language-name-ur = اردو
language-name-fa = فارسی

# Sent in the NEW language, right after it is switched.
language-changed = Selesai! Mulai sekarang saya akan berbicara dengan Anda dalam Bahasa Indonesia.
