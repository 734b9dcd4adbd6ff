# Messages about what a person sent, whatever the channel.

# A sticker, voice note, poll, video or anything else we cannot read.
unsupported-message = Sorry, I can only read text, locations and photos. Please type your message, share a location or send a photo.
# $megabytes: the largest photo we accept, in megabytes
media-too-large = That photo is too large. Please send one smaller than { $megabytes } MB.
media-wrong-type = I can only take photos (JPEG, PNG or WebP). Please send the picture as a photo.
media-unreadable = I couldn't download that photo. Please try sending it again.
# Said when free text needs the language service and it is not answering.
nlu-unavailable = I can't read typed questions right now, but the buttons work. Please choose from the menu.
