# Messages about what a person sent, whatever the channel.

# A sticker, voice note, poll, video or anything else we cannot read.
unsupported-message = معذرت، میں صرف تحریر، لوکیشن اور تصاویر پڑھ سکتا ہوں۔ براہِ کرم اپنا پیغام لکھیں، لوکیشن شیئر کریں یا تصویر بھیجیں۔
# $megabytes: the largest photo we accept, in megabytes
media-too-large = یہ تصویر بہت بڑی ہے۔ براہِ کرم { $megabytes } MB سے چھوٹی تصویر بھیجیں۔
media-wrong-type = میں صرف تصاویر (JPEG، PNG یا WebP) لے سکتا ہوں۔ براہِ کرم تصویر کو فائل کے بجائے تصویر کے طور پر بھیجیں۔
media-unreadable = میں یہ تصویر ڈاؤن لوڈ نہیں کر سکا۔ براہِ کرم اسے دوبارہ بھیجیں۔
# Said when free text needs the language service and it is not answering.
nlu-unavailable = میں اس وقت لکھے ہوئے سوالات نہیں پڑھ سکتا، لیکن بٹن کام کر رہے ہیں۔ براہِ کرم مینو میں سے انتخاب کریں۔
