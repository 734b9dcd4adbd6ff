# Changing the language (flow change_language).

language-ask = ترجیح می‌دهید به چه زبانی صحبت کنیم؟

## Language names: each written in its own language, the same in every locale

language-name-ar = العربية
language-name-en = English
language-name-id = Bahasa Indonesia
language-name-ur = اردو
language-name-fa = فارسی

# Sent in the NEW language, right after it is switched.
language-changed = انجام شد! از این به بعد با شما به فارسی صحبت می‌کنم.
