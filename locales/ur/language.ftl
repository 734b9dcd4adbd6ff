# Changing the language (flow change_language).

language-ask = آپ کون سی زبان پسند کریں گے؟

## Language names: each written in its own language, the same in every locale

language-name-ar = العربية
language-name-en = English
language-name-id = Bahasa Indonesia
language-name-ur = اردو
language-name-fa = فارسی

# Sent in the NEW language, right after it is switched.
language-changed = ہو گیا! اب سے میں آپ سے اردو میں بات کروں گا۔
