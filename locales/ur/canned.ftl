# Canned replies: common answers an agent sends in a live chat (bot/handoff/canned.py).
# The id after "canned-" is the shortcut agents type; agents see the reply's name in
# the desk languages (ar, en). Only { $agent } and { $hotline } may be used.
# The agent may be a man or a woman: keep the agent's own words free of gender.

canned-greeting = السلام علیکم، میں بلدیہ کی کسٹمر سروس سے { $agent } ہوں۔ فرمائیے، میں آپ کی کیا مدد کروں؟
canned-moment = براہِ کرم ایک لمحہ انتظار کریں، آپ کا معاملہ دیکھا جا رہا ہے۔
canned-location = کیا آپ اپنی لوکیشن (نقشے پر پن) بھیج سکتے ہیں، یا قریب ترین مشہور جگہ، سڑک یا ہوٹل کا نام بتا سکتے ہیں؟
canned-photo = کیا آپ مسئلے کی تصویر بھیج سکتے ہیں؟ اس سے ہماری فیلڈ ٹیم کو اسے ڈھونڈنے اور ٹھیک کرنے میں مدد ملتی ہے۔
canned-forwarded = شکریہ۔ یہ معاملہ متعلقہ ٹیم کو بھیج دیا گیا ہے، اور کوئی نئی اطلاع ہونے پر آپ کو یہیں پیغام ملے گا۔
canned-hotline = اس کے لیے براہِ کرم { $hotline } پر کال کریں: کسٹمر سروس سینٹر چوبیس گھنٹے عربی، انگریزی، انڈونیشیائی اور اردو میں جواب دیتا ہے۔
canned-anything-else = کیا آپ کو کسی اور چیز میں مدد چاہیے؟
canned-goodbye = بلدیہ سے رابطہ کرنے کا شکریہ۔ اللہ آپ کا دن بابرکت بنائے۔
