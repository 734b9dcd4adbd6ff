# The web chat page's own few words (the bot's messages come from the other files).
# Buttons stay short: they sit side by side on a phone screen.

# The name of this language, written in this language (shown in the language picker).
webchat-language-name = English
webchat-title = Labbaik · Municipality customer service 940
webchat-language = Language
webchat-choose-language = Choose your language
webchat-message-label = Message
webchat-placeholder = Type a message
webchat-send = Send
webchat-share-location = Share my location
webchat-photo = Photo
# Shown in the person's own bubble after they shared a location or sent a photo.
webchat-location-shared = Location shared
webchat-photo-sent = Photo sent
webchat-sending = Sending…
webchat-you = You
webchat-bot = Labbaik
webchat-error-location-denied = Location access was not allowed. You can type the address or a nearby landmark instead.
webchat-error-location-unavailable = Your location could not be found. You can type the address or a nearby landmark instead.
webchat-error-network = The message could not be sent. Check your connection and try again.
webchat-error-server = Something went wrong on our side. Please try again in a moment.
# Shown when the server refused what was sent (400), e.g. a button it could not
# read. Reloading the page does not help; typing the answer does.
webchat-error-bad-request = This message could not be sent. Please try again; if a button does not work, type your answer or the option's number instead.
webchat-error-slow-down = You are sending messages very fast. Please wait a moment and try again.
# Shown when the browser runs no JavaScript. $hotline: the 940 number
webchat-noscript = This chat needs JavaScript. Please turn it on, message us on WhatsApp or Telegram, or call { $hotline }.
