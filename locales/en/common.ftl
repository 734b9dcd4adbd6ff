# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    Assalamu alaikum, welcome to Labbaik 🌿
    I'm the municipality's assistant. I can take a report about a problem, tell you where your ticket stands, answer questions about municipal services, or pass your chat to our staff.
menu-prompt = How can I help you? Tap an option, or just type your question.
menu-anything-else = Anything else I can help with?

menu-report = Report a problem
menu-status = Check a ticket
menu-my-tickets = My tickets
menu-language = Language
menu-help = Help
menu-agent = Talk to a person

## Shared buttons

choice-skip = Skip
choice-cancel = Cancel
choice-yes = Yes
choice-no = No
choice-menu = Main menu
choice-confirm = Send it
choice-edit = Change something

## Cancel, help and small talk

cancelled = Okay, cancelled. No report or request was sent.
# The words in quotes are what a person can type: the labels of choice-cancel
# and choice-menu (or "menu", which works in every language).
# $hotline: the customer-service phone number (940)
help =
    Here is what I can do:
    • take a report about a problem in the city (waste, water leaks, road hazards, food safety and more)
    • tell you where your report or request stands
    • answer questions about the municipality's services and service points
    • change the language we talk in
    Type "cancel" any time to stop, or "menu" to start again. For an urgent problem in the city, call { $hotline } (24 hours).
greet-reply = Wa alaikum assalam! How can I help you today?
thank-reply = You're welcome! Glad to help.
goodbye-reply = Take care, and may your stay be blessed. I'm here whenever you need me.
out-of-scope = Sorry, that's outside what I can help with here. Here is what I can do:

## Not understood

please-choose = Please pick one of the options: tap a button or send its number.
please-use-menu = Sorry, I can't read typed questions right now. Please choose from the menu.
clarify = Sorry, I didn't quite get that. Did you mean one of these?
# $hotline: the customer-service phone number (940)
handoff-offer = Sorry, I still don't understand. You can say it another way or choose from the menu, or tap Talk to a person to pass your chat to our staff. You can also call { $hotline } at any hour.
# Said when the person asks for a person but no team is set up to take live chats
# here (bot/handoff/): say so, and promise no date.
# $hotline: the customer-service phone number (940)
handoff-hotline = You can't chat with a person here yet. To speak to someone now, please call { $hotline }: the customer-service centre answers 24 hours a day in Arabic, English, Indonesian and Urdu.
# $hotline: the customer-service phone number (940)
error-service = Sorry, something went wrong on our side. Please try again in a moment, or call { $hotline }.

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = Please type your answer as a message.
# $min: the fewest characters allowed
error-text-too-short =
    That's a bit short. Please write at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
# $max: the most characters allowed
error-text-too-long =
    That's too long. Please keep it under { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
error-location-expected = Please share your location pin, or type the place: a street, a hotel name or a Mina camp number.
error-location-too-short = Please tell me a little more about the place, for example the street or hotel name.
error-photo-expected = Please send a photo, or choose Skip.
error-phone-invalid = That doesn't look like a phone number. Please send the digits, for example 0501234567, or share your contact.
error-yes-no = Please answer Yes or No.

## Checking answers before sending

confirm-edit-which = Which part do you want to change?
# Shown for any answer left out: the photo, the phone, the office, a date.
summary-skipped = None
# The value after "Photo:" in the report summary.
summary-photo-attached = Attached
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = Pin on the map ({ $lat }, { $lon })
